package dev.restatus.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restatus.core.scenario.ScenarioRunner;
import dev.restatus.core.scenario.Scenarios;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared scenario table plus the Jersey-only cases, against {@link RestatusFeature} in Jersey
 * on a real Jetty 12. Four mounts: auto-discovered (the table), registered by hand with Jersey's
 * auto-discovery off, opted out, and report mode.
 */
class JerseyContractTest extends JerseyStackContract {

  private Server server;
  private ScenarioRunner app;
  private ScenarioRunner explicit;
  private ScenarioRunner optedOut;
  private ScenarioRunner report;
  private ScenarioRunner offRunner;
  private ScenarioRunner full;

  private static ServletHolder jersey(Map<String, String> settings, boolean registerByHand) {
    ResourceConfig rc = fixtures(settings);
    if (registerByHand) {
      rc.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
      rc.register(RestatusFeature.class);
    }
    ServletHolder holder = new ServletHolder(new ServletContainer(rc));
    holder.setAsyncSupported(true);
    return holder;
  }

  @BeforeAll
  void start() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler ctx = new ServletContextHandler("/ctx");
    ctx.addServlet(jersey(Scenarios.SETTINGS, false), "/api/*");
    ctx.addServlet(jersey(Scenarios.SETTINGS, true), "/explicit/*");
    Map<String, String> off = new HashMap<>(Scenarios.SETTINGS);
    off.put("restatus.auto-register", "false");
    ctx.addServlet(jersey(off, false), "/raw/*");
    Map<String, String> rep = new HashMap<>(Scenarios.SETTINGS);
    rep.put("restatus.mode", "report");
    ctx.addServlet(jersey(rep, false), "/report/*");
    Map<String, String> offMode = new HashMap<>(Scenarios.SETTINGS);
    offMode.put("restatus.mode", "off");
    ctx.addServlet(jersey(offMode, false), "/off/*");
    Map<String, String> fullSettings = new HashMap<>(Scenarios.SETTINGS);
    fullSettings.put("restatus.defer.max-operations", "1");
    ctx.addServlet(jersey(fullSettings, false), "/full/*");
    server.setHandler(ctx);
    server.start();
    String base = "http://127.0.0.1:" + connector.getLocalPort() + "/ctx";
    app = new ScenarioRunner(base + "/api");
    explicit = new ScenarioRunner(base + "/explicit");
    optedOut = new ScenarioRunner(base + "/raw");
    report = new ScenarioRunner(base + "/report");
    offRunner = new ScenarioRunner(base + "/off");
    full = new ScenarioRunner(base + "/full");
  }

  @AfterAll
  void stop() throws Exception {
    server.stop();
  }

  @Override
  protected ScenarioRunner app() {
    return app;
  }

  @Override
  protected ScenarioRunner bare() {
    return optedOut;
  }

  @Override
  protected ScenarioRunner report() {
    return report;
  }

  @Override
  protected ScenarioRunner off() {
    return offRunner;
  }

  @Override
  protected ScenarioRunner full() {
    return full;
  }

  @TestFactory
  Stream<DynamicTest> scenarioTableRegisteredByHand() {
    return explicit.tests();
  }

  @Test
  void reportModeDoesNotCountAnExceptionCarryingItsResponse() throws Exception {
    String key = "exception GET /throw/wae: uncaught exception left to the container";
    report.send("GET", "/throw/wae");
    assertThat(ScenarioRunner.findingCounts()).doesNotContainKey(key);
  }

  @Test
  void reportModeCountsAnExceptionLeftToTheContainer() throws Exception {
    report.checkExceptionLeftToTheContainerIsCounted();
  }

  @Test
  void webApplicationExceptionWithoutEntity() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/throw/wae");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(problem(r).has("detail")).isFalse();
  }

  @Test
  void webApplicationExceptionMessageIsTheClientErrorDetail() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/throw/bad-request");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(problem(r).path("detail").asText()).isEqualTo("name is required");
  }

  @Test
  void webApplicationExceptionWithItsOwnProblemEntity() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/throw/wae-entity");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(problem(r).path("title").asText()).isEqualTo("Own");
  }

  @Test
  void problemEntityIsWrittenAsProblemJson() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/problem-entity", "Accept", "text/csv");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(problem(r).path("detail").asText()).isEqualTo("from entity");
  }

  @Test
  void aProblemEntitysStatusBecomesTheResponses() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/problem-entity-mismatch");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(problem(r).path("detail").asText()).isEqualTo("a conflict, it says");
    assertThat(r.headers().firstValue("Restatus-Error-Id")).isPresent();
  }

  @Test
  void aHeaderJerseyCannotParseInEvaluatePreconditionsStaysA400() throws Exception {
    HttpResponse<byte[]> bad = app.send("GET", "/jersey-preconditions", "If-None-Match", "bad");
    assertThat(bad.statusCode()).isEqualTo(400);
    problem(bad);
    HttpResponse<byte[]> match =
        app.send("GET", "/jersey-preconditions", "If-None-Match", "\"v1\"");
    assertThat(match.statusCode()).isEqualTo(304);
    assertThat(match.body()).isEmpty();
  }

  @Test
  void aReturnedProblemEntityVariesOnAccept() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/problem-entity", "Accept", "application/json");
    assertThat(r.headers().firstValue("Vary")).hasValue("Accept");
  }

  @Test
  void aReturned5xxProblemShowingInternalsIsReplaced() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/problem-entity-leak");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .doesNotContain("com.acme")
        .doesNotContain("IllegalStateException");
    assertThat(problem(r).path("errorId").asText())
        .isEqualTo(r.headers().firstValue("Restatus-Error-Id").orElseThrow());
  }

  @Test
  void problemEntityIsWrittenAsProblemXmlForAClientPreferringXml() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/problem-entity", "Accept", "application/xml");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(ScenarioRunner.text(ScenarioRunner.xmlProblemOf(r), "detail"))
        .isEqualTo("from entity");
  }

  @Test
  void jerseysOwn406ListsWhatTheResourceProduces() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/ok", "Accept", "text/csv");
    assertThat(r.statusCode()).isEqualTo(406);
    assertThat(problem(r).path("available").toString()).isEqualTo("[\"text/plain\"]");
  }

  @Test
  void jerseysOwn406ListsWhatTheResourceProducesInXmlToo() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/ok", "Accept", "application/xml");
    assertThat(r.statusCode()).isEqualTo(406);
    assertThat(ScenarioRunner.text(ScenarioRunner.xmlProblemOf(r), "available"))
        .isEqualTo("text/plain");
  }

  @Test
  void unsupportedMediaType() throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(appBase() + "/json"))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("hello"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.headers().allValues("Accept-Post")).containsExactly("application/json");
    assertThat(problem(r).path("accepted").toString()).isEqualTo("[\"application/json\"]");
  }

  @Test
  void malformedAcceptIsAClientError() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/ok", "Accept", "text/plain;q=abc, /;");
    assertThat(r.statusCode()).isBetween(400, 499);
    problem(r);
  }

  @Test
  void jerseysOwn405ListsEveryServedMethod() throws Exception {
    HttpResponse<byte[]> r = app.send("DELETE", "/ok");
    assertThat(r.statusCode()).isEqualTo(405);
    problem(r);
    assertThat(r.headers().firstValue("Allow").orElseThrow())
        .contains("GET", "HEAD", "OPTIONS")
        .doesNotContain("DELETE");
  }

  @Test
  void resourceAnswering405GetsAllowFromTheResourceModel() throws Exception {
    HttpResponse<byte[]> r = app.send("PUT", "/readonly");
    assertThat(r.statusCode()).isEqualTo(405);
    problem(r);
    String allow = r.headers().firstValue("Allow").orElseThrow();
    assertThat(allow).contains("GET", "HEAD", "OPTIONS").doesNotContain("PUT");
  }

  @Test
  void optedOutApplicationIsUntouched() throws Exception {
    HttpResponse<byte[]> r = optedOut.send("GET", "/status/401");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .doesNotStartWith("application/problem+json");
  }

  @Test
  void reportModeLeavesTheWireAloneAndCounts() throws Exception {
    report.checkReportMode();
  }

  private String appBase() {
    return app.base();
  }

  @Test
  void redirectExceptionIsARedirectNotAProblem() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/edge/redirect");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).isPresent();
    assertThat(r.headers().firstValue("Restatus-Error-Id")).isEmpty();
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .doesNotStartWith("application/problem+json");
  }

  @Test
  void notModifiedExceptionCarriesNoErrorId() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/edge/not-modified");
    assertThat(r.statusCode()).isEqualTo(304);
    assertThat(r.headers().firstValue("Restatus-Error-Id")).isEmpty();
  }

  @Test
  void streamingOutputThatThrowsBecomesASanitizedProblem() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/edge/stream-throws");
    assertThat(r.statusCode()).isEqualTo(500);
    ScenarioRunner.problemOf(r);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(Scenarios.SECRET);
  }

  @Test
  void headOfAStreamingErrorIsAProblemWithoutBody() throws Exception {
    HttpResponse<byte[]> r = app.send("HEAD", "/edge/stream-error");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(r.body()).isEmpty();
  }

  @Test
  void asyncTimeoutIsA503Problem() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/edge/async-timeout");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    ScenarioRunner.problemOf(r);
  }

  @Test
  void asyncResumeWithAnExceptionIsSanitized() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/edge/async-throw");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(Scenarios.SECRET);
    ScenarioRunner.problemOf(r);
  }

  @Test
  void appExceptionMapperTextIsReplaced() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/edge/app-mapped");
    assertThat(r.statusCode()).isEqualTo(501);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(Scenarios.SECRET);
    ScenarioRunner.problemOf(r);
  }
}
