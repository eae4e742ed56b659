package dev.restatus.benchmarks;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Run with {@code -Xmx64m} (the {@code streaming} execution): a 1 GiB 200 streams through Restatus
 * byte for byte, and a 50 MB 500 page is replaced by a problem without being held; either would run
 * out of memory if Restatus buffered it. Exits non-zero on any difference.
 */
public final class StreamingCheck {

  /** Held, or the JUL logger (and its level) may be collected. */
  private static final java.util.logging.Logger QUIET =
      java.util.logging.Logger.getLogger("dev.restatus");

  private StreamingCheck() {}

  /**
   * @param args unused
   */
  public static void main(String[] args) throws Exception {
    QUIET.setLevel(java.util.logging.Level.OFF);
    long gib = 1L << 30;
    String host = args.length > 0 ? args[0] : "jetty";
    long errorBytes = 50L * 1000 * 1000;
    try (Host app = Host.start(host)) {
      HttpClient client = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + app.port() + "/wrapped";
      long t0 = System.nanoTime();
      HttpResponse<InputStream> ok =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/stream?bytes=" + gib)).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      long read = count(ok.body());
      double s = (System.nanoTime() - t0) / 1e9;
      check(
          ok.statusCode() == 200 && read == gib,
          "1 GiB 200: status " + ok.statusCode() + ", " + read + " bytes");
      System.out.printf(
          Locale.ROOT,
          "1 GiB 200 through Restatus with -Xmx%dm: %d bytes in %.1f s (%.0f MB/s), max heap %d MiB%n",
          Runtime.getRuntime().maxMemory() >> 20,
          read,
          s,
          read / s / 1e6,
          Runtime.getRuntime().maxMemory() >> 20);
      HttpResponse<String> error =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/stream-error?bytes=" + errorBytes))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      check(
          error.statusCode() == 500
              && error
                  .headers()
                  .firstValue("Content-Type")
                  .orElse("")
                  .startsWith("application/problem+json")
              && error.body().length() < 1000,
          "50 MB 500 page: " + error.statusCode() + " " + error.body().length() + " chars");
      System.out.printf(
          Locale.ROOT,
          "50 MB 500 page replaced by a %d-byte problem, not held in memory%n",
          error.body().length());
    }
  }

  private static long count(InputStream in) throws java.io.IOException {
    byte[] buf = new byte[1 << 16];
    long n = 0;
    try (in) {
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
        n += r;
      }
    }
    return n;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      System.err.println("FAILED: " + what);
      System.exit(1);
    }
  }
}
