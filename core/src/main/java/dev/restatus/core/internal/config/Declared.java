package dev.restatus.core.internal.config;

/** A declared key or family of keys: what the README's table shows of it. */
public sealed interface Declared permits Key, Family {

  /**
   * @return the key, or the family's prefix and placeholder
   */
  String displayName();

  /**
   * @return what it takes
   */
  String type();

  /**
   * @return the built-in default as written, empty for none
   */
  String defaultValue();

  /**
   * @return one line for the README
   */
  String meaning();

  /**
   * @return its row of the README's Markdown table
   */
  default String markdownRow() {
    return "| `"
        + displayName()
        + "` | "
        + type()
        + " | "
        + (defaultValue().isEmpty() ? "(none)" : "`" + defaultValue() + "`")
        + " | "
        + meaning()
        + " |";
  }
}
