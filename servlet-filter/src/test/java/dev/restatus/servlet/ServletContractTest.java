package dev.restatus.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restatus.core.scenario.Adversarial;
import dev.restatus.core.scenario.RawHttp;
import dev.restatus.core.scenario.ScenarioRunner;
import dev.restatus.core.scenario.Scenarios;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
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
  private ScenarioRunner bare;
  private ScenarioRunner noPage;
  private ScenarioRunner off;
  private ScenarioRunner without;
  private ScenarioRunner pages;

  abstract ServletContainer newContainer() throws Exception;

  @BeforeAll
  void start() throws Exception {
    container = newContainer();
    container.add("/app", Scenarios.SETTINGS);
    Map<String, String> reportSettings = new HashMap<>(Scenarios.SETTINGS);
    reportSettings.put("restatus.mode", "report");
    container.add("/report", reportSettings);
    Map<String, String> bareSettings = new HashMap<>(Scenarios.SETTINGS);
    bareSettings.put("restatus.mode", "off");
    bareSettings.put(ServletContainer.NO_ERROR_PAGE, "true"); // the container alone
    container.add("/bare", bareSettings);
    Map<String, String> noPageSettings = new HashMap<>(Scenarios.SETTINGS);
    noPageSettings.put(ServletContainer.NO_ERROR_PAGE, "true");
    container.add("/nopage", noPageSettings);
    Map<String, String> offSettings = new HashMap<>(Scenarios.SETTINGS);
    offSettings.put("restatus.mode", "off");
    container.add("/off", offSettings);
    Map<String, String> withoutSettings = new HashMap<>(Scenarios.SETTINGS);
    withoutSettings.put(ServletContainer.NO_FILTER, "true");
    container.add("/without", withoutSettings);
    Map<String, String> pageSettings = new HashMap<>(Scenarios.SETTINGS);
    pageSettings.put("restatus.error-pages", "404 500");
    pageSettings.put(ServletContainer.APP_ERROR_PAGES, "true");
    container.add("/pages", pageSettings);
    Map<String, String> fullSettings = new HashMap<>(Scenarios.SETTINGS);
    fullSettings.put("restatus.defer.max-operations", "1");
    container.add("/full", fullSettings);
    container.start();
    app = new ScenarioRunner(container.base("/app"));
    report = new ScenarioRunner(container.base("/report"));
    bare = new ScenarioRunner(container.base("/bare"));
    noPage = new ScenarioRunner(container.base("/nopage"));
    off = new ScenarioRunner(container.base("/off"));
    without = new ScenarioRunner(container.base("/without"));
    pages = new ScenarioRunner(container.base("/pages"));
  }

  /** The application with Restatus and the shared settings. */
  ScenarioRunner app() {
    return app;
  }

  /** The same application without the filter at all. */
  ScenarioRunner without() {
    return without;
  }

  @AfterAll
  void stop() throws Exception {
    container.close();
  }

  @Test
  void aProblemCarriesTheTraceIdOfTheRequest() throws Exception {
    app.checkTraceId();
  }

  @Test
  void theStatusCodeTableIsServedFromTheLiveSettings() throws Exception {
    app.checkContractTable();
  }

  @Test
  void aBatchAnswers207WithAProblemPerFailedItem() throws Exception {
    app.checkMultiStatus();
  }

  @Test
  void aSlowRequestIsAnswered202WithAMonitor() throws Exception {
    app.checkDeferred();
  }

  @Test
  void aDeferredRequestAnsweredInTimeIsAnsweredAsWithoutRestatus() throws Exception {
    HttpResponse<byte[]> wrapped = app.send("GET", "/slow/10");
    HttpResponse<byte[]> plain = without.send("GET", "/slow/10");
    assertThat(wrapped.statusCode()).isEqualTo(plain.statusCode()).isEqualTo(201);
    assertThat(wrapped.headers().firstValue("Content-Type"))
        .isEqualTo(plain.headers().firstValue("Content-Type"));
    assertThat(wrapped.body()).isEqualTo(plain.body());
  }

  @Test
  void aDeferredRequestThatFlushesEarlyStreamsUndeferred() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/slow-x/flush/1000");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("early;late");
  }

  @Test
  void aSessionCreatedAfterThe202DoesNotFailTheOperation() throws Exception {
    HttpResponse<byte[]> accepted = app.send("GET", "/slow-x/session/1000");
    assertThat(accepted.statusCode()).isEqualTo(202);
    String result = awaitResult(accepted);
    HttpResponse<byte[]> r = app.send("GET", result);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("session alice");
  }

  @Test
  void aRelativeRedirectInAResultStillPointsWhereTheEndpointMeantIt() throws Exception {
    HttpResponse<byte[]> accepted = app.send("GET", "/slow-x/redirect/1000");
    assertThat(accepted.statusCode()).isEqualTo(202);
    HttpResponse<byte[]> r = app.send("GET", awaitResult(accepted));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(java.net.URI.create(r.headers().firstValue("Location").orElseThrow()).getPath())
        .isEqualTo(java.net.URI.create(app.base()).getPath() + "/slow-x/redirect/done");
  }

  /** Follows a 202's monitor until the 303, and returns the result's path below the app. */
  private String awaitResult(HttpResponse<byte[]> accepted) throws Exception {
    String root = java.net.URI.create(app.base()).getPath();
    String monitor =
        java.net
            .URI
            .create(accepted.headers().firstValue("Location").orElseThrow())
            .getPath()
            .substring(root.length());
    HttpResponse<byte[]> m = app.send("GET", monitor);
    for (int i = 0; i < 100 && m.statusCode() == 202; i++) {
      Thread.sleep(100);
      m = app.send("GET", monitor);
    }
    assertThat(m.statusCode()).isEqualTo(303);
    assertThat(m.headers().firstValue("Location")).contains(root + monitor + "/result");
    return monitor + "/result";
  }

  @Test
  void aRequestThatFindsTheStoreFullIsAnsweredByTheEndpoint() throws Exception {
    new ScenarioRunner(container.base("/full")).checkDeferralWhenTheStoreIsFull();
  }

  @Test
  void anApplicationAnswers202ThroughTheAcceptedApi() throws Exception {
    app.checkApplicationOperations();
  }

  @Test
  void aGeneratedETagGivesA304() throws Exception {
    app.checkGeneratedETag();
  }

  @TestFactory
  Stream<DynamicTest> scenarioTable() {
    return app.tests();
  }

  /**
   * Servlet only: Jersey on a servlet container answers a Content-Type it cannot parse with the
   * container's 400 page before any JAX-RS filter runs (the filter in front of it gives a problem).
   */
  @Test
  void aMalformedContentTypeOnADeclaredPathIsA400Problem() throws Exception {
    HttpResponse<byte[]> r = app.sendWithBody("POST", "/upload/x", "{}", "Content-Type", "json");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(problem(r).get("detail").asText()).contains("Content-Type");
  }

  /**
   * RFC 9110 section 8.6: a 304 carries no Content-Length unless it is the 200's; completing an
   * unwritten response, a container would add {@code Content-Length: 0}.
   */
  @Test
  void a304HasNoContentLength() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/versioned", "If-None-Match", "\"v1\"");
    assertThat(r.statusCode()).isEqualTo(304);
    assertThat(r.headers().firstValue("Content-Length")).isEmpty();
    assertThat(r.headers().firstValue("ETag")).hasValue("\"v1\"");
  }

  @Test
  void aBrowserGetsTheApplicationsOwnErrorPage() throws Exception {
    HttpResponse<byte[]> r = pages.send("GET", "/page/404", "Accept", Scenarios.BROWSER);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.headers().firstValue("Vary").orElse("")).contains("Accept");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("message for 404");
  }

  @Test
  void anApiClientGetsAProblemWhereABrowserGetsThePage() throws Exception {
    HttpResponse<byte[]> r = pages.send("GET", "/page/404", "Accept", "application/json");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Vary").orElse("")).contains("Accept");
    assertThat(problem(r).path("detail").asText()).isEqualTo("message for 404");
  }

  @Test
  void aBrowserGetsACleanServerErrorPage() throws Exception {
    HttpResponse<byte[]> r = pages.send("GET", "/page/500", "Accept", Scenarios.BROWSER);
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("message for 500");
  }

  @Test
  void aServerErrorPageShowingAnExceptionIsReplaced() throws Exception {
    HttpResponse<byte[]> r = pages.send("GET", "/page/leak", "Accept", Scenarios.BROWSER);
    assertThat(r.statusCode()).isEqualTo(500);
    ScenarioRunner.xmlProblemOf(r);
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .doesNotContain(Scenarios.SECRET)
        .doesNotContain("IllegalStateException");
  }

  @Test
  void aStatusWithoutAKnownPageGetsAProblemEvenForABrowser() throws Exception {
    HttpResponse<byte[]> r = pages.send("GET", "/page/409", "Accept", Scenarios.BROWSER);
    assertThat(r.statusCode()).isEqualTo(409);
    ScenarioRunner.xmlProblemOf(r);
    HttpResponse<byte[]> undeclared = app.send("GET", "/page/404", "Accept", Scenarios.BROWSER);
    assertThat(undeclared.statusCode()).isEqualTo(404);
    ScenarioRunner.xmlProblemOf(undeclared);
  }

  @Test
  void aConcealedPathGivesABrowserTheCanonicalNotFoundNotThePage() throws Exception {
    HttpResponse<byte[]> page = pages.send("GET", "/conceal/missing", "Accept", Scenarios.BROWSER);
    HttpResponse<byte[]> secret = pages.send("GET", "/conceal/secret", "Accept", Scenarios.BROWSER);
    assertThat(page.statusCode()).isEqualTo(404).isEqualTo(secret.statusCode());
    assertThat(problem(page).has("detail")).isFalse();
    assertThat(page.headers().firstValue("Vary")).isEmpty();
    assertThat(withoutId(page.body())).isEqualTo(withoutId(secret.body()));
  }

  @Test
  void maintenanceIsSwitchedAtRunTimeThroughJmx() throws Exception {
    javax.management.MBeanServer jmx =
        java.lang.management.ManagementFactory.getPlatformMBeanServer();
    javax.management.ObjectName name =
        new javax.management.ObjectName("dev.restatus:type=Maintenance,name=\"Restatus@/app\",*");
    java.util.Set<javax.management.ObjectName> found = jmx.queryNames(name, null);
    assertThat(found).as("the /app filter's maintenance switch").hasSize(1);
    javax.management.ObjectName on = found.iterator().next();
    String until = java.time.Instant.now().plusSeconds(60).toString();
    jmx.invoke(
        on,
        "start",
        new Object[] {"/ok", until},
        new String[] {"java.lang.String", "java.lang.String"});
    try {
      HttpResponse<byte[]> r = app.send("GET", "/ok");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(55L, 60L);
      problem(r);
    } finally {
      jmx.invoke(on, "stop", new Object[0], new String[0]);
    }
    assertThat(app.send("GET", "/ok").statusCode()).isEqualTo(200);
  }

  @TestFactory
  Stream<DynamicTest> reportModeTable() {
    return report.sameWireAs(off);
  }

  @TestFactory
  Stream<DynamicTest> offModeTable() {
    return off.sameWireAs(without);
  }

  @Test
  void framingOnTheWire() throws Exception {
    RawHttp.checkFraming(app.base());
  }

  @Test
  void concealedForbiddenIsIndistinguishableFromMissing() throws Exception {
    app.checkConcealedLooksMissing();
  }

  private static String withoutId(byte[] body) {
    return new String(body, StandardCharsets.UTF_8).replaceAll("[0-9a-f]{16}", "<id>");
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
  void failureAfterCommitStaysVisible() throws Exception {
    // the servlet flushes "partial" and then throws: like the bare container, the response is
    // aborted, so the client cannot take the truncated 200 for a complete one
    assertThatThrownBy(() -> app.send("GET", "/committed")).isInstanceOf(IOException.class);
  }

  @Test
  void largeSuccessStreamsThrough() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/big");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).hasSize(128 * 8192);
  }

  @Test
  void reportModeLeavesTheWireAloneAndCounts() throws Exception {
    report.checkReportMode();
  }

  @Test
  void enforceModeReplacesAStackTraceIn5xxBody() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/stack");
    assertThat(r.statusCode()).isEqualTo(500);
    problem(r);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("com.acme");
  }

  // ---- edge cases found in review ----

  /** Raw GET; returns whatever arrived before the server closed or reset the connection. */
  static String raw(String base, String path) throws IOException {
    URI uri = URI.create(base + path);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
      s.setSoTimeout(5_000);
      s.getOutputStream()
          .write(
              ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
          all.write(buf, 0, n);
        }
      } catch (IOException e) {
        all.write(("\n<<" + e + ">>").getBytes(StandardCharsets.US_ASCII));
      }
    }
    return all.toString(StandardCharsets.ISO_8859_1);
  }

  static String header(String raw, String name) {
    for (String line : raw.substring(0, Math.max(0, raw.indexOf("\r\n\r\n"))).split("\r\n")) {
      int c = line.indexOf(':');
      if (c > 0 && line.substring(0, c).trim().equalsIgnoreCase(name)) {
        return line.substring(c + 1).trim();
      }
    }
    return null;
  }

  static String body(String raw) {
    int i = raw.indexOf("\r\n\r\n");
    return i < 0 ? "" : raw.substring(i + 4);
  }

  // ---- 1. exception after commit: the truncated body must not be framed as complete ----------

  /**
   * Keep-alive GET (so the container must frame the body with chunks): reads until the last chunk
   * arrives, the server closes the connection, or 3 s pass.
   */
  static String rawKeepAlive(String base, String path) throws IOException {
    URI uri = URI.create(base + path);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
      s.setSoTimeout(3_000);
      s.getOutputStream()
          .write(
              ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: x\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
          all.write(buf, 0, n);
          if (all.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
            break; // the response was framed as complete
          }
        }
      } catch (IOException e) {
        all.write(("\n<<" + e + ">>").getBytes(StandardCharsets.US_ASCII));
      }
    }
    return all.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aFailureAfterAFlushNeverEndsTheChunkedBody() throws Exception {
    String r = rawKeepAlive(app.base(), "/edge/throw-after-flush");
    assertThat(r).startsWith("HTTP/1.1 200").contains("partial");
    assertThat(r)
        .as("no last chunk: the client sees the body cut short")
        .doesNotEndWith("\r\n0\r\n\r\n");
  }

  @Test
  void resetBufferAfterReplacedErrorBodyKeepsTheProblem() throws Exception {
    String r = raw(app.base(), "/edge/reset-buffer");
    assertThat(r).startsWith("HTTP/1.1 404");
    String len = header(r, "Content-Length");
    if (len != null) {
      assertThat(body(r).getBytes(StandardCharsets.ISO_8859_1)).hasSize(Integer.parseInt(len));
    }
    assertThat(body(r)).contains("\"status\":404");
  }

  // ---- 3. reset() clears the writer/stream choice ---------------------------------------------

  @Test
  void resetAllowsSwitchingFromStreamToWriter() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/edge/reset-switch");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("fallback");
  }

  // ---- 4. async completed through a context Restatus did not hand out ------------------------

  @Test
  void asyncTimeoutAnsweredByAnAsyncListenerGetsAProblem() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/edge/async-listener-timeout");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    ScenarioRunner.problemOf(r);
  }

  @Test
  void asyncStartedWithAWrappedResponseGetsAProblem() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/edge/async-wrapped");
    assertThat(r.statusCode()).isEqualTo(500);
    ScenarioRunner.problemOf(r);
  }

  // ---- 5. a compression filter downstream -----------------------------------------------------

  @Test
  void problemReplacingACompressedBodyIsNotLabelledGzip() throws Exception {
    HttpResponse<byte[]> ok = app.send("GET", "/edge/gz/ok");
    assertThat(ok.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(
            new String(
                new GZIPInputStream(new ByteArrayInputStream(ok.body())).readAllBytes(),
                StandardCharsets.UTF_8))
        .isEqualTo("zipped ok");

    HttpResponse<byte[]> r = app.send("GET", "/edge/gz/500");
    assertThat(r.statusCode()).isEqualTo(500);
    byte[] body = r.body();
    if (r.headers().firstValue("Content-Encoding").orElse("").contains("gzip")) {
      body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes(); // throws if not
    }
    assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"status\":500");
  }

  // ---- 6. non-blocking write of the app's own problem ----------------------------------------

  @Test
  void appProblemWrittenWithAWriteListenerIsKeptLikeABlockingOne() throws Exception {
    HttpResponse<byte[]> blocking = app.send("GET", "/edge/blocking-problem");
    assertThat(ScenarioRunner.problemOf(blocking).path("detail").asText()).isEqualTo("kept");
    HttpResponse<byte[]> r = app.send("GET", "/edge/nb-problem");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(ScenarioRunner.problemOf(r).path("detail").asText()).isEqualTo("kept");
  }

  // ---- 7. forwards --------------------------------------------------------------------------

  @Test
  void forwardToAnErrorGetsAProblem() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/edge/forward-error");
    assertThat(r.statusCode()).isEqualTo(404);
    ScenarioRunner.problemOf(r);
  }

  @Test
  void forwardAfterAnUncommittedWriteGetsAProblem() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/edge/forward-after-write");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("legacy error page");
    ScenarioRunner.problemOf(r);
  }

  // ---- 8. resetBuffer on an error body the app started ---------------------------------------

  @Test
  void resetBufferOnAnErrorBodyDoesNotThrowIntoTheApp() throws Exception {
    EdgeApp.lastResetError = null;
    HttpResponse<byte[]> r = app.send("GET", "/edge/reset-buffer-error");
    assertThat(r.statusCode()).isEqualTo(500);
    ScenarioRunner.problemOf(r);
    Thread.sleep(500); // the container completed the response before the servlet went on
    assertThat(EdgeApp.lastResetError)
        .as("without Restatus nothing is committed yet: resetBuffer() succeeds")
        .isNull();
  }

  // ---- 9. the Allow probe runs application code ----------------------------------------------

  @Test
  void aRefusedMethodDoesNotRunTheServletsActionAgain() throws Exception {
    int before = EdgeApp.Front.ACTIONS.get();
    HttpResponse<byte[]> r = app.send("DELETE", "/front/x");
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(EdgeApp.Front.ACTIONS.get())
        .as("a DELETE that was refused must not perform the servlet's action")
        .isEqualTo(before);
    assertThat(r.headers().firstValue("Allow"))
        .as("its own service(): the methods cannot be known, and an empty Allow would be false")
        .isEmpty();
  }

  // ---- 10. the adversarial corpus ---------------------------------------------------------------

  @Test
  void concealedResourceCannotBeToldFromAMissingOne() throws Exception {
    Adversarial.checkConcealment(app.base());
  }

  @Test
  void aRefusalAheadOfRestatusCannotBeToldFromAMissingResource() throws Exception {
    // reaches Restatus through the ERROR dispatch, whose request_uri is raw
    Adversarial.checkConcealment(app.base(), LegacyApp.Guard.BOUNCED, Adversarial.MISSING);
  }

  @Test
  void aContainerChallengeGetsAProblemAndKeepsItsScheme() throws Exception {
    assumeTrue(container.hasSecurityConstraints(), "no container security constraints here");
    RawHttp.Response r = RawHttp.exchange(app.base(), "GET", "/secure/x", List.of(), null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).startsWith("Basic realm=\"restatus\"");
    if (container.challengeReachesErrorPage()) {
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"status\":401");
    } else {
      // documented: written before any filter or error page runs, it stays the container's
      assertThat(r.header("Content-Type")).doesNotStartWith("application/problem+json");
    }
  }

  @Test
  void aContainerRefusalOnAConcealedPathIsTheCanonicalNotFound() throws Exception {
    assumeTrue(container.hasSecurityConstraints(), "no container security constraints here");
    List<String> user = List.of("Authorization: Basic dXNlcjpwdw=="); // user:pw, not admin
    for (String method : List.of("GET", "HEAD", "POST", "DELETE")) {
      for (String spelling : List.of("/vault/locked", "/vault;x/locked", "/%76ault/locked")) {
        RawHttp.Response locked = RawHttp.exchange(app.base(), method, spelling, user, null);
        RawHttp.Response absent =
            RawHttp.exchange(app.base(), method, spelling.replace("locked", "absent"), user, null);
        assertThat(locked.status()).as(method + " " + spelling).isEqualTo(404);
        assertThat(masked(locked)).as(method + " " + spelling).isEqualTo(masked(absent));
      }
    }
  }

  private static String masked(RawHttp.Response r) {
    Map<String, String> h = new java.util.TreeMap<>(r.headers());
    h.remove("date");
    h.remove("restatus-error-id");
    return r.statusLine()
        + h
        + new String(r.body(), StandardCharsets.ISO_8859_1).replaceAll("[0-9a-f]{16}", "<id>");
  }

  @Test
  void neverWorseThanTheBareContainer() throws Exception {
    Adversarial.checkNeverWorse(bare.base(), app.base(), HostileCorpus.servlet());
  }

  @Test
  void aStatusSetAfterTheFirstWriteIsDecidedAgain() throws Exception {
    HttpResponse<byte[]> leak = app.send("GET", "/late-status/500");
    assertThat(leak.statusCode()).isEqualTo(500);
    assertThat(new String(leak.body(), StandardCharsets.UTF_8))
        .doesNotContain("hunter2")
        .doesNotContain("Exception");
    problem(leak);
    HttpResponse<byte[]> page = app.send("GET", "/late-status/404");
    assertThat(page.statusCode()).isEqualTo(404);
    problem(page);
    HttpResponse<byte[]> concealed = app.send("GET", "/vault/late");
    assertThat(concealed.statusCode()).isEqualTo(404);
    assertThat(new String(concealed.body(), StandardCharsets.UTF_8)).doesNotContain("vault");
    problem(concealed);
  }

  @Test
  void aStatusSetAfterTheFirstWriteIsReportedInReportMode() throws Exception {
    report.checkFindingCounted(
        "server-error-leak GET /late-status/500: 500 set after its body had started",
        () -> report.send("GET", "/late-status/500"));
  }

  @Test
  void aKeptServerErrorBodyIsLookedAtBeforeItIsSent() throws Exception {
    HttpResponse<byte[]> leaky = app.send("GET", "/leaky/500");
    assertThat(leaky.statusCode()).isEqualTo(500);
    assertThat(new String(leaky.body(), StandardCharsets.UTF_8)).doesNotContain("hunter2");
    problem(leaky);
    for (String longer : List.of("/leaky/long", "/leaky/flush", "/leaky/json")) {
      HttpResponse<byte[]> r = app.send("GET", longer);
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(longer).doesNotContain("hunter2");
      problem(r);
    }
    HttpResponse<byte[]> kept = app.send("GET", "/kept/500");
    assertThat(kept.statusCode()).isEqualTo(500);
    assertThat(new String(kept.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"legacy shape\"}");
  }

  @Test
  void aBogusCharsetIsAFailureNotAnEmptySuccess() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/input/charset");
    assertThat(r.statusCode()).isEqualTo(500);
    problem(r);
  }

  @Test
  void theProblemMediaTypeIsTheRenderersAlone() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/charset-error");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().allValues("Content-Type")).containsExactly("application/problem+json");
    assertThat(r.headers().firstValue("Content-Language")).isEmpty();
    problem(r);
  }

  @Test
  void aRangeErrorKeepsItsContentRangeAndTitle() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/range");
    assertThat(r.statusCode()).isEqualTo(416);
    assertThat(r.headers().firstValue("Content-Range")).contains("bytes */100");
    assertThat(problem(r).path("title").asText()).isEqualTo("Range Not Satisfiable");
  }

  @Test
  void anIncludedServletsSendErrorIsIgnored() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/include-error");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("before;after");
  }

  @Test
  void asyncFailuresGetProblemsWithoutAnErrorPage() throws Exception {
    HttpResponse<byte[]> task = noPage.send("GET", "/async-task/throw");
    assertThat(task.statusCode()).isEqualTo(500);
    assertThat(new String(task.body(), StandardCharsets.UTF_8)).doesNotContain(Scenarios.SECRET);
    problem(task);
    HttpResponse<byte[]> timeout = noPage.send("GET", "/async/timeout");
    assertThat(timeout.statusCode()).isEqualTo(500);
    problem(timeout);
  }

  @Test
  void reportModeCountsAnExceptionLeftToTheContainer() throws Exception {
    report.checkExceptionLeftToTheContainerIsCounted();
  }

  @Test
  void reportModeLeavesAnAsyncTimeoutToTheContainer() throws Exception {
    HttpResponse<byte[]> r = report.send("GET", "/async/timeout");
    // whatever the container makes of it (its error page, here a location nothing serves in
    // report mode), never a success
    assertThat(r.statusCode())
        .as("a failure never looks like a success")
        .isGreaterThanOrEqualTo(400);
  }

  @Test
  void reportModeLeavesAnOptionsAnswerAsTheContainerMakesIt() throws Exception {
    assertThat(report.send("OPTIONS", "/ok").headers().allValues("Allow"))
        .isEqualTo(bare.send("OPTIONS", "/ok").headers().allValues("Allow"));
  }

  @Test
  void anOptionsAnswerListsOnlyImplementedMethods() throws Exception {
    HttpResponse<byte[]> r = app.send("OPTIONS", "/ok");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Allow"))
        .hasValueSatisfying(a -> assertThat(a).doesNotContain("TRACE").contains("GET"));
  }

  @Test
  void allowIsFoundWithoutAskingTheApplication() throws Exception {
    int before = HostileApp.Picky.OPTIONS_CALLS.get();
    HttpResponse<byte[]> first = app.send("DELETE", "/picky", "Origin", "https://evil.test");
    HttpResponse<byte[]> second = app.send("DELETE", "/picky");
    for (HttpResponse<byte[]> r : List.of(first, second)) {
      assertThat(r.statusCode()).isEqualTo(405);
      assertThat(r.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
    }
    assertThat(HostileApp.Picky.OPTIONS_CALLS.get()).isEqualTo(before);
  }

  @Test
  void aLowerCaseHeadIsNotHead() throws Exception {
    RawHttp.Response r = RawHttp.exchange(app.base(), "head", "/ok", List.of(), null);
    assertThat(r.status()).isEqualTo(501);
    assertThat(r.complete()).as("the body matches its Content-Length").isTrue();
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"status\":501");
  }

  @Test
  void aNotModifiedCarriesNoContentLength() throws Exception {
    RawHttp.Response r = RawHttp.exchange(app.base(), "GET", "/status/304", List.of(), null);
    assertThat(r.status()).isEqualTo(304);
    assertThat(r.header("Content-Length")).isNull();
    assertThat(r.header("Content-Type")).isNull();
    assertThat(r.body()).isEmpty();
  }
}
