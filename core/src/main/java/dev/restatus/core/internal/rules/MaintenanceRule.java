package dev.restatus.core.internal.rules;

import dev.restatus.core.Maintenance;
import dev.restatus.core.MaintenanceMXBean;
import dev.restatus.core.PathPattern;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.management.ObjectName;

/**
 * A request rule: while a maintenance window is on, a request on its paths, but not on an exempt
 * path, gets {@code 503} with a {@code Retry-After} (whole seconds until the window ends, at least
 * 1; or {@code restatus.retry-after} for a window without an end) before the application runs. The
 * window starts from {@code restatus.maintenance.*} and is switched at run time through {@link
 * Maintenance} and its MXBean; one whose end has passed ends by itself.
 */
final class MaintenanceRule implements Rule, Maintenance, MaintenanceMXBean {

  /** One window; immutable, swapped whole. */
  private record Window(List<PathPattern> paths, Instant until) {}

  private final List<PathPattern> exempt;
  private final long retryAfter;
  private final Clock clock;
  private volatile Window window;
  private ObjectName registered;

  MaintenanceRule(
      List<PathPattern> paths,
      Optional<Instant> until,
      List<PathPattern> exempt,
      long retryAfter,
      Clock clock) {
    this.exempt = exempt;
    this.retryAfter = retryAfter;
    this.clock = clock;
    this.window = paths.isEmpty() ? null : new Window(paths, until.orElse(null));
  }

  @Override
  public boolean idle(
      dev.restatus.core.adapter.RequestView request,
      dev.restatus.core.adapter.ResponseView response) {
    return true; // acts on requests only
  }

  @Override
  public void onRequest(Draft d) {
    Window w = current();
    if (w == null) {
      return;
    }
    String path = d.request.path();
    if (!PathPatterns.any(w.paths, path) || PathPatterns.any(exempt, path)) {
      return;
    }
    long seconds = retryAfter;
    if (w.until != null) {
      long millis = Duration.between(clock.instant(), w.until).toMillis();
      seconds = Math.max(1, (millis + 999) / 1000);
    }
    d.answer(503, "The service is down for maintenance. Retry after " + seconds + " seconds.");
    d.setHeader("Retry-After", Long.toString(seconds));
  }

  /** The window in force now: one whose end has passed is ended. */
  private Window current() {
    Window w = window;
    if (w != null && w.until != null && !clock.instant().isBefore(w.until)) {
      synchronized (this) {
        if (window == w) {
          window = null;
        }
      }
      return null;
    }
    return w;
  }

  @Override
  public synchronized void start(List<String> paths, Instant until) {
    List<PathPattern> compiled = new ArrayList<>();
    for (String p : paths) {
      compiled.add(PathPattern.compile(p.trim()));
    }
    if (compiled.isEmpty()) {
      throw new IllegalArgumentException("a maintenance window needs at least one path pattern");
    }
    if (until != null && !until.isAfter(clock.instant())) {
      throw new IllegalArgumentException("the end of a maintenance window has passed: " + until);
    }
    window = new Window(List.copyOf(compiled), until);
  }

  @Override
  public void start(String paths, String until) {
    List<String> patterns = new ArrayList<>();
    for (String p : (paths == null ? "" : paths).split("[,\\s]+")) {
      if (!p.isEmpty()) {
        patterns.add(p);
      }
    }
    Instant end = null;
    if (until != null && !until.isBlank()) {
      try {
        end = Instant.parse(until.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "until must be an ISO-8601 instant such as 2026-12-02T06:00:00Z: " + until);
      }
    }
    start(patterns, end);
  }

  @Override
  public synchronized void stop() {
    window = null;
  }

  @Override
  public boolean isActive() {
    return current() != null;
  }

  @Override
  public Optional<Instant> until() {
    Window w = current();
    return w == null ? Optional.empty() : Optional.ofNullable(w.until);
  }

  @Override
  public String getPaths() {
    Window w = current();
    return w == null
        ? ""
        : w.paths.stream().map(PathPattern::toString).collect(Collectors.joining(" "));
  }

  @Override
  public String getUntil() {
    return until().map(Instant::toString).orElse("");
  }

  synchronized void register(String name) {
    if (registered == null) {
      registered = MBeans.register(this, "Maintenance", name);
    }
  }

  synchronized void unregister() {
    MBeans.unregister(registered);
    registered = null;
  }
}
