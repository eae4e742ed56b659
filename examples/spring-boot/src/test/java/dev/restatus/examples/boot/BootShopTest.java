package dev.restatus.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Boots the example as its main method does, on a free port, and asks it what the README shows. */
class BootShopTest {

  private static ConfigurableApplicationContext app;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    app =
        SpringApplication.run(
            BootShop.class,
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<String> send(String method, String path) throws Exception {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aDatabaseFailureIsASanitizedProblem() throws Exception {
    HttpResponse<String> r = send("GET", "/orders/13");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(r.body()).doesNotContain("hunter2").doesNotContain("IllegalState");
  }

  @Test
  void theFixesShowAsMicrometerMeters() throws Exception {
    assertThat(send("GET", "/admin/users").statusCode()).isEqualTo(404);
    HttpResponse<String> meter =
        send("GET", "/actuator/metrics/restatus.findings?tag=rule:conceal-forbidden");
    assertThat(meter.statusCode()).isEqualTo(200);
    assertThat(meter.body())
        .contains("\"name\":\"restatus.findings\"")
        .contains("\"tag\":\"action\"")
        .contains("\"fixed\"")
        .doesNotContain("/admin");
    assertThat(meter.body()).containsPattern("\"statistic\":\"COUNT\",\"value\":[1-9]");
  }

  @Test
  void theSettingsOfApplicationPropertiesHold() throws Exception {
    assertThat(send("GET", "/orders/0").statusCode()).isEqualTo(400);
    HttpResponse<String> admin = send("GET", "/admin/users");
    assertThat(admin.statusCode()).isEqualTo(404);
    assertThat(admin.headers().firstValue("Content-Type")).contains("application/problem+json");
    HttpResponse<String> export = send("POST", "/reports/export");
    assertThat(export.statusCode()).isEqualTo(202);
    assertThat(export.headers().firstValue("Location").orElseThrow())
        .startsWith("/restatus/operations/");
  }
}
