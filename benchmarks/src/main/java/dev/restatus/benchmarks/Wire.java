package dev.restatus.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 response read off a keep-alive connection: status line, headers (names in lower
 * case), and the body by {@code Content-Length} or chunks (none for HEAD, 204 and 304).
 *
 * @param status the status
 * @param headers the headers, the last of a repeated name winning
 * @param body the body, or {@code null} where it was skipped
 */
record Wire(int status, Map<String, String> headers, byte[] body) {

  static Wire read(InputStream in, boolean head, boolean keepBody) throws IOException {
    String status = line(in);
    if (status.length() < 12 || !status.startsWith("HTTP/1.1 ")) {
      throw new IOException("not a status line: " + status);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = line(in); !l.isEmpty(); l = line(in)) {
      int colon = l.indexOf(':');
      headers.put(
          l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
    }
    int code = Integer.parseInt(status.substring(9, 12));
    ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
    if (head || code == 304 || code == 204) {
      return new Wire(code, headers, keepBody ? new byte[0] : null);
    }
    String length = headers.get("content-length");
    if (length != null) {
      copy(in, Long.parseLong(length), body);
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (long size = chunk(in); size > 0; size = chunk(in)) {
        copy(in, size, body);
        line(in);
      }
      line(in);
    } else {
      throw new IOException("a response without framing: " + status);
    }
    return new Wire(code, headers, keepBody ? body.toByteArray() : null);
  }

  private static long chunk(InputStream in) throws IOException {
    return Long.parseLong(line(in).split(";")[0].trim(), 16);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  private static void copy(InputStream in, long n, ByteArrayOutputStream to) throws IOException {
    byte[] buf = new byte[8192];
    while (n > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, n));
      if (r < 0) {
        throw new IOException("connection closed");
      }
      if (to != null) {
        to.write(buf, 0, r);
      }
      n -= r;
    }
  }
}
