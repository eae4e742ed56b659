package dev.restatus.core;

import java.util.Map;

/**
 * The contract violations one Restatus instance has seen, as registered under {@code
 * dev.restatus:type=Findings,name=<instance>} in the platform MBean server.
 */
public interface FindingsMXBean {

  /**
   * @return a running count per finding, keyed {@code rule METHOD /path: what}
   */
  Map<String, Long> getCounts();

  /**
   * @return the total number of findings seen
   */
  long getTotal();

  /** Forgets every count. */
  void reset();
}
