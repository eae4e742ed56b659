package dev.restatus.core.adapter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a raw request path into the path a container routes: path parameters ({@code ;jsessionid},
 * JAX-RS matrix parameters) removed from every segment, percent-escapes decoded, empty and {@code
 * .} segments dropped and {@code ..} segments resolved. Rules match patterns on this form only, so
 * that no spelling of a path ({@code /sec;a/x}, {@code /%73ec/x}, {@code /x/../sec/x}) escapes a
 * pattern that the routed path matches.
 */
public final class RequestPaths {

  private RequestPaths() {}

  /**
   * @param raw a path as sent, without query string ({@code jakarta.servlet.error.request_uri} less
   *     the context path, or a JAX-RS path with matrix parameters); a query or fragment is cut off
   * @return the normalised path, starting with {@code /}; a trailing {@code /} is kept
   */
  public static String normalize(String raw) {
    if (raw == null) {
      return "/";
    }
    return isNormal(raw) ? raw : rebuild(raw); // "" is not normal: rebuilt as "/"
  }

  /**
   * Whether {@code raw} is its own normal form, as almost every path is: it starts with {@code /}
   * and has no empty (but a last), {@code .} or {@code ..} segment, and no {@code ;}, {@code %},
   * {@code ?} or {@code #}. Checked without allocating.
   */
  static boolean isNormal(String raw) {
    int n = raw.length();
    if (n == 0 || raw.charAt(0) != '/') {
      return false;
    }
    int start = 1;
    for (int i = 1; i <= n; i++) {
      char c = i == n ? '/' : raw.charAt(i);
      if (c == '/') {
        int len = i - start;
        if (len == 0 && i != n
            || len == 1 && raw.charAt(start) == '.'
            || len == 2 && raw.charAt(start) == '.' && raw.charAt(start + 1) == '.') {
          return false;
        }
        start = i + 1;
      } else if (c == '%' || c == ';' || c == '?' || c == '#') {
        return false;
      }
    }
    return true;
  }

  /** {@link #normalize} the long way, segment by segment. */
  static String rebuild(String raw) {
    if (raw.isEmpty()) {
      return "/";
    }
    int end = raw.length();
    int q = raw.indexOf('?');
    if (q >= 0) {
      end = q;
    }
    int h = raw.indexOf('#');
    if (h >= 0 && h < end) {
      end = h;
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || raw.charAt(i) == '/') {
        String segment = raw.substring(start, i);
        int semi = segment.indexOf(';');
        if (semi >= 0) {
          segment = segment.substring(0, semi);
        }
        // a decoded %2F separates segments too: the most a container could make of it
        for (String part : decode(segment).split("/", -1)) {
          if (part.equals("..")) {
            if (!out.isEmpty()) {
              out.remove(out.size() - 1);
            }
          } else if (!part.isEmpty() && !part.equals(".")) {
            out.add(part);
          }
        }
        start = i + 1;
      }
    }
    StringBuilder b = new StringBuilder();
    for (String s : out) {
      b.append('/').append(s);
    }
    if (b.length() == 0 || raw.charAt(end - 1) == '/') {
      b.append('/');
    }
    return b.toString();
  }

  /**
   * Decodes percent-escapes as UTF-8; an invalid escape is kept as it is, as a container that
   * accepted the request would have treated it literally.
   */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          bytes.write(hi << 4 | lo);
          i += 3;
          continue;
        }
      }
      byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
        b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
        i++;
      }
      bytes.write(b, 0, b.length);
      i++;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
