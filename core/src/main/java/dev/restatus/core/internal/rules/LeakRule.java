package dev.restatus.core.internal.rules;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Tells whether a 5xx body the application sent itself shows internals: a stack frame (also in
 * JSON-escaped text), a qualified exception class, a qualified class followed by its message, an
 * exception message line, a {@code Caused by:}, an exception class name on its own, the JVM's
 * helpful {@code NullPointerException} text. Runs on at most {@code restatus.inspect-limit} bytes
 * copied while the body streams out.
 */
final class LeakRule {

  private static final Pattern LEAK =
      Pattern.compile(
          // a qualified exception or error class: java.lang.IllegalStateException
          "(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b"
              // any qualified class followed by its message: com.acme.OrderFailure: card ...
              + "|\\b(?:[a-z][\\w$]*\\.){2,}[A-Z][\\w$]*: "
              // an unqualified one: NullPointerException: ...
              + "|\\b[A-Z][\\w$]*(?:Exception|Error): "
              // a stack frame, also inside JSON-escaped text (\\tat ...): a qualified method and
              // its source position
              + "|[a-zA-Z_$][\\w$]*(?:\\.[\\w$<>]+)+\\("
              + "(?:[\\w$]+\\.(?:java|kt|scala|groovy):\\d+|Native Method|Unknown Source)\\)"
              + "|\\bCaused by: "
              // an unqualified exception class on its own: NullPointerException
              + "|\\b[A-Z][\\w$]*Exception\\b"
              // the JVM's helpful NullPointerException text
              + "|\\bCannot (?:invoke|read|load|store|assign|throw|enter|exit) [^\\n]{0,200}?"
              + " because ");

  static boolean leaks(CharSequence head) {
    return LEAK.matcher(head).find();
  }

  static boolean leaks(byte[] head, int length) {
    return leaks(new String(head, 0, length, StandardCharsets.ISO_8859_1));
  }
}
