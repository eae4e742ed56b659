package dev.restatus.core.internal.rules;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reports a 5xx body that the application sent itself and that shows internals: a stack frame or a
 * qualified exception class name. Runs on at most {@code restatus.inspect-limit} bytes copied while
 * the body streams out.
 */
final class LeakRule {

  private static final Pattern LEAK =
      Pattern.compile(
          "(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b"
              + "|\\b[A-Z][\\w$]*(?:Exception|Error): "
              + "|\\bat [\\w$.<>]+\\([\\w$ ]+(?:\\.java:\\d+)?\\)"
              + "|\\bCaused by: ");

  static boolean leaks(CharSequence head) {
    return LEAK.matcher(head).find();
  }

  static boolean leaks(byte[] head, int length) {
    return leaks(new String(head, 0, length, StandardCharsets.ISO_8859_1));
  }
}
