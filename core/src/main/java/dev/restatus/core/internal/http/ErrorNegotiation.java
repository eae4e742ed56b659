package dev.restatus.core.internal.http;

import java.util.List;

/**
 * What a request's {@code Accept} prefers for an error body, by the weights RFC 9110 section 12.5.1
 * gives (the most specific matching range decides a type's weight). JSON wins every tie, and a
 * missing or malformed {@code Accept} prefers nothing else: an error response may ignore {@code
 * Accept}, so a bad one is no reason to fail.
 *
 * @param html whether HTML ({@code text/html}, {@code application/xhtml+xml}) weighs more than any
 *     JSON type ({@code application/problem+json}, {@code application/json})
 * @param xml whether XML ({@code application/problem+xml}, {@code application/xml}, {@code
 *     text/xml}) weighs more than any JSON type
 */
public record ErrorNegotiation(boolean html, boolean xml) {

  /** Prefers nothing over JSON. */
  public static final ErrorNegotiation JSON = new ErrorNegotiation(false, false);

  private static final List<MediaRange> JSON_TYPES =
      List.of(type("application/problem+json"), type("application/json"));
  private static final List<MediaRange> XML_TYPES =
      List.of(type("application/problem+xml"), type("application/xml"), type("text/xml"));
  private static final List<MediaRange> HTML_TYPES =
      List.of(type("text/html"), type("application/xhtml+xml"));

  /**
   * @param accept the request's {@code Accept}, or {@code null}
   * @return what it prefers; {@link #JSON} when it is missing or malformed
   */
  public static ErrorNegotiation of(String accept) {
    if (accept == null) {
      return JSON;
    }
    List<MediaRange> ranges;
    try {
      ranges = MediaRange.parseAccept(accept);
    } catch (IllegalArgumentException e) {
      return JSON;
    }
    if (ranges.isEmpty()) {
      return JSON;
    }
    int json = weight(ranges, JSON_TYPES);
    return new ErrorNegotiation(
        weight(ranges, HTML_TYPES) > json, weight(ranges, XML_TYPES) > json);
  }

  private static int weight(List<MediaRange> accept, List<MediaRange> types) {
    int best = 0;
    for (MediaRange t : types) {
      best = Math.max(best, MediaRange.weightOf(accept, t));
    }
    return best;
  }

  private static MediaRange type(String t) {
    return MediaRange.parseContentType(t);
  }
}
