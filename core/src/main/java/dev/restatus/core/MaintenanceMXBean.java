package dev.restatus.core;

/**
 * The {@link Maintenance} switch through JMX, registered as {@code
 * dev.restatus:type=Maintenance,name=<instance>}: values are plain strings, so any JMX console can
 * call it.
 */
public interface MaintenanceMXBean {

  /**
   * Starts (or replaces) a window.
   *
   * @param paths path patterns, comma or space separated ({@code /**} for all)
   * @param until an ISO-8601 instant ({@code 2026-12-02T06:00:00Z}) when it ends by itself, or
   *     empty for none
   */
  void start(String paths, String until);

  /** Ends the window now. */
  void stop();

  /**
   * @return whether a window is on now
   */
  boolean isActive();

  /**
   * @return the path patterns of the current window, space separated; empty when off
   */
  String getPaths();

  /**
   * @return the end of the current window as an ISO-8601 instant; empty when none
   */
  String getUntil();
}
