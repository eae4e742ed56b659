package dev.restatus.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a success costs in allocation: one endpoint class loaded on the bare and on the wrapped
 * variant in turn. Per variant the bytes the server's threads allocated per request, counted
 * exactly by the JVM ({@code ThreadMXBean.getThreadAllocatedBytes}; the load's client threads are
 * gone when it is read, so they are not counted), and their difference; then, from Java Flight
 * Recorder's allocation samples of the wrapped run, the allocations whose stack passes through
 * Restatus (the application's own excluded), by allocated class and the innermost Restatus method.
 * Those include the container's work Restatus passes on, which the bare variant does too, and a
 * sample's weight is all its thread allocated since the previous sample, so that table ranks the
 * sites; the exact figure is the difference.
 *
 * <p>{@code --host jetty|tomcat|jersey --path /small --seconds 10 --connections 4 --top 15}
 */
public final class Profile {

  /** Held, or the JUL logger (and its level) may be collected. */
  private static final java.util.logging.Logger QUIET =
      java.util.logging.Logger.getLogger("dev.restatus");

  private Profile() {}

  /**
   * @param args {@code --host jetty --path /small --seconds 10 --connections 4 --top 15}
   */
  public static void main(String[] args) throws Exception {
    QUIET.setLevel(java.util.logging.Level.OFF);
    Map<String, String> opt = Options.parse(args);
    String host = opt.getOrDefault("host", "jetty");
    String path = opt.getOrDefault("path", "/small");
    double seconds = Double.parseDouble(opt.getOrDefault("seconds", "10"));
    int connections = Integer.parseInt(opt.getOrDefault("connections", "4"));
    int top = Integer.parseInt(opt.getOrDefault("top", "15"));
    try (Host app = Host.start(host)) {
      System.out.printf(
          Locale.ROOT,
          "%s, GET %s, Java %s, %d CPUs, %d connections, %.0f s per variant after as long a"
              + " warm-up%n%n",
          host,
          path,
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(),
          connections,
          seconds);
      Map<String, Double> perRequest = new HashMap<>();
      Map<String, Long> attributed = new HashMap<>();
      long wrappedRequests = 0;
      for (String variant : List.of("bare", "wrapped")) {
        String request = LoadComparison.request(app.port(), variant, path);
        LoadComparison.run(app.port(), request, connections, seconds); // warm-up
        Path file = Files.createTempFile("restatus-" + variant, ".jfr");
        long requests;
        long allocated;
        try (Recording r = new Recording(Configuration.getConfiguration("profile"))) {
          Map<Long, Long> before = allocatedByThread();
          r.start();
          requests = LoadComparison.run(app.port(), request, connections, seconds).count();
          r.stop();
          allocated = allocatedSince(before);
          r.dump(file);
        }
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
          if (!e.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
            continue;
          }
          long weight = e.getLong("weight");
          String cause = restatusFrame(e);
          if (variant.equals("wrapped") && cause != null) {
            attributed.merge(
                e.getClass("objectClass").getName() + " | " + cause, weight, Long::sum);
          }
        }
        Files.delete(file);
        perRequest.put(variant, (double) allocated / requests);
        if (variant.equals("wrapped")) {
          wrappedRequests = requests;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "bytes the server allocated per request: bare %.0f, wrapped %.0f, difference %.0f%n%n",
          perRequest.get("bare"),
          perRequest.get("wrapped"),
          perRequest.get("wrapped") - perRequest.get("bare"));
      long sum = attributed.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf(
          Locale.ROOT,
          "sampled under Restatus frames: %.0f B per request%n%n",
          (double) sum / wrappedRequests);
      System.out.println("| B/request | allocated | by (first Restatus frame) |");
      System.out.println("|---|---|---|");
      long n = wrappedRequests;
      attributed.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(top)
          .forEach(
              e -> {
                String[] parts = e.getKey().split(" \\| ");
                System.out.printf(
                    Locale.ROOT,
                    "| %.1f | `%s` | `%s` |%n",
                    (double) e.getValue() / n,
                    parts[0],
                    parts[1]);
              });
    }
  }

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

  private static Map<Long, Long> allocatedByThread() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    Map<Long, Long> out = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        out.put(ids[i], bytes[i]);
      }
    }
    return out;
  }

  /** What the threads alive now allocated since {@code before} (a new thread: all of it). */
  private static long allocatedSince(Map<Long, Long> before) {
    long sum = 0;
    for (Map.Entry<Long, Long> now : allocatedByThread().entrySet()) {
      sum += now.getValue() - before.getOrDefault(now.getKey(), 0L);
    }
    return sum;
  }

  /**
   * The innermost Restatus frame on the allocation's stack, or null; also null for what the
   * application allocates while Restatus is further down the stack (it does so bare too).
   */
  private static String restatusFrame(RecordedEvent e) {
    if (e.getStackTrace() == null) {
      return null;
    }
    for (RecordedFrame f : e.getStackTrace().getFrames()) {
      String type = f.getMethod().getType().getName();
      if (type.startsWith("dev.restatus.benchmarks.")
          || type.equals("jakarta.servlet.http.HttpServlet")
          || type.startsWith("org.glassfish.jersey.servlet.")) {
        return null;
      }
      if (type.startsWith("dev.restatus.")) {
        return type.substring("dev.restatus.".length()) + "." + f.getMethod().getName();
      }
    }
    return null;
  }
}
