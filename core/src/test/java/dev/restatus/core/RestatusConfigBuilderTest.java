package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The typed builder sets the same keys a properties file would, with the same validation. */
class RestatusConfigBuilderTest {

  @Test
  void everySetterSetsItsKey() {
    RestatusConfig c =
        RestatusConfig.builder()
            .mode(Mode.REPORT)
            .autoRegister(false)
            .keepErrorBodies("application/json", "text/*")
            .exception(IllegalArgumentException.class, 422)
            .clientErrorDetails(false)
            .serverErrorDetails(true)
            .renderer(TextProblemRenderer.class)
            .concealForbidden("/admin/**", "/ops/*")
            .concealSafeHeaders("Strict-Transport-Security")
            .retryAfter(Duration.ofMinutes(2).plusSeconds(5))
            .authenticate("Basic realm=\"x\"")
            .allow("/fixed/**", "GET", "PUT")
            .methods("GET", "HEAD", "POST")
            .inspectLimit(1024)
            .moved("/old/*", "/new/{1}")
            .gone("/retired/**")
            .maintenancePaths("/**")
            .maintenanceUntil(java.time.Instant.parse("2999-01-01T00:00:00Z"))
            .maintenanceExempt("/health")
            .consumes("/orders/**", "application/json")
            .produces("/reports/**", "text/csv")
            .build();
    assertThat(c.mode()).isEqualTo(Mode.REPORT);
    assertThat(c.autoRegister()).isFalse();
    assertThat(c.keepErrorBodies()).containsExactly("application/json", "text/*");
    assertThat(c.exceptionStatuses())
        .containsExactly(Map.entry(IllegalArgumentException.class.getName(), 422));
    assertThat(c.clientErrorDetails()).isFalse();
    assertThat(c.serverErrorDetails()).isTrue();
    assertThat(c.renderer()).isInstanceOf(TextProblemRenderer.class);
    assertThat(c.concealForbidden())
        .extracting(Object::toString)
        .containsExactly("/admin/**", "/ops/*");
    assertThat(c.concealSafeHeaders()).isEqualTo(List.of("Strict-Transport-Security"));
    assertThat(c.retryAfter()).isEqualTo(125);
    assertThat(c.authenticate()).isEqualTo("Basic realm=\"x\"");
    assertThat(c.allowOverrides().values()).containsExactly(Set.of("GET", "PUT"));
    assertThat(c.methods()).containsExactly("GET", "HEAD", "POST");
    assertThat(c.inspectLimit()).isEqualTo(1024);
    assertThat(c.moved().values()).containsExactly("/new/{1}");
    assertThat(c.gone()).extracting(Object::toString).containsExactly("/retired/**");
    assertThat(c.maintenancePaths()).extracting(Object::toString).containsExactly("/**");
    assertThat(c.maintenanceUntil()).contains(java.time.Instant.parse("2999-01-01T00:00:00Z"));
    assertThat(c.maintenanceExempt()).extracting(Object::toString).containsExactly("/health");
    assertThat(c.consumes().values()).containsExactly(List.of("application/json"));
    assertThat(c.produces().values()).containsExactly(List.of("text/csv"));
  }

  @Test
  void aBadValueFailsNamingTheKey() {
    assertThatThrownBy(() -> RestatusConfig.builder().inspectLimit(-1).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.inspect-limit")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> RestatusConfig.builder().set("restatus.nope", "1").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.nope");
  }

  @Test
  void nothingSetIsTheDefaults() {
    assertThat(RestatusConfig.builder().build().retryAfter())
        .isEqualTo(RestatusConfig.defaults().retryAfter());
  }
}
