package dev.restatus.benchmarks;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The legacy servlet every host serves, as legacy code writes one (GET only, so a POST is
 * HttpServlet's 405): successes of several sizes, errors of every kind, an async answer.
 */
final class Legacy extends HttpServlet {

  /** The settings of the {@code /wrapped} copy. */
  static final Map<String, String> SETTINGS =
      Map.of(
          "restatus.etag", "/etag",
          "restatus.etag.max-buffer", "65536",
          "restatus.conceal-forbidden", "/admin/**");

  /** The 5-byte body of {@code /small}. */
  static final byte[] SMALL = "hello".getBytes(StandardCharsets.US_ASCII);

  /** The 100 KiB body of {@code /big}. */
  static final byte[] BIG = body(100 * 1024);

  /** The 16 KiB representation that gets an ETag. */
  static final byte[] ETAG_BODY = body(16 * 1024);

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    switch (req.getPathInfo() == null ? "" : req.getPathInfo()) {
      case "/small" -> write(resp, SMALL);
      case "/big" -> write(resp, BIG);
      case "/etag" -> write(resp, ETAG_BODY);
      case "/missing" -> resp.sendError(404);
      case "/fail" -> throw new IllegalStateException("pool exhausted at db01");
      case "/stack" -> {
        resp.setStatus(500);
        resp.setContentType("text/plain");
        resp.getWriter()
            .write("java.lang.IllegalStateException: boom\n\tat com.acme.Db.get(Db.java:9)\n");
      }
      case "/admin/users" -> resp.sendError(403, "admins only");
      case "/me" -> resp.sendError(401);
      case "/busy" -> resp.setStatus(503);
      case "/async" -> {
        AsyncContext async = req.startAsync();
        CompletableFuture.runAsync(
            () -> {
              try {
                write((HttpServletResponse) async.getResponse(), SMALL);
              } catch (IOException e) {
                // the client went away
              }
              async.complete();
            });
      }
      case "/stream" -> stream(resp, 200, "application/octet-stream", bytes(req));
      case "/stream-error" -> stream(resp, 500, "text/html", bytes(req));
      default -> resp.sendError(404);
    }
  }

  private static long bytes(HttpServletRequest req) {
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

  static byte[] body(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 'x');
    for (int i = 0; i < n; i += 64) {
      b[i] = (byte) ('a' + (i / 64) % 26);
    }
    return b;
  }
}
