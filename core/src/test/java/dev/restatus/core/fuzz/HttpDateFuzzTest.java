package dev.restatus.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restatus.core.internal.http.HttpDates;
import java.time.Instant;
import java.util.Optional;

/**
 * Fuzz target of the HTTP-date parser ({@code If-Modified-Since}, {@code If-Unmodified-Since},
 * {@code Retry-After}, {@code Last-Modified}): any input gives a date or nothing, never an
 * exception; a parsed date prints back (IMF-fixdate) to the same instant.
 */
class HttpDateFuzzTest {

  private static final java.time.format.DateTimeFormatter IMF =
      java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME;

  @FuzzTest(maxDuration = "5s")
  void datesAreParsedOrIgnored(byte[] input) {
    String value = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1);
    Optional<Instant> parsed = HttpDates.parse(value);
    if (parsed.isPresent() && parsed.get().getEpochSecond() > 0) {
      String printed = IMF.format(parsed.get().atZone(java.time.ZoneOffset.UTC));
      if (printed.length() == 29) {
        assertThat(HttpDates.parse(printed)).contains(parsed.get());
      }
    }
  }
}
