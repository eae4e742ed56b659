package dev.restatus.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The maintenance switch of one Restatus instance, for code: while a window is on, requests on its
 * paths (but those of {@code restatus.maintenance.exempt}) get {@code 503 Service Unavailable} with
 * a {@code Retry-After} and a problem body saying the service is down for maintenance, before the
 * application runs. A window whose end has passed ends by itself. The same switch is registered as
 * the {@link MaintenanceMXBean} {@code dev.restatus:type=Maintenance,name=<instance>}.
 *
 * <p>The servlet filter puts its switch in the servlet context attribute named after this
 * interface; the JAX-RS feature puts it in the application's configuration property of the same
 * name. Thread-safe.
 */
public interface Maintenance {

  /**
   * Starts (or replaces) a window.
   *
   * @param paths path patterns ({@link PathPattern}), {@code /**} for every path
   * @param until when the window ends by itself, or {@code null} for when {@link #stop()} is
   *     called; {@code Retry-After} then says {@code restatus.retry-after}
   * @throws IllegalArgumentException if a pattern is not one, or {@code until} has passed
   */
  void start(List<String> paths, Instant until);

  /** Ends the window now. */
  void stop();

  /**
   * @return whether a window is on now
   */
  boolean isActive();

  /**
   * @return when the current window ends by itself, if it does
   */
  Optional<Instant> until();
}
