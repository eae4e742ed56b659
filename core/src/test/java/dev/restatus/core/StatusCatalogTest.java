package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusCatalogTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "200|OK",
        "201|Created",
        "202|Accepted",
        "204|No Content",
        "207|Multi-Status",
        "301|Moved Permanently",
        "304|Not Modified",
        "400|Bad Request",
        "401|Unauthorized",
        "403|Forbidden",
        "404|Not Found",
        "405|Method Not Allowed",
        "406|Not Acceptable",
        "409|Conflict",
        "410|Gone",
        "412|Precondition Failed",
        "413|Content Too Large",
        "415|Unsupported Media Type",
        "422|Unprocessable Content",
        "428|Precondition Required",
        "429|Too Many Requests",
        "500|Internal Server Error",
        "501|Not Implemented",
        "503|Service Unavailable",
        "100|Continue",
        "203|Non-Authoritative Information",
        "308|Permanent Redirect",
        "402|Payment Required",
        "416|Range Not Satisfiable",
        "421|Misdirected Request",
        "431|Request Header Fields Too Large",
        "451|Unavailable For Legal Reasons",
        "505|HTTP Version Not Supported",
        "511|Network Authentication Required"
      })
  void knownCodesHaveTheirRfc9110ReasonPhrase(int status, String reason) {
    assertThat(StatusCatalog.isKnown(status)).isTrue();
    assertThat(StatusCatalog.reason(status)).isEqualTo(reason);
    assertThat(StatusCatalog.title(status)).isEqualTo(reason);
    assertThat(Problem.of(status).title()).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "199|Informational",
        "209|Success",
        "299|Success",
        "306|Redirection",
        "399|Redirection",
        "418|Client Error",
        "419|Client Error",
        "499|Client Error",
        "509|Server Error",
        "599|Server Error"
      })
  void unknownCodesGetTheirClassPhrase(int status, String phrase) {
    assertThat(StatusCatalog.isKnown(status)).isFalse();
    assertThat(StatusCatalog.reason(status)).isEqualTo(phrase);
    assertThat(StatusCatalog.title(status)).isEqualTo(phrase);
  }

  @Test
  void errorClassIsFourHundredToFiveNinetyNine() {
    assertThat(StatusCatalog.isError(399)).isFalse();
    assertThat(StatusCatalog.isError(400)).isTrue();
    assertThat(StatusCatalog.isError(599)).isTrue();
    assertThat(StatusCatalog.isError(600)).isFalse();
    assertThat(StatusCatalog.isError(204)).isFalse();
  }
}
