package dev.restatus.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The same application bare, bare again (the control: its ratio to bare is the noise floor), behind
 * Restatus and (for generated ETags) behind Spring's {@code ShallowEtagHeaderFilter}, on Jetty 12,
 * Tomcat 10.1 or Jersey 3.1 (on Jetty), measured in interleaved rounds in one run: per endpoint
 * class the throughput of each variant (median of the rounds), its ratio to the reference, the
 * range of that ratio over the rounds (the noise), and the p99 latency. The load comes from
 * keep-alive connections in this JVM that write requests and read whole responses (status, headers,
 * body) off raw sockets; client and server share the machine, so compare ratios, not absolute
 * figures.
 *
 * <p>{@code --host jetty,tomcat,jersey --rounds N --seconds S --warmup S --connections C --only
 * <endpoint name part>}
 */
public final class LoadComparison {

  /**
   * Held, or the JUL logger (and its level) may be collected: the bare container's own stack-trace
   * logging is switched off too (jetty-logging.properties), so neither side pays for logging.
   */
  private static final java.util.logging.Logger QUIET =
      java.util.logging.Logger.getLogger("dev.restatus");

  private LoadComparison() {}

  /** One endpoint class and the variants compared on it. */
  private record Case(String name, String path, String reference, List<String> variants) {}

  /**
   * @param args {@code --rounds 5 --seconds 3 --warmup 3 --connections 4}
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> opt = Options.parse(args);
    int rounds = Integer.parseInt(opt.getOrDefault("rounds", "5"));
    double seconds = Double.parseDouble(opt.getOrDefault("seconds", "3"));
    double warmup = Double.parseDouble(opt.getOrDefault("warmup", "3"));
    int connections = Integer.parseInt(opt.getOrDefault("connections", "4"));
    for (String host : opt.getOrDefault("host", "jetty").split(",")) {
      compare(host, opt, rounds, seconds, warmup, connections);
    }
  }

  private static void compare(
      String host,
      Map<String, String> opt,
      int rounds,
      double seconds,
      double warmup,
      int connections)
      throws Exception {
    QUIET.setLevel(java.util.logging.Level.OFF);
    String only = opt.get("only");
    List<Case> all =
        List.of(
            // the control is the bare application again: its ratio is the noise floor
            // and "wrapping" is a filter that only passes the response's stream through
            new Case(
                "5-byte 200", "/small", "bare", List.of("bare", "control", "wrapping", "wrapped")),
            new Case(
                "100 KiB 200", "/big", "bare", List.of("bare", "control", "wrapping", "wrapped")),
            new Case("404", "/missing", "bare", List.of("bare", "wrapped")),
            new Case("500 (exception)", "/fail", "bare", List.of("bare", "wrapped")),
            // bare sends the body with no ETag at all: the most any generated ETag can reach
            new Case("16 KiB 200, ETag", "/etag", "shallow", List.of("shallow", "wrapped", "bare")),
            new Case(
                "16 KiB, If-None-Match: 304",
                "/etag#304",
                "shallow",
                List.of("shallow", "wrapped")));
    List<Case> cases = all.stream().filter(c -> only == null || c.name().contains(only)).toList();
    try (Host app = Host.start(host)) {
      System.out.printf(
          Locale.ROOT,
          "%s, Java %s, %d CPUs, %d connections, %d rounds of %.1f s after %.1f s warm-up%n%n",
          host,
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(),
          connections,
          rounds,
          seconds,
          warmup);
      System.out.println(
          "| endpoint | variant | req/s | ratio to reference | ratio per round | p99 ms |");
      System.out.println("|---|---|---|---|---|---|");
      for (Case c : cases) {
        Map<String, double[]> rates = new LinkedHashMap<>();
        Map<String, long[]> latencies = new LinkedHashMap<>();
        Map<String, String> requests = new LinkedHashMap<>();
        for (String v : c.variants()) {
          requests.put(v, request(app.port(), v, c.path()));
          run(app.port(), requests.get(v), connections, warmup);
          rates.put(v, new double[rounds]);
          latencies.put(v, new long[0]);
        }
        for (int r = 0; r < rounds; r++) {
          // interleaved: each round measures every variant once, each round starting elsewhere
          List<String> order = new ArrayList<>(c.variants());
          java.util.Collections.rotate(order, r);
          for (String v : order) {
            Result res = run(app.port(), requests.get(v), connections, seconds);
            rates.get(v)[r] = res.count / seconds;
            latencies.put(v, concat(latencies.get(v), res.latencies));
          }
        }
        double[] ref = rates.get(c.reference());
        for (String v : c.variants()) {
          double[] mine = rates.get(v);
          double[] ratios = new double[rounds];
          for (int r = 0; r < rounds; r++) {
            ratios[r] = mine[r] / ref[r];
          }
          Arrays.sort(ratios);
          System.out.printf(
              Locale.ROOT,
              "| %s | %s | %.0f | %.2f | %.2f–%.2f | %.2f |%n",
              c.name(),
              v,
              median(mine),
              median(mine) / median(ref),
              ratios[0],
              ratios[rounds - 1],
              p99(latencies.get(v)) / 1e6);
        }
      }
    }
  }

  /** The request bytes; for a 304 case, with the variant's own ETag learnt first. */
  static String request(int port, String variant, String path) throws IOException {
    boolean notModified = path.endsWith("#304");
    String p = "/" + variant + path.replace("#304", "");
    String extra = "";
    if (notModified) {
      try (Connection c = new Connection(port)) {
        c.open();
        String etag =
            c.exchange(get(p, "").getBytes(StandardCharsets.US_ASCII), false, false)
                .headers()
                .get("etag");
        if (etag == null) {
          throw new IllegalStateException(p + " sent no ETag");
        }
        extra = "If-None-Match: " + etag + "\r\n";
      }
    }
    return get(p, extra);
  }

  private static String get(String path, String extra) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n" + extra + "\r\n";
  }

  record Result(long count, long[] latencies) {}

  /** Keeps {@code connections} keep-alive connections busy for {@code seconds}. */
  static Result run(int port, String request, int connections, double seconds) throws Exception {
    byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
    AtomicBoolean stop = new AtomicBoolean();
    long[][] samples = new long[connections][];
    int[] counts = new int[connections];
    Thread[] threads = new Thread[connections];
    Exception[] failure = new Exception[1];
    for (int i = 0; i < connections; i++) {
      int me = i;
      threads[i] =
          new Thread(
              () -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                try (Connection c = new Connection(port)) {
                  while (!stop.get()) {
                    // Tomcat closes the connection after a 500, 501 or 503: both sides pay it
                    c.open();
                    long t0 = System.nanoTime();
                    Wire w = c.exchange(bytes, false, false);
                    if (n == lat.length) {
                      lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - t0;
                    c.closeIfAsked(w);
                  }
                } catch (IOException e) {
                  failure[0] = e;
                }
                samples[me] = Arrays.copyOf(lat, n);
                counts[me] = n;
              });
      threads[i].start();
    }
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    long total = 0;
    long[] all = new long[0];
    for (int i = 0; i < connections; i++) {
      total += counts[i];
      all = concat(all, samples[i]);
    }
    return new Result(total, all);
  }

  private static long[] concat(long[] a, long[] b) {
    long[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double p99(long[] v) {
    if (v.length == 0) {
      return 0;
    }
    long[] s = v.clone();
    Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)];
  }
}
