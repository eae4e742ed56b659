package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restatus.core.RequestRulesTest.Req;
import dev.restatus.core.adapter.ResponseView;
import dev.restatus.core.adapter.Restatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Findings and fixes counted on Micrometer's global registry, with bounded tags only. */
class MetersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void add() {
    Metrics.addRegistry(registry);
  }

  @AfterEach
  void remove() {
    Metrics.removeRegistry(registry);
    registry.close();
  }

  /** A 401 without a challenge, no body. */
  private static ResponseView unauthorized() {
    return new ResponseView() {
      @Override
      public int status() {
        return 401;
      }

      @Override
      public String header(String name) {
        return null;
      }

      @Override
      public String contentType() {
        return null;
      }

      @Override
      public boolean hasBody() {
        return false;
      }
    };
  }

  private double count(String rule, String status, String adapter, String action) {
    Counter c =
        registry
            .find("restatus.findings")
            .tags("rule", rule, "status", status, "adapter", adapter, "action", action)
            .counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void aFixIsCountedPerRuleStatusClassAndAdapter() {
    try (Restatus r = Restatus.create(RestatusConfig.of(Map.of()), "jaxrs-test")) {
      r.onResponse(Req.of("GET", "/orders/1"), unauthorized());
      r.onResponse(Req.of("GET", "/orders/2"), unauthorized());
    }
    assertThat(count("www-authenticate", "4xx", "jaxrs", "fixed")).isEqualTo(2);
    assertThat(count("problem-body", "4xx", "jaxrs", "fixed")).isEqualTo(2);
    for (Meter m : registry.getMeters()) {
      assertThat(m.getId().getTags().toString()).doesNotContain("/orders");
    }
  }

  @Test
  void reportModeCountsWhatItOnlyReports() {
    try (Restatus r =
        Restatus.create(RestatusConfig.of(Map.of("restatus.mode", "report")), "filter@/app")) {
      r.onResponse(Req.of("GET", "/me"), unauthorized());
    }
    assertThat(count("www-authenticate", "4xx", "servlet", "reported")).isEqualTo(1);
    assertThat(count("www-authenticate", "4xx", "servlet", "fixed")).isZero();
  }
}
