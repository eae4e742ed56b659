package dev.restatus.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restatus.core.scenario.RawHttp;
import dev.restatus.core.scenario.ScenarioRunner;
import dev.restatus.core.scenario.Scenarios;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The shared scenario table plus the servlet-only cases, against {@link RestatusFilter} in a real
 * container. Subclasses choose the container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServletContractTest {

  private ServletContainer container;
  private ScenarioRunner app;
  private ScenarioRunner report;

  abstract ServletContainer newContainer() throws Exception;

  @BeforeAll
  void start() throws Exception {
    container = newContainer();
    container.add("/app", Scenarios.SETTINGS);
    Map<String, String> reportSettings = new HashMap<>(Scenarios.SETTINGS);
    reportSettings.put("restatus.mode", "report");
    container.add("/report", reportSettings);
    container.start();
    app = new ScenarioRunner(container.base("/app"));
    report = new ScenarioRunner(container.base("/report"));
  }

  @AfterAll
  void stop() throws Exception {
    container.close();
  }

  @TestFactory
  Stream<DynamicTest> scenarioTable() {
    return app.tests();
  }

  @Test
  void framingOnTheWire() throws Exception {
    RawHttp.checkFraming(app.base());
  }

  @Test
  void concealedForbiddenIsIndistinguishableFromMissing() throws Exception {
    app.checkConcealedLooksMissing();
  }

  private static JsonNode problem(HttpResponse<byte[]> r) throws Exception {
    return ScenarioRunner.problemOf(r);
  }

  @Test
  void sendErrorWithoutMessage() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/send-error/409");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(problem(r).has("detail")).isFalse();
  }

  @Test
  void sendErrorMessageIsTheClientErrorDetail() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/send-error-msg/400");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(problem(r).path("detail").asText()).isEqualTo("message for 400");
  }

  @Test
  void sendErrorMessageNeverBecomesAServerErrorDetail() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/send-error-msg/500");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("message for");
    problem(r);
  }

  @Test
  void sendErrorAfterAnUncommittedBodyDiscardsIt() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/late-error");
    assertThat(r.statusCode()).isEqualTo(502);
    problem(r);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("started a page");
  }

  @Test
  void asyncSuccessPassesThrough() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/async/ok");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("async ok");
  }

  @Test
  void asyncSendErrorFromAnotherThread() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/async/send-error");
    assertThat(r.statusCode()).isEqualTo(503);
    problem(r);
    assertThat(r.headers().firstValue("Retry-After")).contains("120");
  }

  @Test
  void asyncSendErrorThroughTheContextsResponse() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/async/context-response");
    assertThat(r.statusCode()).isEqualTo(503);
    problem(r);
  }

  @Test
  void asyncStatusWithoutBody() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/async/status");
    assertThat(r.statusCode()).isEqualTo(500);
    problem(r);
  }

  @Test
  void asyncHtmlErrorReplaced() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/async/html");
    assertThat(r.statusCode()).isEqualTo(502);
    problem(r);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(Scenarios.SECRET);
  }

  @Test
  void asyncDispatchToAThrowingServlet() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/async/dispatch");
    assertThat(r.statusCode()).isEqualTo(500);
    problem(r);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(Scenarios.SECRET);
  }

  @Test
  void asyncTimeoutBecomesAProblem() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/async/timeout");
    assertThat(r.statusCode()).isEqualTo(500);
    problem(r);
  }

  @Test
  void errorOfAFilterAheadOfRestatusGoesThroughTheErrorPage() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/guarded/deny");
    assertThat(r.statusCode()).isEqualTo(403);
    problem(r);
  }

  @Test
  void exceptionOfAFilterAheadOfRestatusIsMapped() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/guarded/throw");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(problem(r).path("detail").asText()).isEqualTo("guard rejects this");
  }

  @Test
  void crashOfAFilterAheadOfRestatusIsSanitized() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/guarded/crash");
    assertThat(r.statusCode()).isEqualTo(500);
    problem(r);
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .doesNotContain(Scenarios.SECRET)
        .doesNotContain("IllegalStateException");
  }

  @Test
  void committedResponseIsLeftAsItWas() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/committed");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("partial");
  }

  @Test
  void largeSuccessStreamsThrough() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/big");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).hasSize(128 * 8192);
  }

  @Test
  void reportModeLeavesTheWireAloneAndCounts() throws Exception {
    String challenge = "www-authenticate GET /status/401: 401 without WWW-Authenticate";
    String location = "created-location GET /created: 201 without Location";
    long challengeBefore = ScenarioRunner.findingCounts().getOrDefault(challenge, 0L);
    long locationBefore = ScenarioRunner.findingCounts().getOrDefault(location, 0L);
    HttpResponse<byte[]> r = report.send("GET", "/status/401");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .doesNotStartWith("application/problem+json");
    HttpResponse<byte[]> created = report.send("GET", "/created");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(ScenarioRunner.findingCounts())
        .containsEntry(challenge, challengeBefore + 1)
        .containsEntry(location, locationBefore + 1);
  }

  @Test
  void reportModeCountsAStackTraceIn5xxBody() throws Exception {
    HttpResponse<byte[]> r = report.send("GET", "/stack");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("at com.acme.Foo.bar");
    assertThat(ScenarioRunner.findingCounts())
        .containsKey("problem-body GET /stack: 500 without a problem body")
        .containsKey(
            "server-error-leak GET /stack: 500 body shows a stack trace or exception class");
  }

  @Test
  void enforceModeReplacesAStackTraceIn5xxBody() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/stack");
    assertThat(r.statusCode()).isEqualTo(500);
    problem(r);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("com.acme");
  }
}
