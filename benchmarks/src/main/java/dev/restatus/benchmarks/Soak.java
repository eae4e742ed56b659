package dev.restatus.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mixed requests against {@code /wrapped} on keep-alive connections, every response checked against
 * the contract: status, the headers its status requires, the problem shape with its error id, no
 * body where none may be, success bytes exact, nothing internal in a 5xx. Then the heap after a
 * full collection must be within 10 % (plus 4 MiB of slack) of where it was after the warm-up.
 *
 * <p>{@code --requests N --host jetty,tomcat --connections C}; the test command runs a short one.
 */
public final class Soak {

  private static final java.util.logging.Logger QUIET =
      java.util.logging.Logger.getLogger("dev.restatus");

  private static final Pattern STATUS = Pattern.compile("\"status\":(\\d{3})");
  private static final Pattern ERROR_ID = Pattern.compile("\"errorId\":\"([0-9a-f]{16})\"");
  private static final Pattern INTERNALS =
      Pattern.compile("Exception|com\\.acme|\\bat [\\w.$]+\\(|pool exhausted");

  private Soak() {}

  /** One kind of request and what its answer must be. */
  record Kind(String name, String method, String path, String extra, Predicate<Wire> ok) {}

  /** What a run found. */
  public record Report(
      long requests, long failures, List<String> samples, long heapBefore, long heapAfter) {

    /**
     * @return whether every response conformed and the heap stayed within bounds
     */
    public boolean passed() {
      return failures == 0 && heapAfter <= heapBefore * 1.10 + (4L << 20);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%d requests, %d non-conforming, heap after GC %d MiB before, %d MiB after%s",
          requests,
          failures,
          heapBefore >> 20,
          heapAfter >> 20,
          samples.isEmpty() ? "" : "; first: " + samples);
    }
  }

  static List<Kind> kinds(String etag) {
    return List.of(
        new Kind("small 200", "GET", "/small", "", w -> exact(w, 200, Legacy.SMALL)),
        new Kind("100 KiB 200", "GET", "/big", "", w -> exact(w, 200, Legacy.BIG)),
        new Kind("HEAD 200", "HEAD", "/small", "", w -> w.status() == 200 && w.body().length == 0),
        new Kind("async 200", "GET", "/async", "", w -> exact(w, 200, Legacy.SMALL)),
        new Kind(
            "generated ETag 200",
            "GET",
            "/etag",
            "",
            w -> exact(w, 200, Legacy.ETAG_BODY) && etag.equals(w.headers().get("etag"))),
        new Kind(
            "304",
            "GET",
            "/etag",
            "If-None-Match: " + etag + "\r\n",
            w ->
                w.status() == 304
                    && w.body().length == 0
                    && !w.headers().containsKey("content-type")
                    && etag.equals(w.headers().get("etag"))),
        new Kind("404", "GET", "/missing", "", w -> problem(w, 404)),
        new Kind(
            "HEAD 404",
            "HEAD",
            "/missing",
            "",
            w ->
                w.status() == 404
                    && w.body().length == 0
                    && w.headers()
                        .getOrDefault("content-type", "")
                        .startsWith("application/problem+json")),
        new Kind(
            "concealed 403",
            "GET",
            "/admin/users",
            "",
            w ->
                problem(w, 404)
                    && !new String(w.body(), StandardCharsets.UTF_8).contains("admins")),
        new Kind(
            "401",
            "GET",
            "/me",
            "",
            w -> problem(w, 401) && w.headers().containsKey("www-authenticate")),
        new Kind(
            "405",
            "POST",
            "/small",
            "Content-Length: 0\r\n",
            w -> problem(w, 405) && w.headers().getOrDefault("allow", "").contains("GET")),
        new Kind(
            "503",
            "GET",
            "/busy",
            "",
            w -> problem(w, 503) && w.headers().containsKey("retry-after")),
        new Kind("500 exception", "GET", "/fail", "", w -> problem(w, 500)),
        new Kind("500 with a stack", "GET", "/stack", "", w -> problem(w, 500)),
        new Kind("501", "PROPFIND", "/small", "", w -> problem(w, 501)));
  }

  private static boolean exact(Wire w, int status, byte[] body) {
    return w.status() == status && Arrays.equals(w.body(), body);
  }

  /** A problem whose status is the response's, with its error id in body and header. */
  private static boolean problem(Wire w, int status) {
    if (w.status() != status
        || !w.headers().getOrDefault("content-type", "").startsWith("application/problem+json")) {
      return false;
    }
    String body = new String(w.body(), StandardCharsets.UTF_8);
    Matcher s = STATUS.matcher(body);
    Matcher id = ERROR_ID.matcher(body);
    return s.find()
        && Integer.parseInt(s.group(1)) == status
        && id.find()
        && id.group(1).equals(w.headers().get("restatus-error-id"))
        && (status < 500 || !INTERNALS.matcher(body).find());
  }

  /**
   * @param host {@code jetty} or {@code tomcat}
   * @param requests how many
   * @param connections keep-alive connections sending them
   * @return what was found
   */
  public static Report run(String host, long requests, int connections) throws Exception {
    QUIET.setLevel(java.util.logging.Level.OFF);
    try (Host h = Host.start(host)) {
      String etag;
      try (Connection c = new Connection(h.port())) {
        c.open();
        etag =
            c.exchange(
                    request("GET", "/etag", "").getBytes(StandardCharsets.US_ASCII), false, false)
                .headers()
                .get("etag");
      }
      List<Kind> kinds = kinds(etag);
      long warm = Math.max(kinds.size() * 20L, requests / 10);
      drive(h.port(), kinds, warm, connections, new AtomicLong(), new ArrayList<>());
      long before = heapAfterGc();
      AtomicLong failures = new AtomicLong();
      List<String> samples = new ArrayList<>();
      drive(h.port(), kinds, requests, connections, failures, samples);
      long after = heapAfterGc();
      return new Report(requests, failures.get(), samples, before, after);
    }
  }

  private static void drive(
      int port,
      List<Kind> kinds,
      long requests,
      int connections,
      AtomicLong failures,
      List<String> samples)
      throws Exception {
    AtomicLong next = new AtomicLong();
    Thread[] threads = new Thread[connections];
    Exception[] broken = new Exception[1];
    Map<Kind, byte[]> bytes = new LinkedHashMap<>();
    for (Kind k : kinds) {
      bytes.put(k, request(k.method(), k.path(), k.extra()).getBytes(StandardCharsets.US_ASCII));
    }
    for (int i = 0; i < connections; i++) {
      threads[i] =
          new Thread(
              () -> {
                try (Connection c = new Connection(port)) {
                  for (long n = next.getAndIncrement(); n < requests; n = next.getAndIncrement()) {
                    c.open(); // again after Tomcat closed it (a 500, 501 or 503)
                    Kind k = kinds.get((int) (n % kinds.size()));
                    Wire w = c.exchange(bytes.get(k), k.method().equals("HEAD"), true);
                    c.closeIfAsked(w);
                    if (!k.ok().test(w)) {
                      failures.incrementAndGet();
                      synchronized (samples) {
                        if (samples.size() < 5) {
                          samples.add(
                              k.name()
                                  + " -> "
                                  + w.status()
                                  + " "
                                  + w.headers()
                                  + " "
                                  + new String(
                                      w.body(),
                                      0,
                                      Math.min(200, w.body().length),
                                      StandardCharsets.UTF_8));
                        }
                      }
                    }
                  }
                } catch (IOException e) {
                  broken[0] = e;
                }
              });
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    if (broken[0] != null) {
      throw broken[0];
    }
  }

  private static String request(String method, String path, String extra) {
    return method
        + " /wrapped"
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n"
        + extra
        + "\r\n";
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * @param args {@code --requests 1000000 --host jetty,tomcat --connections 4}
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> opt = Options.parse(args);
    long requests = Long.parseLong(opt.getOrDefault("requests", "1000000"));
    int connections = Integer.parseInt(opt.getOrDefault("connections", "4"));
    boolean ok = true;
    for (String host : opt.getOrDefault("host", "jetty,tomcat").split(",")) {
      long t0 = System.nanoTime();
      Report r = run(host, requests, connections);
      System.out.printf(Locale.ROOT, "%s: %s, %.0f s%n", host, r, (System.nanoTime() - t0) / 1e9);
      ok &= r.passed();
    }
    System.exit(ok ? 0 : 1);
  }
}
