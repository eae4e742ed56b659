package dev.restatus.core;

/**
 * A {@code restatus.*} setting is unknown or has a bad value. Thrown at start-up so that a
 * misconfigured application does not start; the message names the key, the value, where it came
 * from and what is allowed.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message the key, value, source and what is allowed
   */
  public ConfigException(String message) {
    super(message);
  }
}
