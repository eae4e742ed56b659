package dev.restatus.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restatus.core.RestatusConfig;
import dev.restatus.servlet.RestatusFilter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A Spring Boot application that only adds the starter: the contract without code. */
class RestatusAutoConfigurationTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The application: nothing of Restatus in it. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {
    @Bean
    Endpoints endpoints() {
      return new Endpoints();
    }
  }

  /** The application with a registration of its own. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class OwnRegistration {
    @Bean
    Endpoints endpoints() {
      return new Endpoints();
    }

    @Bean
    FilterRegistrationBean<RestatusFilter> mine() {
      FilterRegistrationBean<RestatusFilter> r =
          new FilterRegistrationBean<>(new RestatusFilter(RestatusConfig.of(Map.of())));
      r.setName("mine");
      return r;
    }
  }

  /** The application with a bare filter bean of its own. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class OwnFilterBean {
    @Bean
    Endpoints endpoints() {
      return new Endpoints();
    }

    @Bean
    RestatusFilter restatus() {
      return new RestatusFilter();
    }
  }

  @RestController
  static class Endpoints {
    @GetMapping("/boom")
    String boom() {
      throw new IllegalStateException("secret-1234 in com.acme.Db");
    }

    @GetMapping("/admin/users")
    String admin() {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }

    @GetMapping("/spring/problem")
    ProblemDetail problem() {
      ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "spring says no");
      p.setType(URI.create("https://example.test/spring"));
      return p;
    }
  }

  private static ConfigurableApplicationContext start(Class<?> app, String... properties) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("server.port", "0");
    props.put("server.address", "127.0.0.1");
    props.put("spring.main.register-shutdown-hook", "false");
    props.put("logging.level.root", "WARN");
    props.put("spring.mvc.problemdetails.enabled", "true");
    for (String p : properties) {
      String[] kv = p.split("=", 2);
      props.put(kv[0], kv[1]);
    }
    return new SpringApplicationBuilder(app)
        .web(WebApplicationType.SERVLET)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .properties(props)
        .run();
  }

  private static HttpResponse<String> get(
      ConfigurableApplicationContext ctx, String path, String... headers) throws Exception {
    int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void oneDependencyGivesTheContract() throws Exception {
    try (ConfigurableApplicationContext ctx = start(App.class, "spring.profiles.active=yaml")) {
      assertThat(ctx.getBeansOfType(FilterRegistrationBean.class)).containsKey("restatusFilter");
      FilterRegistrationBean<?> r = ctx.getBean("restatusFilter", FilterRegistrationBean.class);
      assertThat(r.getOrder()).isEqualTo(Integer.MIN_VALUE);
      assertThat(r.getFilter()).isInstanceOf(RestatusFilter.class);

      assertThat(RestatusAutoConfiguration.restatusProperties(ctx.getEnvironment()))
          .containsEntry("restatus.conceal-forbidden", "/admin/** /vault/**")
          .containsEntry("restatus.defer./slow", "300ms")
          .containsEntry("restatus.defer./slower/**", "400ms");

      ch.qos.logback.classic.Logger restatusLog =
          (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.restatus");
      ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
          new ch.qos.logback.core.read.ListAppender<>();
      logged.start();
      restatusLog.addAppender(logged);
      HttpResponse<String> boom;
      try {
        boom =
            get(
                ctx,
                "/boom",
                "traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
      } finally {
        restatusLog.detachAppender(logged);
      }
      assertThat(boom.statusCode()).isEqualTo(500);
      assertThat(boom.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(boom.body()).doesNotContain("secret-1234").doesNotContain("IllegalState");
      String errorId = boom.headers().firstValue("Restatus-Error-Id").orElseThrow();
      assertThat(boom.body()).contains("\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"");
      // the log line of the failure, routed to SLF4J by Boot, has both ids in its MDC
      assertThat(logged.list)
          .anySatisfy(
              e -> {
                assertThat(e.getMDCPropertyMap()).containsEntry("restatus.errorId", errorId);
                assertThat(e.getMDCPropertyMap())
                    .containsEntry("restatus.traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
                assertThat(e.getFormattedMessage()).contains(errorId);
              });

      // restatus.conceal-forbidden from the profile's YAML list: the 403 is the canonical 404
      HttpResponse<String> admin = get(ctx, "/admin/users");
      HttpResponse<String> missing = get(ctx, "/vault/nothing-here");
      assertThat(admin.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
      assertThat(admin.body().replaceAll("\"errorId\":\"[0-9a-f]+\"", ""))
          .isEqualTo(missing.body().replaceAll("\"errorId\":\"[0-9a-f]+\"", ""));

      // Spring's own problem passes as Spring wrote it
      HttpResponse<String> spring = get(ctx, "/spring/problem");
      assertThat(spring.statusCode()).isEqualTo(409);
      assertThat(spring.body()).contains("https://example.test/spring").contains("spring says no");
      assertThat(spring.headers().firstValue("Restatus-Error-Id")).isEmpty();
    }
  }

  @Test
  void autoRegisterFalseLeavesBootAlone() throws Exception {
    try (ConfigurableApplicationContext ctx = start(App.class, "restatus.auto-register=false")) {
      assertThat(ctx.getBeansOfType(FilterRegistrationBean.class))
          .doesNotContainKey("restatusFilter");
      HttpResponse<String> boom = get(ctx, "/boom");
      assertThat(boom.statusCode()).isEqualTo(500);
      assertThat(boom.headers().firstValue("Restatus-Error-Id")).isEmpty();
    }
  }

  @Test
  void anApplicationsOwnRegistrationWins() {
    try (ConfigurableApplicationContext ctx = start(OwnRegistration.class)) {
      assertThat(ctx.getBeansOfType(FilterRegistrationBean.class))
          .containsKey("mine")
          .doesNotContainKey("restatusFilter");
      FilterRegistrationBean<?> ours =
          ctx.getBeansOfType(FilterRegistrationBean.class).get("restatusFilterOfTheApplication");
      assertThat(ours == null || !ours.isEnabled()).as("nothing registered twice").isTrue();
    }
  }

  @Test
  void aBareFilterBeanOfTheApplicationIsRegisteredWithTheSettings() throws Exception {
    try (ConfigurableApplicationContext ctx =
        start(OwnFilterBean.class, "restatus.conceal-forbidden=/admin/**")) {
      assertThat(ctx.getBeansOfType(FilterRegistrationBean.class))
          .containsOnlyKeys("restatusFilterOfTheApplication");
      FilterRegistrationBean<?> r =
          ctx.getBean("restatusFilterOfTheApplication", FilterRegistrationBean.class);
      assertThat(r.getOrder()).isEqualTo(Integer.MIN_VALUE);
      assertThat(get(ctx, "/admin/users").statusCode()).as("its settings hold").isEqualTo(404);
    }
  }

  @Test
  void aValueFromAHigherSourceWinsOverAListFromALowerOne() {
    try (ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.SERVLET)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties(Map.of("server.port", "0", "server.address", "127.0.0.1"))
            .run("--spring.profiles.active=yaml", "--restatus.conceal-forbidden=/only/**")) {
      assertThat(RestatusAutoConfiguration.restatusProperties(ctx.getEnvironment()))
          .containsEntry("restatus.conceal-forbidden", "/only/**");
    }
  }

  @Test
  void aBadSettingIsBootsShortStartUpReport() {
    RestatusConfigFailureAnalyzer analyzer = new RestatusConfigFailureAnalyzer();
    Throwable failure =
        new IllegalStateException(
            new dev.restatus.core.ConfigException("Bad setting restatus.mode = \"x\""));
    assertThat(analyzer.analyze(failure).getDescription()).contains("restatus.mode");
  }

  @Test
  void aBadSettingStopsStartUpNamingIt() {
    assertThatThrownBy(() -> start(App.class, "restatus.mode=sometimes").close())
        .hasStackTraceContaining("restatus.mode")
        .hasStackTraceContaining("sometimes");
  }
}
