package dev.restatus.core.internal.rules;

import dev.restatus.core.FindingsMXBean;
import dev.restatus.core.Mode;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.management.ObjectName;

/**
 * Counts and logs every finding. In {@code report} mode each distinct finding (rule, method, path)
 * is logged once at WARNING with its count so far; in {@code enforce} mode every finding is logged
 * at DEBUG as it is fixed. At most {@value #MAX_KEYS} distinct findings are counted; later ones are
 * added to one overflow count.
 */
public final class Findings implements FindingsMXBean {

  public static final int MAX_KEYS = 1000;
  public static final String OVERFLOW = "(other findings)";
  private static final System.Logger LOG = System.getLogger("dev.restatus");

  private final Mode mode;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();
  private ObjectName registered;

  private final String adapter;

  /**
   * @param mode the mode: {@code report} logs each distinct finding once
   */
  public Findings(Mode mode) {
    this(mode, "none");
  }

  /**
   * @param mode the mode: {@code report} logs each distinct finding once
   * @param adapter the adapter's tag on the meters ({@code servlet}, {@code jaxrs})
   */
  public Findings(Mode mode, String adapter) {
    this.mode = mode;
    this.adapter = adapter;
  }

  /**
   * Counts a finding on the meters only (an exception answered in {@code enforce} mode: a fix, but
   * not a violation to log or keep in JMX).
   *
   * @param f the finding
   */
  public void meter(Finding f) {
    Meters.count(f, mode, adapter);
  }

  /**
   * @param f a finding to count (and log)
   */
  public void record(Finding f) {
    total.incrementAndGet();
    Meters.count(f, mode, adapter);
    String key = f.rule() + " " + f.method() + " " + f.path() + ": " + f.what();
    LongAdder count = counts.get(key);
    boolean first = false;
    if (count == null) {
      if (counts.size() >= MAX_KEYS) {
        key = OVERFLOW;
      }
      LongAdder fresh = new LongAdder();
      count = counts.putIfAbsent(key, fresh);
      if (count == null) {
        count = fresh;
        first = true;
      }
    }
    count.increment();
    if (mode == Mode.REPORT) {
      if (first) {
        LOG.log(
            Level.WARNING,
            "Restatus report [{0}] {1} on {2} {3} (seen {4} time(s); counts in JMX"
                + " dev.restatus:type=Findings)",
            f.rule(),
            f.what(),
            f.method(),
            f.path(),
            count.sum());
      }
    } else if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(
          Level.DEBUG,
          "Restatus fixed [{0}] {1} on {2} {3}",
          f.rule(),
          f.what(),
          f.method(),
          f.path());
    }
  }

  @Override
  public Map<String, Long> getCounts() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  @Override
  public long getTotal() {
    return total.get();
  }

  @Override
  public void reset() {
    counts.clear();
    total.set(0);
  }

  synchronized void register(String name) {
    if (registered == null) {
      registered = MBeans.register(this, "Findings", name);
    }
  }

  synchronized void unregister() {
    MBeans.unregister(registered);
    registered = null;
  }

  /**
   * @return the name it is registered under, or {@code null}
   */
  public ObjectName objectName() {
    return registered;
  }
}
