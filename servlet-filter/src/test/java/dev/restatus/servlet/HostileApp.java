package dev.restatus.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixtures for the adversarial corpus: a concealed resource that sets everything a response can
 * carry, servlets that read bad input, write before their status, leak through kept bodies, and
 * misuse includes and async tasks.
 */
final class HostileApp {

  private HostileApp() {}

  /**
   * {@code /vault/secret} exists and refuses everyone (GET and POST 403, DELETE a mapped
   * SecurityException; PUT, PATCH lacked: HttpServlet's 405 and 501); {@code /vault/late} writes a
   * page and then sets 403. Everything else below {@code /vault/} is missing.
   */
  static final class Vault extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      if (req.getServletPath().equals("/vault/late")) {
        resp.setContentType("text/html");
        resp.getWriter().write("<html>the vault holds 3 documents</html>");
        resp.setStatus(403);
        return;
      }
      telltales(req, resp);
      resp.sendError(403, "you may not open /vault/secret");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      telltales(req, resp);
      resp.setStatus(403);
      resp.setContentType("text/html;charset=UTF-8");
      resp.getWriter().write("<html>forbidden: the vault exists</html>");
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
      throw new SecurityException("no deleting the vault");
    }

    /** Everything a real 404 lacks. */
    private static void telltales(HttpServletRequest req, HttpServletResponse resp) {
      req.getSession(true).setAttribute("seen", Boolean.TRUE);
      resp.setHeader("Cache-Control", "private, max-age=60");
      resp.setHeader("Vary", "Cookie");
      resp.setHeader("WWW-Authenticate", "Basic realm=\"vault\"");
      resp.setHeader("Location", "/vault/login");
      resp.setHeader("X-Vault", "sealed");
      resp.addCookie(new jakarta.servlet.http.Cookie("vault", "1"));
      resp.setCharacterEncoding("ISO-8859-1");
      resp.setLocale(Locale.FRENCH);
    }
  }

  /** Reads client input the way legacy code does, and echoes it. */
  @jakarta.servlet.annotation.MultipartConfig
  static final class Input extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp)
        throws IOException, ServletException {
      doPost(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp)
        throws IOException, ServletException {
      String what = req.getPathInfo() == null ? "" : req.getPathInfo();
      switch (what) {
        case "/param" -> text(resp, "x=" + req.getParameter("x"));
        case "/form" -> text(resp, "a=" + req.getParameter("a"));
        case "/read" -> {
          long n = 0;
          try (InputStream in = req.getInputStream()) {
            byte[] buf = new byte[4096];
            for (int r; (r = in.read(buf)) >= 0; ) {
              n += r;
            }
          }
          text(resp, "read " + n);
        }
        case "/parts" -> text(resp, "parts " + req.getParts().size());
        case "/charset" -> {
          resp.setContentType("text/plain;charset=bogus");
          resp.getWriter().write("hello");
        }
        default -> resp.sendError(404);
      }
    }

    private static void text(HttpServletResponse resp, String s) throws IOException {
      resp.setContentType("text/plain");
      resp.getWriter().write(s);
    }
  }

  /**
   * Writes first, sets the status afterwards (still uncommitted): {@code /late-status/500} a stack,
   * {@code /late-status/404} an HTML page; {@code /leaky/500} a kept body type that shows a stack;
   * {@code /kept/500} a kept body that shows nothing; {@code /range} a 416; {@code /charset-error}
   * an error after the app chose a charset and a locale.
   */
  static final class Late extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
      switch (path) {
        case "/late-status/500" -> {
          resp.setContentType("text/plain");
          resp.getWriter()
              .write(
                  "java.lang.IllegalStateException: pw=hunter2\n"
                      + "\tat com.acme.Db.query(Db.java:42)\n");
          resp.setStatus(500);
        }
        case "/late-status/404" -> {
          resp.setContentType("text/html");
          resp.getWriter().write("<html>no such order, but here is our server banner</html>");
          resp.setStatus(404);
        }
        case "/leaky/500" -> {
          resp.setStatus(500);
          resp.setContentType("application/vnd.legacy+json");
          resp.getWriter()
              .write(
                  "{\"error\":\"java.sql.SQLException: pw=hunter2\","
                      + "\"at\":\"at com.acme.Db.query(Db.java:42)\"}");
        }
        case "/leaky/long" -> {
          resp.setStatus(500);
          resp.setContentType("application/vnd.legacy+json");
          PrintWriter w = resp.getWriter();
          w.write("{\"pad\":\"" + "x".repeat(9000) + "\",");
          w.write("\"error\":\"java.sql.SQLException: pw=hunter2\"}");
        }
        case "/leaky/flush" -> {
          resp.setStatus(500);
          resp.setContentType("application/vnd.legacy+json");
          PrintWriter w = resp.getWriter();
          w.write("{\"error\":");
          w.flush();
          resp.flushBuffer();
          w.write("\"java.sql.SQLException: pw=hunter2\"}");
        }
        case "/leaky/json" -> {
          resp.setStatus(500);
          resp.setContentType("application/vnd.legacy+json");
          resp.getWriter()
              .write(
                  "{\"trace\":\"com.acme.OrderFailure: card 4111\\n\\tat"
                      + " com.acme.Orders.place(Orders.java:42)\"}");
        }
        case "/kept/500" -> {
          resp.setStatus(500);
          resp.setContentType("application/vnd.legacy+json");
          resp.getWriter().write("{\"error\":\"legacy shape\"}");
        }
        case "/range" -> {
          resp.setHeader("Content-Range", "bytes */100");
          resp.sendError(416);
        }
        case "/charset-error" -> {
          resp.setContentType("text/html;charset=UTF-16");
          resp.setLocale(Locale.GERMAN);
          resp.getWriter();
          resp.sendError(404);
        }
        default -> resp.sendError(404);
      }
    }
  }

  /** {@code /include-error}: an included servlet's sendError must not touch the page. */
  static final class Including extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp)
        throws IOException, ServletException {
      resp.setContentType("text/plain");
      resp.getWriter().write("before;");
      req.getRequestDispatcher("/send-error/404").include(req, resp);
      resp.getWriter().write("after");
    }
  }

  /** {@code /async-task/throw}: an exception thrown by an {@code AsyncContext.start()} task. */
  static final class AsyncTask extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      AsyncContext ac = req.startAsync();
      ac.start(
          () -> {
            throw new IllegalStateException("secret-1234 task failed");
          });
    }
  }

  /**
   * {@code /picky}: GET only, and a {@code doOptions} that answers foreign origins with nothing; it
   * counts its calls, which must stay at zero: Restatus never asks the application for {@code
   * Allow}.
   */
  static final class Picky extends HttpServlet {
    static final AtomicInteger OPTIONS_CALLS = new AtomicInteger();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("text/plain");
      resp.getWriter().write("picky");
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp)
        throws ServletException, IOException {
      OPTIONS_CALLS.incrementAndGet();
      if (req.getHeader("Origin") != null) {
        resp.setHeader("Allow", "");
        return;
      }
      super.doOptions(req, resp);
    }
  }
}
