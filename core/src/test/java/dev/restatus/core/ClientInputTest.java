package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restatus.core.RulesTest.Req;
import dev.restatus.core.adapter.Failure;
import dev.restatus.core.adapter.Restatus;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Client-input errors: an {@link InvalidRequestException}'s violations, a parameter that cannot be
 * converted, and a JSON body Jackson cannot read, each a 4xx problem that says what to fix and
 * nothing internal.
 */
class ClientInputTest {

  /** A JSON body as a resource takes it. */
  public static class Item {
    public int qty;
    public String sku;
    public List<Item> parts;
    public Map<String, Integer> counts;
    public Object note;
  }

  /** Built by a creator with a required property. */
  public static final class Strict {
    final int qty;

    @JsonCreator
    public Strict(@JsonProperty(value = "qty", required = true) int qty) {
      this.qty = qty;
    }
  }

  /** A type Jackson cannot build: the application's fault. */
  public static final class Unbuildable {
    public Unbuildable(int a, int b) {}
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final Restatus engine = Restatus.create(RestatusConfig.of(Map.of()), null);
  private final Req req = Req.of("POST", "/items");

  @AfterEach
  void close() {
    engine.close();
  }

  private Failure read(String json, Class<?> type) {
    try {
      JSON.readValue(json, type);
    } catch (Exception e) {
      return engine.onInvalidBody(req, e);
    }
    throw new AssertionError("Jackson read " + json);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"qty\": 1,  | Malformed JSON at line 1, column 11. | ",
        "{\"qty\": 1 ]  | Malformed JSON at line 1, column 11. | ",
        "{'qty': 1}  | Malformed JSON at line 1, column 2. | ",
        "{\"qty\": \"many\"}  | field `qty`: expected a whole number. | /qty",
        "{\"qty\": null}  | field `qty` must not be null. | /qty",
        "{\"sku\": []}  | field `sku`: expected a string. | /sku",
        "{\"parts\": {}}  | field `parts`: expected an array. | /parts",
        "{\"parts\": [{\"qty\": 1}, {\"qty\": true}]}  | field `parts[1].qty`: expected a whole"
            + " number. | /parts/1/qty",
        "{\"counts\": {\"a/b~c\": \"x\"}}  | field `counts.a/b~c`: expected a whole number. |"
            + " /counts/a~1b~0c",
        "{\"colour\": \"red\"}  | field `colour` is not known. | /colour",
        "{\"qty\": 99999999999999999999}  | field `qty`: the number is out of range for this field. |"
            + " /qty",
        "[1]  | The body: expected an object. | ",
      })
  void aJsonBodyErrorSaysWhatToFix(String json, String detail, String pointer) {
    Failure f = read(json, Item.class);
    assertThat(f.status()).isEqualTo(400);
    assertThat(f.problem().detail()).isEqualTo(detail);
    assertThat(f.problem().extensions().get("pointer")).isEqualTo(pointer);
    assertThat(f.headers()).containsKey(Restatus.ERROR_ID_HEADER);
  }

  @Test
  void aMissingCreatorPropertyIsNamedOnce() {
    Failure f = read("{}", Strict.class);
    assertThat(f.problem().detail()).isEqualTo("field `qty` is required.");
    assertThat(f.problem().extensions()).containsEntry("field", "qty");
  }

  @Test
  void documentsBeyondTheParsersLimitsAreTheClients() {
    assertThat(read("{\"note\": " + "[".repeat(2000) + "]".repeat(2000) + "}", Item.class).status())
        .isEqualTo(400);
    assertThat(read("{\"note\": 1" + "0".repeat(2000) + "}", Item.class).problem().detail())
        .startsWith("The JSON document exceeds a limit");
  }

  @Test
  void aTypeJacksonCannotBuildIsTheServersFault() {
    Failure f = read("{}", Unbuildable.class);
    assertThat(f.status()).isEqualTo(500);
    assertThat(f.problem().detail()).doesNotContain("Unbuildable");
  }

  @Test
  void somethingElseThanJacksonIsAnsweredAsAnyException() {
    assertThat(engine.onInvalidBody(req, new IllegalStateException("x")).status()).isEqualTo(500);
  }

  @Property(tries = 300)
  void anyDocumentIsReadOrAnsweredWith400WithoutInternals(
      @ForAll @StringLength(max = 40) String doc) {
    Failure f;
    try {
      JSON.readValue(doc, Item.class);
      return;
    } catch (Exception e) {
      f = engine.onInvalidBody(req, e);
    }
    assertThat(f.status()).isEqualTo(400);
    String detail = f.problem().detail();
    assertThat(detail).doesNotContain("com.fasterxml").doesNotContain("ClientInputTest");
    if (!doc.contains("Exception")) {
      assertThat(detail).doesNotContain("Exception");
    }
  }

  @Test
  void violationsHaveTheValidationStatusAndNoStack() {
    Failure f =
        engine.onException(
            req,
            new RuntimeException(
                InvalidRequestException.of("qty", "must be greater than 0")
                    .and(null, "an order needs a line")));
    assertThat(f.status()).isEqualTo(400);
    assertThat(f.problem().detail()).isEqualTo("2 values are invalid: qty");
    assertThat(f.problem().extensions().get("violations"))
        .isEqualTo(
            List.of(
                Map.of("field", "qty", "message", "must be greater than 0"),
                Map.of("message", "an order needs a line")));
    assertThat(InvalidRequestException.of("qty", "x").getStackTrace()).isEmpty();
  }

  @Test
  void theValidationStatusIsConfigurableTo422AndOnlyThat() {
    try (Restatus r =
        Restatus.create(RestatusConfig.of(Map.of("restatus.validation-status", "422")), null)) {
      assertThat(r.onException(req, InvalidRequestException.of("qty", "x")).status())
          .isEqualTo(422);
    }
    assertThatThrownBy(() -> RestatusConfig.of(Map.of("restatus.validation-status", "409")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.validation-status")
        .hasMessageContaining("409")
        .hasMessageContaining("400 or 422");
  }

  @Test
  void withoutClientDetailsTheViolationsStayAndTheDetailGoes() {
    try (Restatus r =
        Restatus.create(
            RestatusConfig.of(Map.of("restatus.client-error-details", "false")), null)) {
      Failure f = r.onException(req, InvalidRequestException.of("qty", "x"));
      assertThat(f.problem().detail()).isNull();
      assertThat(f.problem().extensions()).containsKey("violations");
    }
  }

  @Test
  void anUnconvertibleParameterKeepsItsStatusAndIsNamed() {
    Failure f = engine.onInvalidParameter(req, "query", "from", 404);
    assertThat(f.status()).isEqualTo(404);
    assertThat(f.problem().status()).isEqualTo(404);
    assertThat(f.problem().detail())
        .isEqualTo("from: is not a valid value for this query parameter");
    assertThat(f.problem().extensions().get("violations"))
        .isEqualTo(
            List.of(
                Map.of(
                    "field", "from", "message", "is not a valid value for this query parameter")));
  }

  @Test
  void aViolationNeedsAMessageAndAnExceptionAViolation() {
    assertThatThrownBy(() -> new Violation("qty", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InvalidRequestException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
