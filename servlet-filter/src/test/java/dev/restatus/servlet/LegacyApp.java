package dev.restatus.servlet;

import dev.restatus.core.ProblemException;
import dev.restatus.core.scenario.Scenarios;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.InputMismatchException;
import java.util.concurrent.CompletableFuture;

/**
 * The servlet fixture: the endpoints of the shared scenario table, written the way legacy servlets
 * write them, plus servlet-only cases (sendError, async, committed responses).
 */
final class LegacyApp {

  private LegacyApp() {}

  /** Only GET: DELETE gets HttpServlet's default 405. */
  static final class Ok extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("text/plain");
      resp.getWriter().write("ok");
    }
  }

  /**
   * An application's own HTML error pages ({@code /page/404}, {@code /page/500}, registered where
   * {@link ServletContainer#APP_ERROR_PAGES} is set): in an ERROR dispatch it renders the page,
   * showing the error message as careless legacy pages do; otherwise {@code /page/leak} sends a 500
   * whose message names an exception, and {@code /page/{n}} sends {@code n}.
   */
  static final class Page extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String arg = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
      if (req.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter()
            .write(
                "<html><body><h1>app error page</h1><p>"
                    + req.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_MESSAGE)
                    + "</p></body></html>");
      } else if (arg.equals("leak")) {
        resp.sendError(500, "java.lang.IllegalStateException: secret-1234 in com.acme.Db");
      } else {
        resp.sendError(Integer.parseInt(arg), "message for " + arg);
      }
    }
  }

  /**
   * A resource with validators, and writes that know nothing of preconditions: GET answers {@link
   * dev.restatus.core.scenario.Scenarios#VERSIONED_BODY} with {@code ETag: "v1"}; PUT and DELETE
   * answer 204.
   */
  /**
   * {@code GET, POST /slow/{ms}}: 201 application/json after {@code ms} milliseconds; {@code
   * /slow-fail/{ms}} throws then.
   */
  static final class Slow extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      doPost(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String[] parts = req.getPathInfo().split("/");
      try {
        Thread.sleep(Long.parseLong(parts[parts.length - 1]));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (req.getServletPath().equals("/slow-fail")) {
        throw new IllegalStateException("secret-1234 in com.acme.Db");
      }
      resp.setStatus(201);
      resp.setHeader("Location", req.getContextPath() + "/things/1");
      resp.setContentType("application/json");
      resp.getWriter().write("{\"done\":true}");
    }
  }

  /** {@code GET /multi-status}: the fixture's 207, written with {@link MultiStatusResponses}. */
  static final class Multi extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      MultiStatusResponses.write(req, resp, dev.restatus.core.scenario.Scenarios.multiStatus());
    }
  }

  /**
   * Deferred after 400 ms: {@code /slow-x/session/{ms}} creates a session after the delay; {@code
   * /slow-x/flush/{ms}} writes and flushes at once, then the rest after the delay; {@code
   * /slow-x/redirect/{ms}} redirects to a relative {@code done?x=1} after the delay.
   */
  static final class SlowVariants extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String[] parts = req.getPathInfo().split("/");
      long ms = Long.parseLong(parts[2]);
      if (parts[1].equals("flush")) {
        resp.setContentType("text/plain");
        resp.getWriter().write("early;");
        resp.flushBuffer();
      }
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      switch (parts[1]) {
        case "session" -> {
          req.getSession(true).setAttribute("user", "alice");
          resp.setContentType("text/plain");
          resp.getWriter().write("session " + req.getSession().getAttribute("user"));
        }
        case "flush" -> resp.getWriter().write("late");
        default -> resp.sendRedirect("done?x=1");
      }
    }
  }

  /**
   * {@code POST /work/{ms}}, {@code POST /work-fail}: operations the servlet runs itself through
   * {@link Accepted}.
   */
  static final class Work extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      dev.restatus.core.operation.Operation op = Accepted.start(req, resp);
      if (req.getServletPath().equals("/work-fail")) {
        op.fail(new IllegalStateException("secret-1234 in com.acme.Db"));
        return;
      }
      long ms = Long.parseLong(req.getPathInfo().substring(1));
      String location = req.getContextPath() + "/things/1";
      Thread worker =
          new Thread(
              () -> {
                try {
                  Thread.sleep(ms);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                op.complete(
                    dev.restatus.core.operation.CapturedResponse.of(
                            201,
                            "application/json",
                            "{\"done\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .with("Location", location));
              });
      worker.setDaemon(true);
      worker.start();
    }
  }

  static final class Versioned extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setHeader("ETag", "\"v1\"");
      resp.setHeader("Last-Modified", Scenarios.VERSIONED_LAST_MODIFIED);
      resp.setHeader("Cache-Control", "max-age=60");
      resp.setHeader("Content-Language", "en");
      resp.setContentType("text/plain");
      resp.getWriter().write(Scenarios.VERSIONED_BODY);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) {
      resp.setStatus(204);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
      resp.setStatus(204);
    }
  }

  /**
   * {@code GET /generated/{n}}: 200 text/plain, {@link
   * dev.restatus.core.scenario.Scenarios#generated(int)} in three writes, flushed after the first,
   * no validator.
   */
  static final class Generated extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      byte[] body =
          Scenarios.generated(Integer.parseInt(req.getPathInfo().substring(1)))
              .getBytes(StandardCharsets.US_ASCII);
      resp.setContentType("text/plain");
      var out = resp.getOutputStream();
      int third = body.length / 3;
      out.write(body, 0, third);
      out.flush();
      out.write(body, third, third);
      out.write(body, 2 * third, body.length - 2 * third);
    }
  }

  /** Everything else of the table, by servlet path. */
  static final class Fixture extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp)
        throws IOException, ServletException {
      String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
      String[] p = path.split("/");
      String arg = p.length > 2 ? p[2] : "";
      switch (p[1]) {
        case "status" -> resp.setStatus(Integer.parseInt(arg));
        case "send-error" -> resp.sendError(Integer.parseInt(arg));
        case "send-error-msg" -> resp.sendError(Integer.parseInt(arg), "message for " + arg);
        case "html" -> {
          resp.setStatus(Integer.parseInt(arg));
          resp.setContentType("text/html;charset=UTF-8");
          resp.getWriter().write("<html><body><h1>legacy error page</h1></body></html>");
        }
        case "invalid" ->
            throw dev.restatus.core.InvalidRequestException.of("qty", "must be greater than 0")
                .and("sku", "must not be blank");
        case "html-stack" -> {
          resp.setStatus(Integer.parseInt(arg));
          resp.setContentType("text/html;charset=UTF-8");
          resp.getWriter().write(Scenarios.HTML_STACK);
        }
        case "problem" -> {
          resp.setStatus(Integer.parseInt(arg));
          resp.setContentType("application/problem+json");
          resp.getOutputStream()
              .write(
                  ("{\"type\":\"https://example.test/probs/app\",\"title\":\"App problem\","
                          + "\"status\":"
                          + arg
                          + ",\"detail\":\"kept as written\"}")
                      .getBytes(StandardCharsets.UTF_8));
        }
        case "legacy-json", "legacy-vnd" -> {
          resp.setStatus(Integer.parseInt(arg));
          resp.setContentType(
              p[1].equals("legacy-json") ? "application/json" : "application/vnd.legacy+json");
          resp.getWriter().write("{\"error\":\"legacy shape\"}");
        }
        case "throw" -> fail(arg);
        case "body" -> {
          resp.setStatus(Integer.parseInt(arg));
          resp.setContentType("text/plain");
          resp.setContentLength(5);
          resp.getWriter().write("stray");
        }
        case "challenge" -> {
          resp.setHeader("WWW-Authenticate", "Basic realm=\"legacy\"");
          resp.sendError(401);
        }
        case "retry" -> {
          resp.setHeader("Retry-After", arg.equals("valid") ? "30" : "soon");
          resp.sendError(503);
        }
        case "conceal" -> {
          switch (arg) {
            case "secret" -> resp.sendError(403, "secret exists");
            case "status" -> resp.setStatus(403);
            case "throw" -> throw new SecurityException("secret exists");
            default -> resp.sendError(404);
          }
        }
        case "fixed" -> resp.sendError(405);
        case "forbidden" -> resp.sendError(403);
        case "created" -> {
          resp.setStatus(201);
          resp.setContentType("text/plain");
          resp.getWriter().write("created");
        }
        case "committed" -> {
          resp.setContentType("text/plain");
          resp.getWriter().write("partial");
          resp.flushBuffer();
          throw new IllegalStateException("after commit " + arg);
        }
        case "late-error" -> {
          resp.setContentType("text/html");
          resp.getWriter().write("<html>started a page, then");
          resp.sendError(502, "upstream failed");
        }
        case "stack" -> {
          resp.setStatus(500);
          resp.setContentType("text/plain");
          resp.getWriter()
              .write("java.lang.IllegalStateException: boom\n\tat com.acme.Foo.bar(Foo.java:12)\n");
        }
        case "big" -> {
          resp.setContentType("application/octet-stream");
          byte[] chunk = new byte[8192];
          for (int i = 0; i < 128; i++) {
            resp.getOutputStream().write(chunk);
          }
        }
        default -> resp.sendError(404);
      }
    }

    private static void fail(String what) throws IOException, ServletException {
      switch (what) {
        case "runtime" -> throw new RuntimeException("secret-1234 in com.acme.Db");
        case "error" -> throw new AssertionError("secret-1234");
        case "checked" -> throw new IOException("secret-1234");
        case "mapped" -> throw new NumberFormatException("not a number: x");
        case "nearest" -> throw new InputMismatchException("mismatch");
        case "wrapped" ->
            throw new ServletException(
                "outer secret-1234", new IllegalArgumentException("wrapped cause"));
        case "problem" ->
            throw ProblemException.of(409, "version 7 is current", "X-Current-Version", "7");
        case "problem-leak" -> throw ProblemException.of(500, Scenarios.LEAKING_DETAIL);
        case "problem-503" -> throw ProblemException.of(503, "back soon");
        case "problem-200" -> throw ProblemException.of(200, "fine");
        case "problem-cause" -> throw Scenarios.problemShowingItsCause();
        case "problem-npe" -> throw ProblemException.of(500, "NullPointerException");
        case "carrier" -> throw new dev.restatus.core.scenario.OutOfStock();
        default -> throw new IllegalStateException(what);
      }
    }
  }

  /** Async endpoints, finished from another thread. */
  static final class Async extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      String what = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
      AsyncContext ac = req.startAsync();
      if (what.equals("timeout")) {
        ac.setTimeout(300);
        return;
      }
      if (what.equals("dispatch")) {
        CompletableFuture.runAsync(() -> ac.dispatch("/throw/runtime"));
        return;
      }
      CompletableFuture.runAsync(
          () -> {
            try {
              HttpServletResponse r =
                  what.equals("context-response") ? (HttpServletResponse) ac.getResponse() : resp;
              switch (what) {
                case "ok" -> {
                  r.setContentType("text/plain");
                  r.getWriter().write("async ok");
                }
                case "send-error", "context-response" -> r.sendError(503);
                case "status" -> r.setStatus(500);
                case "html" -> {
                  r.setStatus(502);
                  r.setContentType("text/html");
                  r.getWriter().write("<html>bad gateway secret-1234</html>");
                }
                default -> r.sendError(404);
              }
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            } finally {
              ac.complete();
            }
          });
    }
  }

  /**
   * A filter ahead of Restatus, as security filters are: its errors go through the container's
   * error handling (an ERROR dispatch), not through Restatus' response wrapper. Being initialised
   * at start-up in every container, it also registers the application's {@link
   * dev.restatus.core.ValidatorSource}, which knows {@code /versioned} (as its GET answers).
   */
  static final class Guard implements Filter {
    /** The concealed path the guard refuses with a 403 before any servlet (or Restatus) runs. */
    static final String BOUNCED = "/vault/bounce";

    @Override
    public void init(jakarta.servlet.FilterConfig config) {
      dev.restatus.core.ValidatorSource versions =
          path ->
              path.equals("/versioned")
                  ? java.util.Optional.of(
                      dev.restatus.core.ResourceState.of(
                          "\"v1\"",
                          java.time.ZonedDateTime.parse(
                                  Scenarios.VERSIONED_LAST_MODIFIED,
                                  java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                              .toInstant()))
                  : java.util.Optional.empty();
      config
          .getServletContext()
          .setAttribute(dev.restatus.core.ValidatorSource.class.getName(), versions);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest r = (HttpServletRequest) req;
      String uri = r.getRequestURI();
      String path = r.getServletPath() + (r.getPathInfo() == null ? "" : r.getPathInfo());
      if (path.equals(BOUNCED)) {
        // a refusal ahead of Restatus: it reaches Restatus only through the ERROR dispatch
        ((HttpServletResponse) res).sendError(403, "bounced " + uri);
      } else if (uri.endsWith("/guarded/deny")) {
        ((HttpServletResponse) res).sendError(403);
      } else if (uri.endsWith("/guarded/throw")) {
        throw new IllegalArgumentException("guard rejects this");
      } else if (uri.endsWith("/guarded/crash")) {
        throw new IllegalStateException("secret-1234 guard crash");
      } else {
        chain.doFilter(req, res);
      }
    }
  }
}
