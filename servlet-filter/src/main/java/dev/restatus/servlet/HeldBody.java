package dev.restatus.servlet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The start of a kept 5xx body, held back until it has been looked at for internals: at most {@code
 * restatus.inspect-limit} bytes or characters, then it is looked at (or, longer, replaced).
 */
final class HeldBody {

  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final StringBuilder chars = new StringBuilder();
  private final int limit;

  HeldBody(int limit) {
    this.limit = limit;
  }

  void add(byte[] b, int off, int len) {
    bytes.write(b, off, len);
  }

  void add(char[] c, int off, int len) {
    chars.append(c, off, len);
  }

  /** Whether the body is longer than can be looked at. */
  boolean full() {
    return bytes.size() + chars.length() > limit;
  }

  /** What was held, as text for the leak check. */
  CharSequence head() {
    return chars.length() > 0 ? chars : bytes.toString(StandardCharsets.ISO_8859_1);
  }
}
