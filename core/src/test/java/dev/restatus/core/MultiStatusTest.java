package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restatus.core.RulesTest.Req;
import dev.restatus.core.RulesTest.Resp;
import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.Restatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 207 Multi-Status document: the model, its rendering through the engine, the 207 check. */
class MultiStatusTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Req POST = Req.of("POST", "/orders/batch");

  /** A stack trace and an exception class, as a careless application puts them in a detail. */
  private static final String STACK =
      "java.lang.IllegalStateException: pool exhausted (db.internal:5432)\n"
          + "\tat com.acme.orders.OrderDao.insert(OrderDao.java:42)";

  private static final Logger LOG = Logger.getLogger("dev.restatus");
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          synchronized (logged) {
            logged.add(r);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level savedLevel;
  private boolean savedParent;
  private Restatus engine;

  @BeforeEach
  void captureLog() {
    savedLevel = LOG.getLevel();
    savedParent = LOG.getUseParentHandlers();
    LOG.setLevel(Level.ALL);
    LOG.setUseParentHandlers(false); // keep the build output readable
    LOG.addHandler(capture);
  }

  @AfterEach
  void restore() {
    LOG.removeHandler(capture);
    LOG.setLevel(savedLevel);
    LOG.setUseParentHandlers(savedParent);
    if (engine != null) {
      engine.close();
    }
  }

  private Restatus restatus(String... pairs) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    if (engine != null) {
      engine.close();
    }
    engine = Restatus.create(RestatusConfig.of(m), null);
    return engine;
  }

  private static JsonNode json(byte[] bytes) throws Exception {
    return JSON.readTree(bytes);
  }

  private List<String> warnings() {
    List<String> out = new ArrayList<>();
    synchronized (logged) {
      for (LogRecord r : logged) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          String m = r.getMessage();
          Object[] ps = r.getParameters();
          if (ps != null) {
            m = java.text.MessageFormat.format(m, ps);
          }
          out.add(m);
        }
      }
    }
    return out;
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // --- the wire shape ---------------------------------------------------------------------------

  @Test
  void theDocumentHasOneResultPerItemInItsMemberOrder() throws Exception {
    MultiStatus m =
        MultiStatus.builder()
            .add("a1", 201, Map.of("orderId", 7))
            .add("a2", 409)
            .add("a3", 204)
            .build();

    byte[] bytes = restatus().renderMultiStatus(POST, m);
    JsonNode doc = json(bytes);

    assertThat(fieldNames(doc)).containsExactly("results");
    JsonNode results = doc.get("results");
    assertThat(results.size()).isEqualTo(3);
    assertThat(fieldNames(results.get(0))).containsExactly("id", "status", "body");
    assertThat(results.get(0).get("id").asText()).isEqualTo("a1");
    assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
    assertThat(results.get(0).get("body")).isEqualTo(JSON.readTree("{\"orderId\":7}"));
    assertThat(fieldNames(results.get(1))).containsExactly("id", "status", "problem");
    assertThat(fieldNames(results.get(2))).as("no body member without a body").hasSize(2);
    assertThat(new String(bytes, StandardCharsets.US_ASCII))
        .startsWith("{\"results\":[{\"id\":\"a1\",\"status\":201,\"body\":{\"orderId\":7}},");
  }

  @Test
  void aClientErrorItemGetsAProblemGeneratedFromItsStatus() throws Exception {
    JsonNode p =
        json(restatus().renderMultiStatus(POST, MultiStatus.of(MultiStatus.Item.of("a2", 409))))
            .at("/results/0/problem");

    assertThat(fieldNames(p)).containsExactly("type", "title", "status", "errorId");
    assertThat(p.get("type").asText()).isEqualTo("about:blank");
    assertThat(p.get("title").asText()).isEqualTo("Conflict");
    assertThat(p.get("status").asInt()).isEqualTo(409);
    assertThat(p.get("errorId").asText()).matches("[0-9a-f]{16}");
    assertThat(warnings()).as("a 4xx is no server error: no log line").isEmpty();
  }

  @Test
  void aServerErrorItemGetsAGenericProblemWithAnErrorIdAndItsLogLine() throws Exception {
    JsonNode p =
        json(restatus().renderMultiStatus(POST, MultiStatus.of(MultiStatus.Item.of("b7", 503))))
            .at("/results/0/problem");

    String id = p.get("errorId").asText();
    assertThat(p.get("status").asInt()).isEqualTo(503);
    assertThat(p.get("title").asText()).isEqualTo("Service Unavailable");
    assertThat(p.get("detail").asText())
        .isEqualTo(
            "The server could not complete the request. Quote error id "
                + id
                + " when reporting this.");
    assertThat(warnings())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("error id " + id)
                    .contains("POST /orders/batch")
                    .contains("multi-status item 'b7'")
                    .contains("503"));
  }

  @Test
  void everyGeneratedProblemHasItsOwnErrorId() throws Exception {
    MultiStatus.Builder b = MultiStatus.builder();
    for (int i = 0; i < 20; i++) {
      b.add(Integer.toString(i), i % 2 == 0 ? 500 : 422);
    }
    JsonNode results = json(restatus().renderMultiStatus(POST, b.build())).get("results");

    Set<String> ids = new HashSet<>();
    for (JsonNode r : results) {
      ids.add(r.at("/problem/errorId").asText());
    }
    assertThat(ids).hasSize(20);
    assertThat(warnings()).as("one line per 5xx item").hasSize(10);
  }

  @Test
  void resultsKeepTheOrderTheyWereAddedIn() throws Exception {
    List<String> order = List.of("7", "3", "z", "1", "a", "0");
    MultiStatus.Builder b = MultiStatus.builder();
    for (String id : order) {
      b.add(id, id.equals("z") ? 404 : 200);
    }
    JsonNode results = json(restatus().renderMultiStatus(POST, b.build())).get("results");

    List<String> seen = new ArrayList<>();
    results.forEach(r -> seen.add(r.get("id").asText()));
    assertThat(seen).containsExactlyElementsOf(order);
  }

  @Test
  void anEmptyBatchIsAnEmptyList() throws Exception {
    assertThat(new String(restatus().renderMultiStatus(POST, MultiStatus.of()), "US-ASCII"))
        .isEqualTo("{\"results\":[]}");
    assertThat(MultiStatus.builder().build().items()).isEmpty();
  }

  @Test
  void nonAsciiIsEscapedSoTheBytesAreRightInAnyEncoding() {
    byte[] bytes =
        restatus()
            .renderMultiStatus(
                POST,
                MultiStatus.builder()
                    .add("caf\u00e9", 200, "cr\u00e8me")
                    .add("x", Problem.builder(409).detail("d\u00e9j\u00e0 pris").build())
                    .build());
    for (byte b : bytes) {
      assertThat(b).isNotNegative();
    }
    assertThat(new String(bytes, StandardCharsets.US_ASCII))
        .contains("caf\\u00E9")
        .contains("cr\\u00E8me")
        .contains("d\\u00E9j\\u00E0 pris");
  }

  @Test
  void bodiesOfEveryJsonKind() throws Exception {
    MultiStatus m =
        MultiStatus.builder()
            .add("map", 200, Map.of("k", List.of(1, 2)))
            .add("list", 200, List.of("a", "b"))
            .add("string", 200, "ok")
            .add("number", 200, 42)
            .add("boolean", 200, true)
            .add("tree", 200, JSON.readTree("{\"n\":null}"))
            .build();

    JsonNode r = json(restatus().renderMultiStatus(POST, m)).get("results");

    assertThat(r.get(0).get("body").toString()).isEqualTo("{\"k\":[1,2]}");
    assertThat(r.get(1).get("body").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(r.get(2).get("body").asText()).isEqualTo("ok");
    assertThat(r.get(3).get("body").asInt()).isEqualTo(42);
    assertThat(r.get(4).get("body").asBoolean()).isTrue();
    assertThat(r.get(5).get("body").toString()).isEqualTo("{\"n\":null}");
  }

  // --- the application's own problems ------------------------------------------------------------

  @Test
  void aClientErrorProblemOfTheApplicationIsSentAsBuilt() throws Exception {
    Problem given =
        Problem.builder(409)
            .type("https://api.example.com/probs/duplicate")
            .detail("sku A-1 is already in the order")
            .extension("sku", "A-1")
            .build();
    JsonNode p =
        json(restatus().renderMultiStatus(POST, MultiStatus.of(MultiStatus.Item.of("a", given))))
            .at("/results/0");

    assertThat(p.get("status").asInt()).isEqualTo(409);
    assertThat(p.get("problem"))
        .isEqualTo(
            JSON.readTree(
                "{\"type\":\"https://api.example.com/probs/duplicate\",\"title\":\"Conflict\","
                    + "\"status\":409,\"detail\":\"sku A-1 is already in the order\","
                    + "\"sku\":\"A-1\"}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        STACK,
        "NullPointerException",
        "com.acme.orders.PaymentFailure: card declined by gateway-3",
        "Cannot invoke \"String.length()\" because \"sku\" is null"
      })
  void aServerErrorProblemShowingInternalsIsReplaced(String detail) throws Exception {
    Problem leaky =
        Problem.builder(500).detail(detail).extension("where", "OrderDao.insert").build();
    byte[] bytes =
        restatus().renderMultiStatus(POST, MultiStatus.of(MultiStatus.Item.of("c", leaky)));
    String text = new String(bytes, StandardCharsets.US_ASCII);
    JsonNode p = json(bytes).at("/results/0/problem");

    String id = p.get("errorId").asText();
    assertThat(fieldNames(p)).containsExactly("type", "title", "status", "detail", "errorId");
    assertThat(p.get("detail").asText()).contains("Quote error id " + id);
    assertThat(text)
        .doesNotContain("Exception")
        .doesNotContain("com.acme")
        .doesNotContain("OrderDao")
        .doesNotContain("Cannot invoke")
        .doesNotContain("gateway-3");
    assertThat(warnings())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("error id " + id)
                    .contains("multi-status item 'c'")
                    .contains("replaced"));
  }

  @Test
  void aCleanServerErrorProblemIsKeptAndGetsAnErrorId() throws Exception {
    Problem clean =
        Problem.builder(502)
            .type("https://api.example.com/probs/warehouse-down")
            .detail("the warehouse did not answer; try again later")
            .build();
    JsonNode p =
        json(restatus().renderMultiStatus(POST, MultiStatus.of(MultiStatus.Item.of("d", clean))))
            .at("/results/0/problem");

    assertThat(p.get("type").asText()).isEqualTo("https://api.example.com/probs/warehouse-down");
    assertThat(p.get("detail").asText()).isEqualTo("the warehouse did not answer; try again later");
    String id = p.get("errorId").asText();
    assertThat(id).matches("[0-9a-f]{16}");
    assertThat(warnings()).singleElement().satisfies(l -> assertThat(l).contains(id));
  }

  @Test
  void aServerErrorProblemWithItsOwnErrorIdKeepsIt() throws Exception {
    Problem own = Problem.builder(500).extension("errorId", "abc123").build();
    JsonNode p =
        json(restatus().renderMultiStatus(POST, MultiStatus.of(MultiStatus.Item.of("e", own))))
            .at("/results/0/problem");

    assertThat(p.get("errorId").asText()).isEqualTo("abc123");
    assertThat(warnings()).as("it has its own log line already").isEmpty();
  }

  @Test
  void reportModeRecordsALeakingItemProblemAndSendsItAsGiven() throws Exception {
    Restatus r = restatus("restatus.mode", "report");
    Problem leaky = Problem.builder(500).detail(STACK).build();

    JsonNode p =
        json(r.renderMultiStatus(POST, MultiStatus.of(MultiStatus.Item.of("f", leaky))))
            .at("/results/0/problem");

    assertThat(p.get("detail").asText()).isEqualTo(STACK);
    assertThat(r.findings().getCounts().keySet())
        .singleElement()
        .satisfies(
            k ->
                assertThat(k)
                    .startsWith("server-error-leak POST /orders/batch: 500 multi-status item"));
  }

  @Test
  void offModeSendsItAsGivenAndRecordsNothing() throws Exception {
    Restatus r = restatus("restatus.mode", "off");
    Problem leaky = Problem.builder(500).detail(STACK).build();

    JsonNode results =
        json(r.renderMultiStatus(POST, MultiStatus.builder().add("g", leaky).add("h", 404).build()))
            .get("results");

    assertThat(results.at("/0/problem/detail").asText()).isEqualTo(STACK);
    assertThat(results.at("/1/problem/status").asInt())
        .as("an error item always has a problem")
        .isEqualTo(404);
    assertThat(r.findings().getTotal()).isZero();
  }

  @Test
  void theDocumentIsJsonWhateverTheClientPrefers() throws Exception {
    Req xml = new Req("POST", "/orders/batch", Map.of("Accept", "application/xml"), Set.of());
    JsonNode p =
        json(restatus().renderMultiStatus(xml, MultiStatus.of(MultiStatus.Item.of("a", 404))))
            .at("/results/0/problem");

    assertThat(p.get("status").asInt()).isEqualTo(404);
  }

  /** An application's JSON error shape, for {@code restatus.renderer}. */
  public static final class LegacyJson implements ProblemRenderer {
    /** For {@code restatus.renderer}. */
    public LegacyJson() {}

    @Override
    public String contentType() {
      return "application/vnd.acme.error+json";
    }

    @Override
    public byte[] render(Problem p) {
      return ("{\"code\":" + p.status() + ",\"message\":\"" + p.title() + "\"}")
          .getBytes(StandardCharsets.US_ASCII);
    }
  }

  @Test
  void aJsonRendererOfTheApplicationWritesTheItemProblems() throws Exception {
    Restatus r = restatus("restatus.renderer", LegacyJson.class.getName());
    JsonNode p =
        json(r.renderMultiStatus(POST, MultiStatus.of(MultiStatus.Item.of("a", 404))))
            .at("/results/0/problem");

    assertThat(p.toString()).isEqualTo("{\"code\":404,\"message\":\"Not Found\"}");
  }

  @Test
  void aRendererOfAnotherFormatLeavesTheItemProblemsToTheDefault() throws Exception {
    Restatus r = restatus("restatus.renderer", TextProblemRenderer.class.getName());
    JsonNode p =
        json(r.renderMultiStatus(POST, MultiStatus.of(MultiStatus.Item.of("a", 404))))
            .at("/results/0/problem");

    assertThat(p.get("title").asText()).isEqualTo("Not Found");
  }

  // --- the model --------------------------------------------------------------------------------

  @Test
  void nullsAreRefused() {
    assertThatThrownBy(() -> MultiStatus.of((List<MultiStatus.Item>) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MultiStatus.of((MultiStatus.Item) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MultiStatus.builder().add((MultiStatus.Item) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MultiStatus.Item.of(null, 200))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MultiStatus.Item.of(null, 200, "x"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MultiStatus.Item.of(null, Problem.of(409)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MultiStatus.Item.of("a", (Problem) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> restatus().renderMultiStatus(POST, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void anEmptyIdIsRefused() {
    assertThatThrownBy(() -> MultiStatus.Item.of("", 200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 99, 600, 1000})
  void aStatusOutsideHttpIsRefused(int status) {
    assertThatThrownBy(() -> MultiStatus.Item.of("a", status))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 to 599");
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 200, 207, 302, 399, 400, 599})
  void everyHttpStatusIsAnItemStatus(int status) {
    assertThat(MultiStatus.Item.of("a", status).status()).isEqualTo(status);
  }

  @Test
  void anErrorItemCarriesAProblemNotABody() {
    assertThatThrownBy(() -> MultiStatus.Item.of("a", 404, Map.of("x", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("problem");
    assertThatThrownBy(() -> MultiStatus.Item.of("a", Problem.of(201)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MultiStatus.Item.of("a", 404, null).body()).isEmpty();
  }

  @Test
  void theItemStatusIsTheProblemStatus() {
    MultiStatus.Item item = MultiStatus.Item.of("a", Problem.of(422));
    assertThat(item.status()).isEqualTo(422);
    assertThat(item.problem()).contains(Problem.of(422));
    assertThat(MultiStatus.Item.of("b", 422).problem()).isEmpty();
  }

  @Test
  void aBodyMustBeJson() {
    assertThatThrownBy(() -> MultiStatus.Item.of("a", 200, new IllegalStateException("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exception");
    assertThatThrownBy(() -> MultiStatus.Item.of("a", 200, new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serialise");
  }

  @Test
  void itIsImmutable() throws Exception {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("n", 1));
    List<MultiStatus.Item> items = new ArrayList<>(List.of(MultiStatus.Item.of("a", 200, body)));
    MultiStatus m = MultiStatus.of(items);
    body.put("n", 2);
    items.add(MultiStatus.Item.of("b", 200));
    m.items().get(0).body().orElseThrow().toString();
    ((com.fasterxml.jackson.databind.node.ObjectNode) m.items().get(0).body().orElseThrow())
        .put("n", 3);

    assertThat(m.items()).hasSize(1);
    assertThat(m.items().get(0).body().orElseThrow().toString()).isEqualTo("{\"n\":1}");
    assertThatThrownBy(() -> m.items().add(MultiStatus.Item.of("c", 200)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(json(restatus().renderMultiStatus(POST, m)).at("/results/0/body/n").asInt())
        .isEqualTo(1);
  }

  @Test
  void equalDocumentsAreEqual() {
    MultiStatus a = MultiStatus.builder().add("a", 200, Map.of("n", 1)).add("b", 404).build();
    MultiStatus b =
        MultiStatus.of(
            MultiStatus.Item.of("a", 200, Map.of("n", 1)), MultiStatus.Item.of("b", 404));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(MultiStatus.builder().add("b", 404).add("a", 200).build());
  }

  // --- the 207 check ---------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=UTF-8",
        "application/vnd.acme.batch+json",
        "application/xml",
        "text/xml; charset=utf-8",
        "application/vnd.acme+xml"
      })
  void aMultiStatusDocumentIsNoFinding(String type) {
    Restatus r = restatus();
    Decision d = r.onResponse(POST, Resp.of(207).body(type));

    assertThat(d).isInstanceOf(Decision.Keep.class);
    assertThat(d.status()).isEqualTo(207);
    assertThat(r.findings().getTotal()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/html", "text/plain", "application/octet-stream"})
  void a207WhoseBodyIsNoDocumentIsAFindingAndKept(String type) {
    Restatus r = restatus();
    Decision d = r.onResponse(POST, Resp.of(207).body(type));

    assertThat(d)
        .as("a mostly successful answer is not replaced")
        .isInstanceOf(Decision.Keep.class);
    assertThat(d.status()).isEqualTo(207);
    assertThat(r.findings().getCounts())
        .containsOnlyKeys(
            "multi-status POST /orders/batch: 207 with "
                + type
                + ", not a multi-status document (JSON or XML)");
  }

  @Test
  void a207WithoutABodyOrContentTypeIsAFinding() {
    Restatus r = restatus();
    r.onResponse(POST, Resp.of(207));
    r.onResponse(Req.of("GET", "/x"), Resp.of(207).body(null));

    assertThat(r.findings().getCounts())
        .containsOnlyKeys(
            "multi-status POST /orders/batch: 207 without a multi-status document",
            "multi-status GET /x: 207 with a body without Content-Type, not a multi-status document"
                + " (JSON or XML)");
  }

  @Test
  void aHeadRequestIsNotJudged() {
    Restatus r = restatus();
    r.onResponse(Req.of("HEAD", "/x"), Resp.of(207));
    assertThat(r.findings().getTotal()).isZero();
  }

  @Test
  void reportModeCountsItAndChangesNothing() {
    Restatus r = restatus("restatus.mode", "report");
    Decision d = r.onResponse(POST, Resp.of(207).body("text/plain"));

    assertThat(d).isEqualTo(Decision.keep(207));
    assertThat(r.findings().getTotal()).isEqualTo(1);
  }
}
