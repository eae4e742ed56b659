package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restatus.core.internal.http.HttpDates;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {

  private static final Instant OCT_21_2015 = Instant.parse("2015-10-21T07:28:00Z");

  @Test
  void allThreeFormsParseToTheSameInstant() {
    assertThat(HttpDates.parse("Wed, 21 Oct 2015 07:28:00 GMT")).contains(OCT_21_2015);
    assertThat(HttpDates.parse("Wednesday, 21-Oct-15 07:28:00 GMT")).contains(OCT_21_2015);
    assertThat(HttpDates.parse("Wed Oct 21 07:28:00 2015")).contains(OCT_21_2015);
  }

  @Test
  void asctimeWithSpacePaddedDay() {
    assertThat(HttpDates.parse("Sun Nov  6 08:49:37 1994"))
        .contains(Instant.parse("1994-11-06T08:49:37Z"));
    assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"))
        .contains(Instant.parse("1994-11-06T08:49:37Z"));
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertThat(HttpDates.parse("  Wed, 21 Oct 2015 07:28:00 GMT ")).contains(OCT_21_2015);
  }

  /**
   * RFC 9110 section 5.6.7's own example. A two-digit rfc850 year that appears more than 50 years
   * in the future must be read as the most recent past year with those digits (1994), but {@code
   * yy} resolves "94" to 2094, whose 6 November is not a Sunday, so the parse fails.
   */
  @Test
  void rfc850TwoDigitYearFromThePastCentury() {
    assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"))
        .contains(Instant.parse("1994-11-06T08:49:37Z"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "soon",
        "120",
        "2015-10-21T07:28:00Z",
        "Wed, 21 Oct 2015 25:28:00 GMT",
        "Thu, 21 Oct 2015 07:28:00 GMT",
        "Wed, 21 Foo 2015 07:28:00 GMT",
        "Wednesday, 21-Oct-2015 07:28:00",
        "Wed Oct 21 07:28:00",
        "21 Oct 2015"
      })
  void garbageIsEmpty(String value) {
    assertThat(HttpDates.parse(value)).isEmpty();
  }
}
