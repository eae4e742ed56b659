package dev.restatus.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restatus.core.scenario.Adversarial;
import dev.restatus.core.scenario.RawHttp;
import dev.restatus.core.scenario.ScenarioRunner;
import dev.restatus.core.scenario.Scenarios;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link RestatusFeature} must do on every Jersey stack of the matrix: the shared scenario
 * table, framing, and the adversarial corpus, for the feature auto-discovered with the shared
 * settings, compared with the same resources without it. Subclasses start the stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class JerseyStackContract {

  /**
   * @return the application with the feature, auto-discovered, with {@link Scenarios#SETTINGS}
   */
  protected abstract ScenarioRunner app();

  /**
   * @return the same resources with the feature opted out
   */
  protected abstract ScenarioRunner bare();

  /**
   * @return the application with the feature in {@code report} mode
   */
  protected abstract ScenarioRunner report();

  /**
   * @return the application with the feature in {@code off} mode
   */
  protected abstract ScenarioRunner off();

  /**
   * The fixture resources with the given settings, as every stack serves them.
   *
   * @param settings {@code restatus.*} properties
   * @return the application's configuration
   */
  public static ResourceConfig fixtures(Map<String, String> settings) {
    ResourceConfig rc =
        new ResourceConfig(
            FixtureResource.class,
            EdgeResource.class,
            EdgeResource.AppMapper.class,
            VaultResource.class,
            VaultResource.Kept.class,
            InputResource.class);
    rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    settings.forEach(rc::property);
    return rc;
  }

  static JsonNode problem(HttpResponse<byte[]> r) throws Exception {
    return ScenarioRunner.problemOf(r);
  }

  /** What a client-input problem must never show. */
  private static final java.util.regex.Pattern INTERNALS =
      java.util.regex.Pattern.compile(
          "com\\.fasterxml|java\\.|jakarta\\.|dev\\.restatus|Exception|Jackson|\\$|arg0|"
              + "InputResource|Item\\b");

  private HttpResponse<byte[]> postJson(String path, byte[] body) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(app().base() + path))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> postJson(String path, String body) throws Exception {
    return postJson(path, body.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode clientProblem(HttpResponse<byte[]> r, int status) throws Exception {
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(r.statusCode()).as(body).isEqualTo(status);
    assertThat(INTERNALS.matcher(body).find()).as(body + " shows internals").isFalse();
    return problem(r);
  }

  @Test
  void aProblemCarriesTheTraceIdOfTheRequest() throws Exception {
    app().checkTraceId();
  }

  @Test
  void theStatusCodeTableIsServedFromTheLiveSettings() throws Exception {
    app().checkContractTable();
  }

  @Test
  void aBatchAnswers207WithAProblemPerFailedItem() throws Exception {
    app().checkMultiStatus();
  }

  @Test
  void aSlowRequestIsAnswered202WithAMonitor() throws Exception {
    app().checkDeferred();
  }

  /**
   * @return the application with {@code restatus.defer.max-operations=1}
   */
  protected abstract ScenarioRunner full();

  @Test
  void aRequestThatFindsTheStoreFullIsAnsweredByTheEndpoint() throws Exception {
    full().checkDeferralWhenTheStoreIsFull();
  }

  @Test
  void anApplicationAnswers202ThroughTheAcceptedApi() throws Exception {
    app().checkApplicationOperations();
  }

  @Test
  void malformedJsonSaysWhere() throws Exception {
    JsonNode p = clientProblem(postJson("/input/item", "{\"qty\": 1,\n  \"sku\": }"), 400);
    assertThat(p.path("detail").asText()).isEqualTo("Malformed JSON at line 2, column 10.");
    assertThat(p.has("field")).isFalse();
  }

  @Test
  void truncatedJsonSaysItEndsEarly() throws Exception {
    JsonNode p = clientProblem(postJson("/input/item", "{\"qty\": 1"), 400);
    assertThat(p.path("detail").asText()).startsWith("The JSON document ends early at line 1");
  }

  @Test
  void aWrongTypeNamesTheFieldAndWhatItExpects() throws Exception {
    JsonNode p = clientProblem(postJson("/input/item", "{\"qty\": \"many\"}"), 400);
    assertThat(p.path("detail").asText()).isEqualTo("field `qty`: expected a whole number.");
    assertThat(p.path("field").asText()).isEqualTo("qty");
    assertThat(p.path("pointer").asText()).isEqualTo("/qty");
  }

  @Test
  void anUnknownPropertyIsNamed() throws Exception {
    JsonNode p = clientProblem(postJson("/input/item", "{\"qty\": 1, \"colour\": \"red\"}"), 400);
    assertThat(p.path("detail").asText()).isEqualTo("field `colour` is not known.");
    assertThat(p.path("pointer").asText()).isEqualTo("/colour");
  }

  @Test
  void aMissingCreatorPropertyIsNamed() throws Exception {
    JsonNode p = clientProblem(postJson("/input/strict", "{}"), 400);
    assertThat(p.path("detail").asText()).isEqualTo("field `qty` is required.");
    assertThat(p.path("field").asText()).isEqualTo("qty");
  }

  @Test
  void aNestedWrongTypeHasItsPath() throws Exception {
    JsonNode p =
        clientProblem(postJson("/input/order", "{\"items\": [{\"qty\": 1}, {\"qty\": []}]}"), 400);
    assertThat(p.path("field").asText()).isEqualTo("items[1].qty");
    assertThat(p.path("pointer").asText()).isEqualTo("/items/1/qty");
  }

  @Test
  void beanValidationListsTheFieldsAsTheClientNamedThem() throws Exception {
    JsonNode p =
        clientProblem(
            postJson(
                "/input/order", "{\"items\": [{\"qty\": 0, \"sku\": \" \", \"unit_price\": -1}]}"),
            400);
    assertThat(p.path("violations").toString())
        .isEqualTo(
            "[{\"field\":\"items[0].qty\",\"message\":\"must be greater than or equal to 1\"},"
                + "{\"field\":\"items[0].sku\",\"message\":\"must not be blank\"},"
                + "{\"field\":\"items[0].unit_price\","
                + "\"message\":\"must be greater than or equal to 0\"}]");
    assertThat(
            new String(
                postJson("/input/order", "{\"items\": [{\"qty\": 0}]}").body(),
                StandardCharsets.UTF_8))
        .doesNotContain("\"0\"")
        .doesNotContain("rejected");
  }

  @Test
  void aMissingEntityIsAViolationOfTheBody() throws Exception {
    JsonNode p = clientProblem(postJson("/input/order", "null"), 400);
    assertThat(p.path("violations").get(0).path("message").asText()).isEqualTo("must not be null");
  }

  @Test
  void aQueryParameterViolationNamesTheParameter() throws Exception {
    HttpResponse<byte[]> r = app().send("GET", "/input/list?size=0");
    JsonNode p = clientProblem(r, 400);
    assertThat(p.path("violations").get(0).path("field").asText()).isEqualTo("size");
  }

  @Test
  void aQueryParameterThatCannotBeConvertedKeepsJaxrs404AndIsNamed() throws Exception {
    JsonNode p = clientProblem(app().send("GET", "/input/list?size=5&from=abc"), 404);
    assertThat(p.path("violations").get(0).path("field").asText()).isEqualTo("from");
    assertThat(p.path("detail").asText())
        .isEqualTo("from: is not a valid value for this query parameter");
  }

  @Test
  void aHeaderThatCannotBeConvertedIsA400NamingIt() throws Exception {
    JsonNode p = clientProblem(app().send("GET", "/input/header", "X-Count", "lots"), 400);
    assertThat(p.path("violations").get(0).path("field").asText()).isEqualTo("X-Count");
  }

  @Test
  void aReturnValueViolationIsTheServersFault() throws Exception {
    HttpResponse<byte[]> r = app().send("GET", "/input/out");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(problem(r).has("violations")).isFalse();
  }

  @Test
  void aCorpusOfMalformedDocumentsGivesOnly400Problems() throws Exception {
    List<byte[]> corpus = new java.util.ArrayList<>();
    for (String s :
        List.of(
            "",
            "{",
            "{\"qty\":",
            "[",
            "]",
            "{\"qty\": 1}}",
            "{\"qty\": [1]}",
            "{\"qty\": {}}",
            "{\"qty\": true}",
            "{\"qty\": 1.5e3, \"sku\": 7}",
            "{\"sku\": [\"a\"]}",
            "{\"unit_price\": \"free\"}",
            "{\"qty\": 99999999999999999999999999}",
            "{\"qty\": 1e999999}",
            "{\"qty\": -}",
            "{\"qty\": NaN}",
            "{'qty': 1}",
            "{\"qty\": 1 /* c */}",
            "{\"qty\": 01}",
            "{\"sku\": \"\\ud800\\u00\"}",
            "\"just a string\"",
            "42",
            "{\"note\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
            "{\"note\": " + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}",
            "{\"note\": 1" + "0".repeat(5000) + "}",
            "{\"sku\": \"" + "x".repeat(30_000) + "\"}x")) {
      corpus.add(s.getBytes(StandardCharsets.UTF_8));
    }
    corpus.add(new byte[] {'{', '"', 's', 'k', 'u', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'});
    corpus.add(new byte[] {'{', '"', 's', 'k', 'u', '"', ':', '"', (byte) 0xFF, '"', '}'});
    corpus.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 'q', '"', ':', '1'});
    corpus.add(new byte[] {0, 0, 0, '{'});
    List<String> failures = new java.util.ArrayList<>();
    for (byte[] doc : corpus) {
      for (String path : List.of("/input/item", "/input/order")) {
        HttpResponse<byte[]> r = postJson(path, doc);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        String what =
            path + " " + new String(doc, 0, Math.min(doc.length, 60), StandardCharsets.ISO_8859_1);
        if (r.statusCode() == 200) {
          continue; // a document Jackson reads (a lone number into nothing): the app's answer
        }
        if (r.statusCode() != 400
            || !r.headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/problem+json")
            || INTERNALS.matcher(body).find()) {
          failures.add(what + " -> " + r.statusCode() + " " + body);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void aGeneratedETagGivesA304() throws Exception {
    app().checkGeneratedETag();
  }

  @TestFactory
  Stream<DynamicTest> scenarioTable() {
    return app().tests();
  }

  @TestFactory
  Stream<DynamicTest> reportModeTable() {
    return report().sameWireAs(bare());
  }

  @TestFactory
  Stream<DynamicTest> offModeTable() {
    return off().sameWireAs(bare());
  }

  @Test
  void framingOnTheWire() throws Exception {
    RawHttp.checkFraming(app().base());
  }

  @Test
  void concealedForbiddenIsIndistinguishableFromMissing() throws Exception {
    app().checkConcealedLooksMissing();
  }

  @Test
  void concealedResourceCannotBeToldFromAMissingOne() throws Exception {
    Adversarial.checkConcealment(app().base());
  }

  @Test
  void neverWorseThanBareJersey() throws Exception {
    Adversarial.checkNeverWorse(bare().base(), app().base(), Adversarial.common());
  }

  @Test
  void matrixParametersDoNotEscapeConcealment() throws Exception {
    HttpResponse<byte[]> r = app().send("GET", "/vault;x=1/secret");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("vault");
    assertThat(r.headers().firstValue("X-Vault")).isEmpty();
  }

  @Test
  void aKeptServerErrorEntityIsLookedAtOrReplaced() throws Exception {
    HttpResponse<byte[]> stream = app().send("GET", "/kept/stream");
    assertThat(stream.statusCode()).isEqualTo(500);
    assertThat(new String(stream.body(), StandardCharsets.UTF_8)).doesNotContain("hunter2");
    problem(stream);
    HttpResponse<byte[]> longer = app().send("GET", "/kept/long");
    assertThat(longer.statusCode()).isEqualTo(500);
    problem(longer);
    HttpResponse<byte[]> small = app().send("GET", "/kept/small");
    assertThat(new String(small.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"legacy shape\"}");
  }
}
