package dev.restatus.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;

/** Edge-case fixtures: app code written the way third-party apps and libraries write it. */
final class EdgeApp {

  private EdgeApp() {}

  static volatile String lastResetError;

  static final class Edge extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp)
        throws IOException, ServletException {
      String what = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
      switch (what) {
        case "throw-after-flush" -> {
          resp.setContentType("text/plain");
          resp.getWriter().write("partial");
          resp.flushBuffer();
          throw new IllegalStateException("db cursor died mid-stream");
        }
        case "reset-buffer-error" -> {
          resp.setStatus(500);
          resp.setContentType("text/html");
          PrintWriter w = resp.getWriter();
          w.write("<html><body>half a page");
          try {
            resp.resetBuffer();
          } catch (IllegalStateException e) {
            lastResetError = e.getMessage();
            throw e;
          }
          w.write("<html><body>error</body></html>");
        }
        case "reset-buffer" -> {
          // a template engine that failed half-way clears what it wrote and renders again
          resp.setStatus(404);
          resp.setContentType("text/html");
          PrintWriter w = resp.getWriter();
          w.write("<html><body>half a page");
          resp.resetBuffer();
          w.write("<html><body>not found</body></html>");
        }
        case "reset-switch" -> {
          // Servlet 6 reset(): "The state of calling getWriter() or getOutputStream() is also
          // cleared. It is legal, for instance, to call getWriter(), reset() and then
          // getOutputStream()."
          resp.setContentType("application/octet-stream");
          resp.getOutputStream().write(new byte[] {1, 2, 3});
          resp.reset();
          resp.setContentType("text/plain");
          resp.getWriter().write("fallback");
        }
        case "async-listener-timeout" -> {
          AsyncContext ac = req.startAsync();
          ac.setTimeout(300);
          ac.addListener(
              new AsyncListener() {
                @Override
                public void onTimeout(AsyncEvent e) {
                  ((HttpServletResponse) e.getSuppliedResponse()).setStatus(503);
                  e.getAsyncContext().complete();
                }

                @Override
                public void onComplete(AsyncEvent e) {}

                @Override
                public void onError(AsyncEvent e) {}

                @Override
                public void onStartAsync(AsyncEvent e) {}
              });
        }
        case "async-wrapped" -> {
          AsyncContext ac = req.startAsync(req, new HttpServletResponseWrapper(resp));
          CompletableFuture.runAsync(
              () -> {
                ((HttpServletResponse) ac.getResponse()).setStatus(500);
                ac.complete();
              });
        }
        case "gz/500" -> {
          resp.setStatus(500);
          resp.setContentType("text/html");
          resp.getWriter().write("<html>java.lang.IllegalStateException: secret-1234</html>");
        }
        case "gz/ok" -> {
          resp.setContentType("text/plain");
          resp.getWriter().write("zipped ok");
        }
        case "nb-problem" -> {
          resp.setStatus(409);
          resp.setContentType("application/problem+json");
          AsyncContext ac = req.startAsync();
          ServletOutputStream out = resp.getOutputStream();
          byte[] body =
              "{\"type\":\"https://example.test/probs/app\",\"status\":409,\"detail\":\"kept\"}"
                  .getBytes(StandardCharsets.UTF_8);
          out.setWriteListener(
              new WriteListener() {
                boolean done;

                @Override
                public void onWritePossible() throws IOException {
                  if (!done && out.isReady()) {
                    done = true;
                    out.write(body);
                  }
                  if (done && out.isReady()) {
                    ac.complete();
                  }
                }

                @Override
                public void onError(Throwable t) {
                  ac.complete();
                }
              });
        }
        case "blocking-problem" -> {
          resp.setStatus(409);
          resp.setContentType("application/problem+json");
          resp.getOutputStream()
              .write(
                  "{\"type\":\"https://example.test/probs/app\",\"status\":409,\"detail\":\"kept\"}"
                      .getBytes(StandardCharsets.UTF_8));
        }
        case "forward-error" -> req.getRequestDispatcher("/send-error/404").forward(req, resp);
        case "forward-after-write" -> {
          resp.setContentType("text/plain");
          resp.getWriter().write("draft");
          req.getRequestDispatcher("/html/404").forward(req, resp);
        }
        default -> resp.sendError(404);
      }
    }
  }

  /** A legacy front servlet: handles every method itself, refuses DELETE. */
  static final class Front extends HttpServlet {
    static final java.util.concurrent.atomic.AtomicInteger ACTIONS =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      if (req.getMethod().equals("DELETE")) {
        resp.sendError(405);
        return;
      }
      ACTIONS.incrementAndGet(); // the business action (e.g. "record a hit", "process the form")
      resp.setContentType("text/plain");
      resp.getWriter().write("done");
    }
  }

  /** A typical compression filter, mapped after Restatus (closer to the servlet). */
  static final class Gzip implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      GzipResponse g = new GzipResponse((HttpServletResponse) res);
      chain.doFilter(req, g);
      g.finish();
    }
  }

  static final class GzipResponse extends HttpServletResponseWrapper {
    private GZIPOutputStream gz;
    private ServletOutputStream out;
    private PrintWriter writer;

    GzipResponse(HttpServletResponse r) {
      super(r);
    }

    @Override
    public void setContentLength(int len) {}

    @Override
    public void setContentLengthLong(long len) {}

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (out == null) {
        setHeader("Content-Encoding", "gzip");
        ServletOutputStream real = super.getOutputStream();
        gz = new GZIPOutputStream(real);
        out =
            new ServletOutputStream() {
              @Override
              public void write(int b) throws IOException {
                gz.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                gz.write(b, off, len);
              }

              @Override
              public boolean isReady() {
                return real.isReady();
              }

              @Override
              public void setWriteListener(WriteListener l) {
                real.setWriteListener(l);
              }
            };
      }
      return out;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    void finish() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (gz != null) {
        gz.finish();
      }
    }
  }
}
