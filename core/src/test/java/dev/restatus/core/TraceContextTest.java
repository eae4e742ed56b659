package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restatus.core.RequestRulesTest.Req;
import dev.restatus.core.adapter.Failure;
import dev.restatus.core.adapter.Restatus;
import dev.restatus.core.internal.http.TraceContext;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** W3C {@code traceparent}: the trace id a problem and its log line carry. */
class TraceContextTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String VALID = "00-" + TRACE + "-00f067aa0ba902b7-01";

  @Test
  void aValidHeaderGivesItsTraceId() {
    assertThat(TraceContext.traceId(VALID)).isEqualTo(TRACE);
    assertThat(TraceContext.traceId(" " + VALID + " ")).isEqualTo(TRACE);
    // a later version may append fields after a dash
    assertThat(TraceContext.traceId("01-" + TRACE + "-00f067aa0ba902b7-01-extra")).isEqualTo(TRACE);
  }

  @Test
  void anInvalidHeaderGivesNone() {
    for (String bad :
        List.of(
            "",
            "00",
            VALID.toUpperCase(),
            "ff-" + TRACE + "-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-" + TRACE + "-0000000000000000-01",
            "00-" + TRACE + "-00f067aa0ba902b7-01-extra",
            "01-" + TRACE + "-00f067aa0ba902b7-01x",
            "00_" + TRACE + "-00f067aa0ba902b7-01",
            "00-" + TRACE.substring(1) + "g-00f067aa0ba902b7-01",
            "00-" + TRACE + "-00f067aa0ba902b7")) {
      assertThat(TraceContext.traceId(bad)).as(bad).isNull();
    }
    assertThat(TraceContext.traceId(null)).isNull();
  }

  @Test
  void anyTextGivesAnIdOrNoneAndNeverThrows() {
    Random random = new Random(42);
    String alphabet = "0123456789abcdefABCDEF-xf ";
    for (int i = 0; i < 100_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(70);
      for (int j = 0; j < n; j++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String id = TraceContext.traceId(b.toString());
      if (id != null) {
        assertThat(id).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(b.toString().trim()).contains(id);
      }
    }
  }

  @Test
  void aProblemWithAnErrorIdCarriesTheTraceId() {
    Restatus r = Restatus.create(RestatusConfig.of(Map.of()), null);
    Failure f =
        r.onException(Req.of("GET", "/x", "traceparent", VALID), new IllegalStateException());
    assertThat(f.problem().extensions()).containsEntry("traceId", TRACE);
    Failure without = r.onException(Req.of("GET", "/x"), new IllegalStateException());
    assertThat(without.problem().extensions()).doesNotContainKey("traceId");
    Failure invalid =
        r.onException(Req.of("GET", "/x", "traceparent", "garbage"), new IllegalStateException());
    assertThat(invalid.problem().extensions()).doesNotContainKey("traceId");
  }
}
