package dev.restatus.benchmarks;

import dev.restatus.core.RestatusConfig;
import dev.restatus.servlet.RestatusFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * One Jetty 12 serving the same legacy servlet three times: {@code /bare} (the container alone),
 * {@code /wrapped} (behind {@link RestatusFilter}, {@code restatus.etag=/etag}) and {@code
 * /shallow} (behind Spring's {@code ShallowEtagHeaderFilter} on {@code /etag}).
 */
final class BenchApp implements AutoCloseable {

  /** The 16 KiB representation that gets an ETag. */
  static final byte[] ETAG_BODY = body(16 * 1024);

  private static final byte[] SMALL = "hello".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BIG = body(100 * 1024);

  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  BenchApp() throws Exception {
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(
        new Handler.Sequence(
            context("/bare", null),
            context("/wrapped", "restatus"),
            context("/shallow", "shallow")));
    server.start();
  }

  int port() {
    return connector.getLocalPort();
  }

  private static ServletContextHandler context(String path, String filter) {
    ServletContextHandler ctx = new ServletContextHandler(path);
    ctx.addServlet(new ServletHolder(new Legacy()), "/*");
    if ("restatus".equals(filter)) {
      FilterHolder f =
          new FilterHolder(
              new RestatusFilter(
                  RestatusConfig.of(
                      Map.of("restatus.etag", "/etag", "restatus.etag.max-buffer", "65536"))));
      ctx.addFilter(
          f, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
    } else if ("shallow".equals(filter)) {
      ctx.addFilter(
          new FilterHolder(new ShallowEtagHeaderFilter()),
          "/etag",
          EnumSet.of(DispatcherType.REQUEST));
    }
    return ctx;
  }

  private static byte[] body(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 'x');
    for (int i = 0; i < n; i += 64) {
      b[i] = (byte) ('a' + (i / 64) % 26);
    }
    return b;
  }

  /** A servlet as legacy code writes one. */
  static final class Legacy extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      switch (req.getPathInfo() == null ? "" : req.getPathInfo()) {
        case "/small" -> write(resp, SMALL);
        case "/big" -> write(resp, BIG);
        case "/etag" -> write(resp, ETAG_BODY);
        case "/missing" -> resp.sendError(404);
        case "/fail" -> throw new IllegalStateException("pool exhausted at db01");
        case "/stream" -> stream(resp, 200, "application/octet-stream", parse(req));
        case "/stream-error" -> stream(resp, 500, "text/html", parse(req));
        default -> resp.sendError(404);
      }
    }

    private static long parse(HttpServletRequest req) {
      return Long.parseLong(req.getParameter("bytes"));
    }

    /** {@code bytes} bytes in 64 KiB writes, as a legacy export or error page streams them. */
    private static void stream(HttpServletResponse resp, int status, String type, long bytes)
        throws IOException {
      resp.setStatus(status);
      resp.setContentType(type);
      byte[] chunk = body(64 * 1024);
      var out = resp.getOutputStream();
      for (long left = bytes; left > 0; left -= chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    }

    private static void write(HttpServletResponse resp, byte[] body) throws IOException {
      resp.setContentType("text/plain");
      resp.setContentLength(body.length);
      resp.getOutputStream().write(body);
    }
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
