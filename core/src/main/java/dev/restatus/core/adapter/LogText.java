package dev.restatus.core.adapter;

/**
 * Makes request values safe to log: a client controls the method, the path and the headers, and a
 * raw line break in any of them would start a forged log line.
 */
public final class LogText {

  private LogText() {}

  /**
   * @param value a value the client chose, or {@code null}
   * @return the value with every control character (and the Unicode line and paragraph separators)
   *     written as a Java escape, {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}
   */
  public static String safe(String value) {
    if (value == null) {
      return null;
    }
    int i = 0;
    while (i < value.length() && !isControl(value.charAt(i))) {
      i++;
    }
    if (i == value.length()) {
      return value;
    }
    StringBuilder b = new StringBuilder(value.length() + 8).append(value, 0, i);
    for (; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (isControl(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
  }
}
