package dev.restatus.core.internal.rules;

import dev.restatus.core.Mode;
import java.util.Set;

/**
 * Findings and fixes as Micrometer meters, when the application has Micrometer (found by name: it
 * is an optional dependency): the counter {@code restatus.findings} on Micrometer's global registry
 * (Spring Boot adds its registries to it), tagged with bounded values only: {@code rule}, {@code
 * status} (the status class: {@code 4xx}, {@code 5xx}, ..., or {@code none}), {@code adapter}
 * ({@code servlet}, {@code jaxrs}) and {@code action} ({@code fixed} in {@code enforce} mode where
 * the rule fixes what it found, else {@code reported}). Never the path.
 */
final class Meters {

  /** The counter's name. */
  static final String FINDINGS = "restatus.findings";

  /** Rules that can only report: nothing but the application knows the fix. */
  private static final Set<String> REPORT_ONLY =
      Set.of("created-location", "accepted-monitor", "multi-status");

  private static final String[] CLASSES = {"none", "1xx", "2xx", "3xx", "4xx", "5xx"};

  private static final boolean PRESENT = present();

  private Meters() {}

  private static boolean present() {
    try {
      Class.forName("io.micrometer.core.instrument.Metrics", false, Meters.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  static void count(Finding f, Mode mode, String adapter) {
    if (!PRESENT) {
      return;
    }
    int c = f.status() / 100;
    String action = mode == Mode.ENFORCE && !REPORT_ONLY.contains(f.rule()) ? "fixed" : "reported";
    Micrometer.increment(f.rule(), c >= 1 && c <= 5 ? CLASSES[c] : CLASSES[0], adapter, action);
  }

  /** Loaded only when Micrometer is present. */
  private static final class Micrometer {
    static void increment(String rule, String status, String adapter, String action) {
      io.micrometer.core.instrument.Metrics.counter(
              FINDINGS, "rule", rule, "status", status, "adapter", adapter, "action", action)
          .increment();
    }
  }
}
