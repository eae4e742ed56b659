package dev.restatus.servlet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The start of a body held back: a kept 5xx body until it has been looked at for internals (at most
 * {@code restatus.inspect-limit} bytes or characters), or a {@code restatus.etag} body until its
 * entity-tag is known (at most {@code restatus.etag.max-buffer}). Bytes go into one array, sized
 * from the {@code Content-Length} the application announced when it did, and are digested and sent
 * from there without another copy.
 */
final class HeldBody {

  private static final byte[] NONE = new byte[0];

  private byte[] bytes = NONE;
  private int size;
  private StringBuilder chars;
  private final int limit;

  /**
   * @param limit how much may be held; one write more makes it {@link #full()}
   * @param expected the body's announced length, or -1
   */
  HeldBody(int limit, long expected) {
    this.limit = limit;
    if (expected > 0 && expected <= limit) {
      bytes = new byte[(int) expected];
    }
  }

  void add(byte[] b, int off, int len) {
    if (size + len > bytes.length) {
      int grown = Math.max(size + len, Math.min(Math.max(bytes.length * 2, 512), limit + 1));
      bytes = Arrays.copyOf(bytes, grown);
    }
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  void add(char[] c, int off, int len) {
    if (chars == null) {
      chars = new StringBuilder(Math.min(limit + 1, Math.max(len, 256)));
    }
    chars.append(c, off, len);
  }

  /** Whether the body is longer than can be looked at. */
  boolean full() {
    return size + charCount() > limit;
  }

  /** Whether the application wrote characters (through its writer) rather than bytes. */
  boolean isText() {
    return charCount() > 0;
  }

  /**
   * @return the characters held, when {@link #isText()}
   */
  CharSequence chars() {
    return chars;
  }

  /**
   * @return the array holding the bytes; the first {@link #size()} are valid
   */
  byte[] bytes() {
    return bytes;
  }

  /**
   * @return how many bytes are held
   */
  int size() {
    return size;
  }

  /** Sends the held bytes on. */
  void writeBytesTo(OutputStream out) throws IOException {
    if (size > 0) {
      out.write(bytes, 0, size);
    }
  }

  /** What was held, as text for the leak check. */
  CharSequence head() {
    return isText() ? chars : new String(bytes, 0, size, StandardCharsets.ISO_8859_1);
  }

  private int charCount() {
    return chars == null ? 0 : chars.length();
  }
}
