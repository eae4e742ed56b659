package dev.restatus.core.internal.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** HTTP-date parsing (RFC 9110 section 5.6.7): IMF-fixdate and the two obsolete forms. */
public final class HttpDates {

  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

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
    for (DateTimeFormatter f : List.of(IMF_FIXDATE, rfc850(), ASCTIME)) {
      try {
        return Optional.of(LocalDateTime.parse(v, f).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        // next form
      }
    }
    return Optional.empty();
  }

  /**
   * RFC 850 with its two-digit year: RFC 9110 reads a year that would be more than 50 years in the
   * future as the most recent past year with those digits.
   */
  private static DateTimeFormatter rfc850() {
    LocalDate base = LocalDate.now(ZoneOffset.UTC).minusYears(49);
    return new DateTimeFormatterBuilder()
        .appendPattern("EEEE, dd-MMM-")
        .appendValueReduced(ChronoField.YEAR, 2, 2, base)
        .appendPattern(" HH:mm:ss 'GMT'")
        .toFormatter(Locale.US);
  }
}
