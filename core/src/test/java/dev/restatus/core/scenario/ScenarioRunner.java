package dev.restatus.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.DynamicTest;

/** Sends the scenario table to a running application and checks every answer. */
public final class ScenarioRunner {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> VARYING = Set.of("date", "restatus-error-id", "content-length");

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  /**
   * @param base the application root, e.g. {@code http://localhost:8080/app} (no slash)
   */
  public ScenarioRunner(String base) {
    this.base = base;
  }

  /**
   * @return the application root this runner talks to
   */
  public String base() {
    return base;
  }

  /**
   * @return one dynamic test per row of {@link Scenarios#all()}
   */
  public Stream<DynamicTest> tests() {
    return Scenarios.all().stream()
        .map(s -> DynamicTest.dynamicTest(s.displayName(), () -> check(s)));
  }

  /**
   * Sends a request.
   *
   * @param method the method
   * @param path the path below the root
   * @param headers name, value pairs
   * @return the response
   */
  public HttpResponse<byte[]> send(String method, String path, String... headers)
      throws IOException, InterruptedException {
    return sendWithBody(method, path, null, headers);
  }

  /**
   * Sends a request with a body.
   *
   * @param method the method
   * @param path the path below the root
   * @param body the body, or {@code null} for none
   * @param headers name, value pairs
   * @return the response
   */
  public HttpResponse<byte[]> sendWithBody(
      String method, String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * A table of the wire left alone: one dynamic test per row of {@link Scenarios#all()}, each
   * checking that this runner's application answers exactly as {@code reference} does: the same
   * status, the same {@code Content-Type} and the same body (timestamps and ids masked, since some
   * containers' pages carry them). For {@code report} mode against {@code off}, and {@code off}
   * against the application without Restatus: watching, or switched off, Restatus never changes the
   * wire.
   *
   * @param reference the same application configured otherwise
   * @return the tests
   */
  public Stream<DynamicTest> sameWireAs(ScenarioRunner reference) {
    return Scenarios.all().stream()
        .map(
            s ->
                DynamicTest.dynamicTest(
                    s.displayName(),
                    () -> {
                      HttpResponse<byte[]> mine = sendRow(s);
                      HttpResponse<byte[]> theirs = reference.sendRow(s);
                      String what = s.displayName() + " vs " + reference.base();
                      assertThat(mine.statusCode()).as(what).isEqualTo(theirs.statusCode());
                      assertThat(mine.headers().firstValue("Content-Type"))
                          .as(what)
                          .isEqualTo(theirs.headers().firstValue("Content-Type"));
                      assertThat(masked(mine.body(), base))
                          .as(what)
                          .isEqualTo(masked(theirs.body(), reference.base));
                    }));
  }

  /** The body with what differs between two mounts of one application masked: root, times, ids. */
  private static String masked(byte[] body, String base) {
    String root = URI.create(base).getPath();
    return new String(body, StandardCharsets.UTF_8)
        .replace(base, "<base>")
        .replace(root + "/", "<root>/")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(Z|[+-]\\d\\d:?\\d\\d)?", "<time>")
        // java.util.Date's own format, as Spring Boot's Whitelabel page prints its time
        .replaceAll(
            "[A-Z][a-z]{2} [A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d [A-Z]{2,5} \\d{4}", "<time>")
        .replaceAll("\\b[0-9a-f]{16}\\b", "<id>");
  }

  private HttpResponse<byte[]> sendRow(Scenario s) throws IOException, InterruptedException {
    String[] headers =
        s.requestHeaders.entrySet().stream()
            .flatMap(e -> Stream.of(e.getKey(), e.getValue()))
            .toArray(String[]::new);
    return sendWithBody(s.method, s.path, s.requestBody, headers);
  }

  /** Checks one row. */
  public void check(Scenario s) throws Exception {
    HttpResponse<byte[]> r = sendRow(s);
    String body = new String(r.body(), StandardCharsets.UTF_8);
    String what = s.displayName() + " -> " + r.statusCode() + " " + r.headers().map() + " " + body;
    assertThat(r.statusCode()).as(what).isEqualTo(s.status);
    switch (s.body) {
      case EMPTY -> assertThat(r.body()).as(what).isEmpty();
      case PROBLEM -> checkProblem(s, r, body, what);
      case XML_PROBLEM -> checkXmlProblem(s, r, what);
      case ANY -> {}
    }
    s.headerEquals.forEach(
        (n, v) ->
            assertThat(r.headers().allValues(n)).as(what + " header " + n).containsExactly(v));
    s.headerContains.forEach(
        (n, v) -> assertThat(r.headers().firstValue(n)).as(what).get().asString().contains(v));
    s.headerLacks.forEach(
        (n, v) -> assertThat(r.headers().firstValue(n).orElse("")).as(what).doesNotContain(v));
    s.headersAbsent.forEach(
        n -> assertThat(r.headers().firstValue(n)).as(what + " " + n).isEmpty());
    s.headersPresent.forEach(
        n -> assertThat(r.headers().firstValue(n)).as(what + " " + n).isPresent());
    s.bodyContains.forEach(p -> assertThat(body).as(what).contains(p));
    s.bodyLacks.forEach(p -> assertThat(body).as(what).doesNotContain(p));
  }

  private static void checkProblem(Scenario s, HttpResponse<byte[]> r, String body, String what)
      throws IOException {
    assertThat(r.headers().firstValue("Content-Type"))
        .as(what)
        .get()
        .asString()
        .startsWith("application/problem+json");
    JsonNode p = JSON.readTree(body);
    assertThat(p.path("status").asInt()).as(what).isEqualTo(r.statusCode());
    assertThat(p.path("type").asText()).as(what).isNotEmpty();
    assertThat(p.path("title").asText()).as(what).isNotEmpty();
    if (p.has("errorId")) {
      assertThat(r.headers().firstValue("Restatus-Error-Id"))
          .as(what + " error id header equals the body's")
          .contains(p.get("errorId").asText());
    }
    if (s.detail != null) {
      assertThat(p.path("detail").asText()).as(what).isEqualTo(s.detail);
    }
    if (s.detailAbsent) {
      assertThat(p.has("detail")).as(what + " has no detail").isFalse();
    }
    if (s.problemType != null) {
      assertThat(p.path("type").asText()).as(what).isEqualTo(s.problemType);
    }
  }

  private static void checkXmlProblem(Scenario s, HttpResponse<byte[]> r, String what)
      throws Exception {
    org.w3c.dom.Element p = xmlProblemOf(r);
    assertThat(text(p, "type")).as(what).isNotEmpty();
    assertThat(text(p, "title")).as(what).isNotEmpty();
    String id = text(p, "errorId");
    if (id != null) {
      assertThat(r.headers().firstValue("Restatus-Error-Id")).as(what).contains(id);
    }
    if (s.detail != null) {
      assertThat(text(p, "detail")).as(what).isEqualTo(s.detail);
    }
    if (s.detailAbsent) {
      assertThat(text(p, "detail")).as(what + " has no detail").isNull();
    }
  }

  /**
   * Asserts that a response carries an {@code application/problem+xml} body (RFC 9457 Appendix B: a
   * {@code problem} element in {@code urn:ietf:rfc:7807}) whose {@code status} is the response
   * status.
   *
   * @param r the response
   * @return the {@code problem} element
   */
  public static org.w3c.dom.Element xmlProblemOf(HttpResponse<byte[]> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type"))
        .as("Content-Type of " + r)
        .get()
        .asString()
        .startsWith("application/problem+xml");
    javax.xml.parsers.DocumentBuilderFactory f =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    org.w3c.dom.Element p =
        f.newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(r.body()))
            .getDocumentElement();
    assertThat(p.getLocalName()).isEqualTo("problem");
    assertThat(p.getNamespaceURI()).isEqualTo("urn:ietf:rfc:7807");
    assertThat(text(p, "status")).isEqualTo(Integer.toString(r.statusCode()));
    return p;
  }

  /**
   * @param problem a {@code problem} element
   * @param member a member name
   * @return the text of the member's element, or {@code null} if there is none
   */
  public static String text(org.w3c.dom.Element problem, String member) {
    org.w3c.dom.NodeList l = problem.getElementsByTagNameNS("urn:ietf:rfc:7807", member);
    return l.getLength() == 0 ? null : l.item(0).getTextContent();
  }

  /**
   * Asserts that a response carries a problem body whose {@code status} is the response status.
   *
   * @param r the response
   * @return the parsed problem
   */
  public static JsonNode problemOf(HttpResponse<byte[]> r) throws IOException {
    assertThat(r.headers().firstValue("Content-Type"))
        .as("Content-Type of " + r)
        .get()
        .asString()
        .startsWith("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.path("status").asInt()).isEqualTo(r.statusCode());
    return p;
  }

  /**
   * {@code restatus.etag}: a short 200 gets a strong, stable ETag that changes with the body; a
   * matching {@code If-None-Match} (strong or weak) gets a 304 without body, a stale one the body,
   * a failed {@code If-Match} a 412.
   */
  public void checkGeneratedETag() throws Exception {
    HttpResponse<byte[]> first = send("GET", "/generated/100");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(new String(first.body(), StandardCharsets.US_ASCII))
        .isEqualTo(Scenarios.generated(100));
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(send("GET", "/generated/100").headers().firstValue("ETag")).hasValue(etag);
    assertThat(send("GET", "/generated/101").headers().firstValue("ETag"))
        .isPresent()
        .isNotEqualTo(java.util.Optional.of(etag));
    for (String match : List.of(etag, "W/" + etag, "\"x\", " + etag)) {
      HttpResponse<byte[]> r = send("GET", "/generated/100", "If-None-Match", match);
      assertThat(r.statusCode()).as(match).isEqualTo(304);
      assertThat(r.body()).as(match).isEmpty();
      assertThat(r.headers().firstValue("ETag")).as(match).hasValue(etag);
      assertThat(r.headers().firstValue("Content-Type")).as(match).isEmpty();
    }
    HttpResponse<byte[]> stale = send("GET", "/generated/100", "If-None-Match", "\"x\"");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(first.body());
    HttpResponse<byte[]> failed = send("GET", "/generated/100", "If-Match", "\"x\"");
    assertThat(failed.statusCode()).isEqualTo(412);
    problemOf(failed);
    HttpResponse<byte[]> edge = send("GET", "/generated/" + Scenarios.ETAG_BUFFER);
    assertThat(edge.headers().firstValue("ETag")).isPresent();
    assertThat(edge.body()).hasSize(Scenarios.ETAG_BUFFER);
  }

  private static final java.util.regex.Pattern MONITOR =
      java.util.regex.Pattern.compile(".*/restatus/operations/[A-Za-z0-9_-]{24}");

  /**
   * Deferred requests and operations ({@code restatus.defer}, the Accepted API): a request answered
   * in time is answered normally; a slow one gets 202 with {@code Location} and {@code
   * Retry-After}; its monitor answers 202 while it runs, 303 to the result when done, the result
   * itself (a failure as a sanitized problem), 405 for other methods, and the canonical not-found
   * for an unknown id or other credentials.
   */
  public void checkDeferred() throws Exception {
    HttpResponse<byte[]> quick = send("GET", "/slow/10");
    assertThat(quick.statusCode()).as("answered in time").isEqualTo(201);
    assertThat(new String(quick.body(), StandardCharsets.UTF_8)).isEqualTo("{\"done\":true}");
    assertThat(quick.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/things/1"));

    long t0 = System.nanoTime();
    HttpResponse<byte[]> accepted = send("POST", "/slow/2500", "Authorization", "Bearer alice");
    long tookMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(accepted.statusCode()).as("deferred").isEqualTo(202);
    assertThat(tookMs).as("answered before the endpoint finished").isLessThan(2400);
    String monitor = accepted.headers().firstValue("Location").orElseThrow();
    assertThat(monitor).matches(MONITOR);
    assertThat(accepted.headers().firstValue("Retry-After")).contains("1");
    assertThat(accepted.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    JsonNode doc = JSON.readTree(accepted.body());
    assertThat(doc.get("status").asText()).isEqualTo("running");
    // Jersey makes a relative Location absolute
    assertThat(monitor).endsWith(doc.get("monitor").asText());
    String path = below(monitor);

    HttpResponse<byte[]> running = send("GET", path, "Authorization", "Bearer alice");
    assertThat(running.statusCode()).isEqualTo(202);
    assertThat(running.headers().firstValue("Retry-After")).contains("1");
    HttpResponse<byte[]> stranger = send("GET", path, "Authorization", "Bearer mallory");
    HttpResponse<byte[]> anonymous = send("GET", path);
    HttpResponse<byte[]> missing = send("GET", "/restatus/operations/AAAAAAAAAAAAAAAAAAAAAAAA");
    HttpResponse<byte[]> concealed = send("GET", "/conceal/missing");
    for (HttpResponse<byte[]> r : List.of(stranger, anonymous, missing)) {
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(comparableHeaders(r)).isEqualTo(comparableHeaders(concealed));
      assertThat(withoutId(r.body())).isEqualTo(withoutId(concealed.body()));
    }
    HttpResponse<byte[]> delete = send("DELETE", path, "Authorization", "Bearer alice");
    assertThat(delete.statusCode()).isEqualTo(405);
    assertThat(delete.headers().firstValue("Allow")).contains("GET, HEAD");
    problemOf(delete);

    HttpResponse<byte[]> done = awaitDone(path, "Authorization", "Bearer alice");
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(JSON.readTree(done.body()).get("status").asText()).isEqualTo("succeeded");
    String result = done.headers().firstValue("Location").orElseThrow();
    assertThat(result).endsWith(URI.create(monitor).getPath() + "/result");
    HttpResponse<byte[]> r = send("GET", path + "/result", "Authorization", "Bearer alice");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"done\":true}");
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/things/1"));
    assertThat(send("GET", path + "/result", "Authorization", "Bearer bob").statusCode())
        .isEqualTo(404);

    HttpResponse<byte[]> failing = send("GET", "/slow-fail/1500");
    assertThat(failing.statusCode()).isEqualTo(202);
    String failPath = below(failing.headers().firstValue("Location").orElseThrow());
    assertThat(awaitDone(failPath).statusCode()).isEqualTo(303);
    HttpResponse<byte[]> failed = send("GET", failPath + "/result");
    assertThat(failed.statusCode()).isEqualTo(500);
    JsonNode p = problemOf(failed);
    assertThat(new String(failed.body(), StandardCharsets.UTF_8))
        .doesNotContain("secret-1234")
        .doesNotContain("RuntimeException");
    assertThat(p.get("errorId").asText())
        .isEqualTo(failed.headers().firstValue("Restatus-Error-Id").orElseThrow());
  }

  /**
   * Operations an application starts itself (the adapter's {@code Accepted} API): 202 with a
   * monitor, the result it completes with, and a failure as a sanitized problem.
   */
  public void checkApplicationOperations() throws Exception {
    HttpResponse<byte[]> accepted = send("POST", "/work/300", "Authorization", "Bearer alice");
    assertThat(accepted.statusCode()).isEqualTo(202);
    String monitor = accepted.headers().firstValue("Location").orElseThrow();
    assertThat(monitor).matches(MONITOR);
    String path = below(monitor);
    assertThat(send("GET", path).statusCode()).as("other credentials").isEqualTo(404);
    assertThat(awaitDone(path, "Authorization", "Bearer alice").statusCode()).isEqualTo(303);
    HttpResponse<byte[]> r = send("GET", path + "/result", "Authorization", "Bearer alice");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"done\":true}");

    HttpResponse<byte[]> failing = send("POST", "/work-fail");
    assertThat(failing.statusCode()).isEqualTo(202);
    String failPath = below(failing.headers().firstValue("Location").orElseThrow());
    assertThat(awaitDone(failPath).statusCode()).isEqualTo(303);
    HttpResponse<byte[]> failed = send("GET", failPath + "/result");
    assertThat(failed.statusCode()).isEqualTo(500);
    problemOf(failed);
    assertThat(new String(failed.body(), StandardCharsets.UTF_8)).doesNotContain("secret-1234");
  }

  /**
   * For an application started with {@code restatus.defer.max-operations=1}: three slow requests at
   * once are all answered, none with a 5xx; one is deferred, and at least one that found no room is
   * answered as without Restatus, by the endpoint itself.
   */
  public void checkDeferralWhenTheStoreIsFull() throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      List<java.util.concurrent.Future<HttpResponse<byte[]>>> sent = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        sent.add(pool.submit(() -> send("POST", "/slow/1500")));
      }
      List<Integer> statuses = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<HttpResponse<byte[]>> f : sent) {
        HttpResponse<byte[]> r = f.get();
        statuses.add(r.statusCode());
        if (r.statusCode() == 201) {
          assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"done\":true}");
        }
      }
      assertThat(statuses).allMatch(s -> s == 201 || s == 202).contains(201, 202);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * A 207 from {@link Scenarios#multiStatus()}: one result per item in order, a body for the
   * success, a generated problem with an error id for the 409, the 500 item's problem sanitized.
   */
  public void checkMultiStatus() throws Exception {
    HttpResponse<byte[]> r = send("GET", "/multi-status");
    assertThat(r.statusCode()).isEqualTo(207);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    String text = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(text)
        .doesNotContain("secret-1234")
        .doesNotContain("com.acme")
        .doesNotContain("Exception");
    JsonNode results = JSON.readTree(r.body()).get("results");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("id").asText()).isEqualTo("1");
    assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
    assertThat(results.get(0).get("body").get("id").asInt()).isEqualTo(1);
    assertThat(results.get(0).has("problem")).isFalse();
    JsonNode conflict = results.get(1).get("problem");
    assertThat(conflict.get("status").asInt()).isEqualTo(409);
    assertThat(conflict.get("title").asText()).isEqualTo("Conflict");
    assertThat(conflict.get("errorId").asText()).isNotBlank();
    JsonNode failed = results.get(2).get("problem");
    assertThat(failed.get("status").asInt()).isEqualTo(500);
    assertThat(failed.get("errorId").asText()).isNotBlank();
  }

  /**
   * A request with a W3C {@code traceparent}: its 5xx and 4xx problems carry the trace id; a
   * malformed header is ignored.
   */
  public void checkTraceId() throws Exception {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    String header = "00-" + trace + "-00f067aa0ba902b7-01";
    HttpResponse<byte[]> failed = send("GET", "/throw/runtime", "traceparent", header);
    assertThat(failed.statusCode()).isEqualTo(500);
    JsonNode p = problemOf(failed);
    assertThat(p.get("traceId").asText()).isEqualTo(trace);
    assertThat(p.get("errorId").asText()).isNotBlank();
    HttpResponse<byte[]> missing = send("GET", "/status/404", "traceparent", header);
    assertThat(problemOf(missing).get("traceId").asText()).isEqualTo(trace);
    HttpResponse<byte[]> garbage =
        send("GET", "/throw/runtime", "traceparent", header.toUpperCase());
    assertThat(problemOf(garbage).has("traceId")).isFalse();
  }

  /**
   * {@code restatus.contract-path}: the status-code table of these settings, Markdown by default,
   * JSON or HTML by {@code Accept}; read-only.
   */
  public void checkContractTable() throws Exception {
    HttpResponse<byte[]> md = send("GET", "/restatus/contract");
    assertThat(md.statusCode()).isEqualTo(200);
    assertThat(md.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
    assertThat(new String(md.body(), StandardCharsets.UTF_8))
        .startsWith("| status | meaning | when | headers | body |")
        .contains("| 410 | Gone | any method on `/retired/**`, `/old/gone/**` |")
        .contains("| 202 | Accepted |");
    HttpResponse<byte[]> json = send("GET", "/restatus/contract", "Accept", "application/json");
    assertThat(json.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(JSON.readTree(json.body()).get("statuses").findValuesAsText("status"))
        .contains("428", "503");
    HttpResponse<byte[]> html = send("GET", "/restatus/contract", "Accept", "text/html");
    assertThat(new String(html.body(), StandardCharsets.UTF_8)).contains("<table>");
    HttpResponse<byte[]> post = send("POST", "/restatus/contract");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
  }

  /** A Location (absolute, or from the host root) as a path below this runner's base. */
  private String below(String location) {
    return URI.create(location).getPath().substring(URI.create(base).getPath().length());
  }

  private HttpResponse<byte[]> awaitDone(String path, String... headers) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      HttpResponse<byte[]> r = send("GET", path, headers);
      if (r.statusCode() != 202 || System.nanoTime() > deadline) {
        return r;
      }
      Thread.sleep(100);
    }
  }

  /**
   * A concealed 403 must be indistinguishable from the application's real 404: same status, same
   * headers (names and values, apart from Date, Content-Length and the error id) and the same body
   * apart from the per-occurrence error id.
   */
  public void checkConcealedLooksMissing() throws Exception {
    HttpResponse<byte[]> concealed = send("GET", "/conceal/secret");
    HttpResponse<byte[]> missing = send("GET", "/conceal/missing");
    assertThat(concealed.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
    assertThat(comparableHeaders(concealed)).isEqualTo(comparableHeaders(missing));
    assertThat(withoutId(concealed.body())).isEqualTo(withoutId(missing.body()));
  }

  private static Map<String, List<String>> comparableHeaders(HttpResponse<?> r) {
    Map<String, List<String>> m = new TreeMap<>();
    r.headers()
        .map()
        .forEach(
            (k, v) -> {
              if (!VARYING.contains(k.toLowerCase())) {
                m.put(k.toLowerCase(), v);
              }
            });
    return m;
  }

  private static JsonNode withoutId(byte[] body) throws IOException {
    JsonNode n = JSON.readTree(body);
    ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("errorId");
    return n;
  }

  /**
   * Checks this runner's application, started in {@code report} mode: the wire is left as the
   * application made it, and each violation is counted once more in the findings MXBeans.
   */
  public void checkReportMode() throws Exception {
    String challenge = "www-authenticate GET /status/401: 401 without WWW-Authenticate";
    String location = "created-location GET /created: 201 without Location";
    String leak = "server-error-leak GET /stack: 500 body shows a stack trace or exception class";
    Map<String, Long> before = findingCounts();
    HttpResponse<byte[]> r = send("GET", "/status/401");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .doesNotStartWith("application/problem+json");
    assertThat(send("GET", "/created").statusCode()).isEqualTo(201);
    HttpResponse<byte[]> stack = send("GET", "/stack");
    assertThat(stack.statusCode()).isEqualTo(500);
    assertThat(new String(stack.body(), StandardCharsets.UTF_8)).contains("at com.acme.Foo.bar");
    assertThat(findingCounts())
        .containsEntry(challenge, before.getOrDefault(challenge, 0L) + 1)
        .containsEntry(location, before.getOrDefault(location, 0L) + 1)
        .containsEntry(leak, before.getOrDefault(leak, 0L) + 1);
  }

  /** An exchange the caller makes. */
  public interface Exchange {
    /** Makes it. */
    void run() throws Exception;
  }

  /**
   * Checks that an exchange is counted once more under a finding key.
   *
   * @param key the key, {@code rule METHOD path: what}
   * @param exchange the exchange
   */
  public void checkFindingCounted(String key, Exchange exchange) throws Exception {
    long before = findingCounts().getOrDefault(key, 0L);
    exchange.run();
    assertThat(findingCounts()).as(key).containsEntry(key, before + 1);
  }

  /**
   * Checks this runner's application, started in {@code report} mode: an uncaught exception is left
   * to the container, which answers with some error (its own page, never a success), and is
   * counted.
   */
  public void checkExceptionLeftToTheContainerIsCounted() throws Exception {
    checkFindingCounted(
        "exception GET /throw/runtime: uncaught exception left to the container",
        () -> assertThat(send("GET", "/throw/runtime").statusCode()).isGreaterThan(400));
  }

  /**
   * @return the total findings counted by every Restatus instance in this JVM's MBean server
   */
  public static long totalFindings() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    long total = 0;
    for (ObjectName n : server.queryNames(new ObjectName("dev.restatus:type=Findings,*"), null)) {
      total += (Long) server.getAttribute(n, "Total");
    }
    return total;
  }

  /**
   * @return the counts of every Restatus instance in this JVM, merged
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Long> findingCounts() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    Map<String, Long> all = new TreeMap<>();
    for (ObjectName n : server.queryNames(new ObjectName("dev.restatus:type=Findings,*"), null)) {
      javax.management.openmbean.TabularData t =
          (javax.management.openmbean.TabularData) server.getAttribute(n, "Counts");
      for (Object row : t.values()) {
        javax.management.openmbean.CompositeData c = (javax.management.openmbean.CompositeData) row;
        all.merge((String) c.get("key"), (Long) c.get("value"), Long::sum);
      }
    }
    return all;
  }
}
