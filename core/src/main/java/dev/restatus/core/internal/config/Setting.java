package dev.restatus.core.internal.config;

import dev.restatus.core.ConfigException;

/**
 * One raw setting: its key, its value and where it came from, so that a bad value fails naming all
 * three and what is allowed.
 *
 * @param key the {@code restatus.*} key
 * @param value the value as written
 * @param source where it came from ("built-in default", a file, "environment", ...)
 */
public record Setting(String key, String value, String source) {

  /**
   * @param allowed what the key accepts
   * @return the exception to throw
   */
  public ConfigException fail(String allowed) {
    return new ConfigException(
        "Bad setting "
            + key
            + " = \""
            + printable(value)
            + "\" (from "
            + source
            + "): expected "
            + allowed);
  }

  /**
   * @param value a value as written
   * @return it with control characters escaped, for an error message
   */
  public static String printable(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
