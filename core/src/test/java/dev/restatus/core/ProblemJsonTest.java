package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonProblemRenderer renderer = new JsonProblemRenderer();

  private JsonNode render(Problem p) throws Exception {
    return JSON.readTree(renderer.render(p));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void contentTypeIsProblemJson() {
    assertThat(renderer.contentType()).isEqualTo("application/problem+json");
    assertThat(Problem.MEDIA_TYPE).isEqualTo("application/problem+json");
  }

  @Test
  void minimalProblemHasDefaultTypeAndReasonPhraseTitle() throws Exception {
    JsonNode n = render(Problem.of(404));

    assertThat(fieldNames(n)).containsExactly("type", "title", "status");
    assertThat(n.get("type").asText()).isEqualTo("about:blank");
    assertThat(n.get("title").asText()).isEqualTo("Not Found");
    assertThat(n.get("status").isInt()).isTrue();
    assertThat(n.get("status").asInt()).isEqualTo(404);
  }

  @Test
  void titleDefaultsToCatalogReasonForEachStatus() throws Exception {
    for (int status : new int[] {400, 409, 422, 429, 500, 503}) {
      assertThat(render(Problem.of(status)).get("title").asText())
          .as("title of %d", status)
          .isEqualTo(StatusCatalog.reason(status));
    }
    assertThat(Problem.of(418).title()).isEqualTo("Client Error");
  }

  @Test
  void everyMemberInOrderWithExtensionsInInsertionOrder() throws Exception {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("field", "email");
    nested.put("reason", "missing");
    Problem p =
        Problem.builder(409)
            .type("https://example.com/probs/out-of-credit")
            .title("You do not have enough credit.")
            .detail("Your current balance is 30, but that costs 50.")
            .instance("/account/12345/msgs/abc")
            .extension("zeta", 1)
            .extension("balance", 30)
            .extension("accounts", List.of("/account/12345", "/account/67890"))
            .extension("ok", false)
            .extension("errors", List.of(nested))
            .build();

    JsonNode n = render(p);

    assertThat(fieldNames(n))
        .containsExactly(
            "type",
            "title",
            "status",
            "detail",
            "instance",
            "zeta",
            "balance",
            "accounts",
            "ok",
            "errors");
    assertThat(n.get("type").asText()).isEqualTo("https://example.com/probs/out-of-credit");
    assertThat(n.get("title").asText()).isEqualTo("You do not have enough credit.");
    assertThat(n.get("status").asInt()).isEqualTo(409);
    assertThat(n.get("detail").asText())
        .isEqualTo("Your current balance is 30, but that costs 50.");
    assertThat(n.get("instance").asText()).isEqualTo("/account/12345/msgs/abc");
    assertThat(n.get("zeta").asInt()).isEqualTo(1);
    assertThat(n.get("balance").asInt()).isEqualTo(30);
    assertThat(n.get("accounts").get(1).asText()).isEqualTo("/account/67890");
    assertThat(n.get("ok").isBoolean()).isTrue();
    assertThat(n.get("ok").asBoolean()).isFalse();
    assertThat(n.get("errors").get(0).get("field").asText()).isEqualTo("email");
  }

  @Test
  void nullMembersAreOmitted() throws Exception {
    Problem p =
        Problem.builder(400)
            .type(null)
            .title(null)
            .detail(null)
            .instance(null)
            .extension("gone", "x")
            .extension("gone", null)
            .build();

    JsonNode n = render(p);

    assertThat(fieldNames(n)).containsExactly("type", "status");
    assertThat(n.get("type").asText()).isEqualTo("about:blank");
    assertThat(p.extensions()).isEmpty();
    assertThat(new String(renderer.render(p), StandardCharsets.US_ASCII)).doesNotContain("null");
  }

  @Test
  void controlCharactersQuotesBackslashesAndNonAsciiRoundTripAsPureAscii() throws Exception {
    String nasty = "nul\u0000 nl\n tab\t us\u001f quote\" back\\slash </script> é 日本 😀 end";
    Problem p =
        Problem.builder(400)
            .title("Titre é")
            .detail(nasty)
            .instance("/caf\u00e9/\u65e5")
            .extension("note", nasty)
            .extension("list", List.of(nasty))
            .build();

    byte[] bytes = renderer.render(p);

    for (int i = 0; i < bytes.length; i++) {
      assertThat(bytes[i] & 0xff).as("byte %d of the JSON", i).isLessThan(0x80);
    }
    JsonNode n = JSON.readTree(bytes);
    assertThat(n.get("detail").asText()).isEqualTo(nasty);
    assertThat(n.get("title").asText()).isEqualTo("Titre é");
    assertThat(n.get("instance").asText()).isEqualTo("/café/日");
    assertThat(n.get("note").asText()).isEqualTo(nasty);
    assertThat(n.get("list").get(0).asText()).isEqualTo(nasty);
    // the same bytes read as ISO-8859-1 must give the same document: nothing depends on charset
    assertThat(JSON.readTree(new String(bytes, StandardCharsets.ISO_8859_1)).get("detail").asText())
        .isEqualTo(nasty);
  }

  @ParameterizedTest
  @ValueSource(strings = {"type", "title", "status", "detail", "instance", "", " ", "\t"})
  void reservedOrBlankExtensionNamesAreRefused(String name) {
    Problem.Builder b = Problem.builder(400);
    assertThatThrownBy(() -> b.extension(name, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(b.build().extensions()).isEmpty();
  }

  @Test
  void nullExtensionNameIsRefused() {
    assertThatThrownBy(() -> Problem.builder(400).extension(null, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 99, 600, 1000})
  void statusOutsideHundredToFiveNinetyNineIsRefused(int status) {
    assertThatThrownBy(() -> Problem.builder(status))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(status));
    assertThatThrownBy(() -> Problem.of(status)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void boundaryStatusesAreAccepted() {
    assertThat(Problem.of(100).status()).isEqualTo(100);
    assertThat(Problem.of(599).status()).isEqualTo(599);
  }

  @Test
  void problemIsNotAThrowable() {
    assertThat(Throwable.class.isAssignableFrom(Problem.class)).isFalse();
    assertThat(Problem.of(500)).isNotInstanceOf(Throwable.class);
  }

  @Test
  void extensionsAreUnmodifiable() {
    Problem p = Problem.builder(400).extension("a", 1).build();
    assertThatThrownBy(() -> p.extensions().put("b", 2))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builderChangesAfterBuildDoNotLeakIntoTheProblem() {
    Problem.Builder b = Problem.builder(400).extension("a", 1);
    Problem p = b.build();
    b.extension("b", 2).detail("later");
    assertThat(p.extensions()).containsOnlyKeys("a");
    assertThat(p.detail()).isNull();
  }

  @Test
  void equalsAndHashCodeCoverEveryMember() {
    Problem a = full().build();
    Problem b = full().build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(full().type("https://example.com/other").build());
    assertThat(a).isNotEqualTo(full().title("Other").build());
    assertThat(a).isNotEqualTo(full().detail("other").build());
    assertThat(a).isNotEqualTo(full().instance("/other").build());
    assertThat(a).isNotEqualTo(full().extension("k", "other").build());
    assertThat(a).isNotEqualTo(full().extension("more", 1).build());
    assertThat(a).isNotEqualTo(Problem.builder(410).type("https://example.com/p").build());
    assertThat(Problem.of(404)).isEqualTo(Problem.of(404)).isNotEqualTo(Problem.of(410));
    assertThat(Problem.builder(400).title(null).build())
        .isEqualTo(Problem.builder(400).title(null).build())
        .isNotEqualTo(Problem.of(400));
    assertThat(a).isNotEqualTo("not a problem");
  }

  private static Problem.Builder full() {
    return Problem.builder(409)
        .type("https://example.com/p")
        .title("T")
        .detail("d")
        .instance("/i")
        .extension("k", "v");
  }

  @Test
  void toBuilderRoundTrips() throws Exception {
    Problem p = full().extension("n", 3).build();

    Problem copy = p.toBuilder().build();

    assertThat(copy).isEqualTo(p).isNotSameAs(p);
    assertThat(copy.extensions().keySet()).containsExactly("k", "n");
    assertThat(renderer.render(copy)).isEqualTo(renderer.render(p));
    Problem changed = p.toBuilder().detail("changed").build();
    assertThat(changed.detail()).isEqualTo("changed");
    assertThat(changed.status()).isEqualTo(409);
    assertThat(changed.type()).isEqualTo("https://example.com/p");
    assertThat(changed.extensions()).isEqualTo(p.extensions());
    assertThat(p.detail()).isEqualTo("d");
  }

  @Test
  void toBuilderKeepsAnOmittedTitleOmitted() {
    Problem p = Problem.builder(400).title(null).build();
    assertThat(p.toBuilder().build().title()).isNull();
  }

  @Test
  void problemExceptionCarriesProblemAndHeaders() {
    ProblemException e = ProblemException.of(429, "slow down", "Retry-After", "7", "X-A", "1");

    assertThat(e.problem().status()).isEqualTo(429);
    assertThat(e.problem().detail()).isEqualTo("slow down");
    assertThat(e.headers()).containsEntry("Retry-After", List.of("7"));
    assertThat(e.headers()).containsEntry("X-A", List.of("1"));
    assertThat(e.getMessage()).isEqualTo("429 slow down");
    assertThatThrownBy(() -> e.headers().put("X", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ProblemException.of(400, "d", "Lonely"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exceptionsCannotBeExtensionMembers() {
    assertThatThrownBy(
            () -> Problem.builder(400).extension("cause", new IllegalStateException("secret")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cause");
  }

  @Test
  void valuesJacksonCannotRenderAreWrittenAsText() throws Exception {
    java.time.Instant at = java.time.Instant.parse("2026-01-02T03:04:05Z");
    JsonNode n =
        render(
            Problem.builder(409)
                .extension("at", at)
                .extension("maybe", java.util.Optional.of("x"))
                .extension("count", 3)
                .build());
    assertThat(n.get("at").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(n.get("maybe").isTextual()).isTrue();
    assertThat(n.get("count").asInt()).isEqualTo(3);
  }
}
