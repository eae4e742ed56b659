package dev.restatus.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** HTTP-date parsing (RFC 9110 section 5.6.7): IMF-fixdate and the two obsolete forms. */
public final class HttpDates {

  private static final List<DateTimeFormatter> OBSOLETE =
      List.of(
          DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US),
          DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US));

  private HttpDates() {}

  /**
   * @param value a header value
   * @return the instant, or empty if {@code value} is not an HTTP-date
   */
  public static Optional<Instant> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    try {
      return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      // try the obsolete forms
    }
    for (DateTimeFormatter f : OBSOLETE) {
      try {
        return Optional.of(LocalDateTime.parse(v, f).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        // next form
      }
    }
    return Optional.empty();
  }
}
