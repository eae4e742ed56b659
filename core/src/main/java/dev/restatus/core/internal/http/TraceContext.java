package dev.restatus.core.internal.http;

/**
 * The trace id of a W3C Trace Context {@code traceparent} header ({@code
 * version-traceid-parentid-flags}, lower-case hex): the id that ties a problem and its log line to
 * the trace the platform records.
 */
public final class TraceContext {

  private TraceContext() {}

  /**
   * @param traceparent the header, or {@code null}
   * @return the 32-digit trace id, or {@code null} if the header is absent or invalid (version
   *     {@code ff}, an all-zero id, upper-case hex, a wrong length; version 00 takes no more
   *     fields)
   */
  public static String traceId(String traceparent) {
    if (traceparent == null) {
      return null;
    }
    String h = traceparent.trim();
    if (h.length() < 55 || !hex(h, 0, 2) || h.charAt(2) != '-') {
      return null;
    }
    String version = h.substring(0, 2);
    if (version.equals("ff")
        || (version.equals("00") && h.length() != 55)
        || (h.length() > 55 && h.charAt(55) != '-')) {
      return null;
    }
    if (!hex(h, 3, 35) || h.charAt(35) != '-' || !hex(h, 36, 52) || h.charAt(52) != '-') {
      return null;
    }
    if (!hex(h, 53, 55)) {
      return null;
    }
    String trace = h.substring(3, 35);
    if (trace.equals("00000000000000000000000000000000")
        || h.substring(36, 52).equals("0000000000000000")) {
      return null;
    }
    return trace;
  }

  private static boolean hex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
