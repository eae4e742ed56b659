package dev.restatus.core.internal.config;

import java.util.Locale;

/**
 * One declared {@code restatus.*} key with a single value: everything else (the built-in default,
 * the environment variable name, the validation, the README row) is derived from this declaration.
 *
 * @param name the key
 * @param type what it takes, as the README's table shows it
 * @param defaultValue the built-in default as written in a properties file; empty for none
 * @param meaning one line for the README's table
 * @param parser turns a written value into the typed one, or fails naming key, value and what is
 *     allowed
 * @param <T> the parsed type
 */
public record Key<T>(
    String name, String type, String defaultValue, String meaning, Parser<T> parser)
    implements Declared {

  /**
   * Parses a written value.
   *
   * @param <T> the parsed type
   */
  @FunctionalInterface
  public interface Parser<T> {
    /**
     * @param setting the value with its key and source
     * @param loader where classes named in values are loaded from
     * @return the parsed value
     * @throws dev.restatus.core.ConfigException naming the key, value and what is allowed
     */
    T parse(Setting setting, ClassLoader loader);
  }

  /**
   * @return its environment variable name: {@code restatus.retry-after} is {@code
   *     RESTATUS_RETRY_AFTER}
   */
  public String envName() {
    return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  @Override
  public String displayName() {
    return name;
  }
}
