package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restatus.core.RulesTest.Req;
import dev.restatus.core.RulesTest.Resp;
import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.Restatus;
import dev.restatus.core.internal.http.EntityTag;
import dev.restatus.core.internal.http.HttpDates;
import dev.restatus.core.internal.http.Preconditions;
import dev.restatus.core.internal.http.Preconditions.Outcome;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditional requests: entity tags, the evaluation order of RFC 9110 section 13.2.2, the rule. */
class ConditionalTest {

  private static final EntityTag V1 = new EntityTag("v1", false);
  private static final Instant CHANGED = HttpDates.parse("Tue, 01 Dec 2026 10:00:00 GMT").get();
  private static final String BEFORE = "Mon, 30 Nov 2026 10:00:00 GMT";
  private static final String AFTER = "Wed, 02 Dec 2026 10:00:00 GMT";

  private final Restatus engine =
      Restatus.create(
          RestatusConfig.of(Map.of("restatus.precondition-required", "/orders/**")), null);

  @AfterEach
  void close() {
    engine.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"a\"' | \"a\"",
        "'W/\"a\"' | W/\"a\"",
        "'\"a\", W/\"b\" ,,\"\"' | \"a\", W/\"b\", \"\"",
        "'  \"x!#~\"  ' | \"x!#~\"",
      })
  void entityTagListsParse(String value, String printed) {
    List<EntityTag> tags = EntityTag.parseList(value);
    assertThat(String.join(", ", tags.stream().map(EntityTag::toString).toList()))
        .isEqualTo(printed);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {"'\"unterminated'", "a", "'w/\"a\"'", "'\"a\" \"b\"'", "','", "'\"a b\"'", "''"})
  void malformedEntityTagListsAreRefused(String value) {
    assertThatThrownBy(() -> EntityTag.parseList(value))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void starIsAnyAndStrongAndWeakComparisonsDiffer() {
    assertThat(EntityTag.parseList(" * ")).isSameAs(EntityTag.ANY);
    assertThat(new EntityTag("a", true).weakMatch(new EntityTag("a", false))).isTrue();
    assertThat(new EntityTag("a", true).strongMatch(new EntityTag("a", false))).isFalse();
    assertThat(EntityTag.parseETag("123")).isNull();
    assertThat(EntityTag.parseETag(" \"123\" ")).isEqualTo(new EntityTag("123", false));
  }

  @Property
  void anyListThatParsesPrintsBackToItself(@ForAll String value) {
    List<EntityTag> tags;
    try {
      tags = EntityTag.parseList(value);
    } catch (IllegalArgumentException e) {
      return;
    }
    if (tags != EntityTag.ANY) {
      String printed = String.join(",", tags.stream().map(EntityTag::toString).toList());
      assertThat(EntityTag.parseList(printed)).isEqualTo(tags);
    }
  }

  /** The evaluation order of RFC 9110 section 13.2.2, one row per branch. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // method | If-Match | If-Unmodified-Since | If-None-Match | If-Modified-Since | outcome
        "GET | - | - | - | - | PROCEED",
        "GET | - | - | '\"v1\"' | - | NOT_MODIFIED",
        "GET | - | - | 'W/\"v1\"' | - | NOT_MODIFIED",
        "GET | - | - | '\"v0\"' | AFTER | PROCEED",
        "GET | - | - | - | AFTER | NOT_MODIFIED",
        "GET | - | - | - | BEFORE | PROCEED",
        "GET | - | - | - | garbage | PROCEED",
        "GET | '\"v0\"' | - | - | - | FAILED",
        "GET | 'W/\"v1\"' | - | - | - | FAILED",
        "GET | '\"v1\"' | BEFORE | - | - | PROCEED",
        "GET | - | BEFORE | - | - | FAILED",
        "GET | - | AFTER | - | - | PROCEED",
        "GET | * | - | * | - | NOT_MODIFIED",
        "PUT | '\"v1\"' | - | - | - | PROCEED",
        "PUT | '\"v0\"' | - | - | - | FAILED",
        "PUT | - | - | * | - | FAILED",
        "PUT | - | - | - | AFTER | PROCEED",
        "DELETE | - | garbage | - | - | PROCEED",
      })
  void theEvaluationOrderOfRfc9110(
      String method, String ifMatch, String ius, String inm, String ims, Outcome outcome) {
    Map<String, String> h = new HashMap<>();
    put(h, "If-Match", ifMatch);
    put(h, "If-Unmodified-Since", ius);
    put(h, "If-None-Match", inm);
    put(h, "If-Modified-Since", ims);
    assertThat(
            Preconditions.evaluate(method, h::get, new Preconditions.Validators(true, V1, CHANGED)))
        .isEqualTo(outcome);
  }

  private static void put(Map<String, String> h, String name, String v) {
    if (v != null) {
      h.put(name, v.equals("AFTER") ? AFTER : v.equals("BEFORE") ? BEFORE : v);
    }
  }

  @Test
  void aMissingResourceMatchesNoStar() {
    Preconditions.Validators none = new Preconditions.Validators(false, null, null);
    assertThat(Preconditions.evaluate("PUT", Map.of("If-None-Match", "*")::get, none))
        .isEqualTo(Outcome.PROCEED);
    assertThat(Preconditions.evaluate("PUT", Map.of("If-Match", "*")::get, none))
        .isEqualTo(Outcome.FAILED);
  }

  private static Req req(String method, String path, String... headers) {
    Map<String, String> h = new HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      h.put(headers[i], headers[i + 1]);
    }
    return new Req(method, path, h, Set.of());
  }

  private static Resp versioned() {
    return Resp.of(200)
        .body("text/plain")
        .header("ETag", "\"v1\"")
        .header("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT")
        .header("Content-Language", "en")
        .header("Cache-Control", "max-age=60");
  }

  @Test
  void aMatchingReadIsA304WithoutRepresentationMetadata() {
    Decision d = engine.onResponse(req("GET", "/x", "If-None-Match", "\"v1\""), versioned());
    assertThat(d).isInstanceOf(Decision.Drop.class);
    assertThat(d.status()).isEqualTo(304);
    assertThat(d.headers().remove())
        .contains("Content-Type", "Content-Length", "Content-Language", "Last-Modified")
        .doesNotContain("ETag", "Cache-Control", "Vary", "Expires", "Content-Location", "Date");
  }

  @Test
  void withoutAnETagLastModifiedStaysOnA304() {
    Resp r = Resp.of(200).body("text/plain").header("Last-Modified", BEFORE);
    Decision d = engine.onResponse(req("GET", "/x", "If-Modified-Since", AFTER), r);
    assertThat(d.status()).isEqualTo(304);
    assertThat(d.headers().remove()).doesNotContain("Last-Modified");
  }

  @Test
  void onlyA200ToAReadIsEvaluated() {
    assertThat(engine.onResponse(req("GET", "/x", "If-None-Match", "*"), Resp.of(201)).status())
        .isEqualTo(201);
    Resp put = Resp.of(200).header("ETag", "\"v1\"");
    assertThat(engine.onResponse(req("PUT", "/x", "If-None-Match", "*"), put).status())
        .isEqualTo(200);
    Resp noValidator = Resp.of(200).body("text/plain");
    assertThat(engine.onResponse(req("GET", "/x", "If-None-Match", "*"), noValidator).status())
        .isEqualTo(200);
  }

  @Test
  void aMalformedListOnAReadWithAValidatorIsA400() {
    Decision d = engine.onResponse(req("GET", "/x", "If-Match", "v1"), versioned());
    assertThat(d).isInstanceOf(Decision.Replace.class);
    assertThat(d.status()).isEqualTo(400);
  }

  @Test
  void anInvalidDateOrANonStarIfNoneMatchMakesNoWriteConditional() {
    assertThat(
            engine
                .onRequest(req("PUT", "/orders/1", "If-Unmodified-Since", "garbage"))
                .orElseThrow()
                .status())
        .isEqualTo(428);
    assertThat(
            engine
                .onRequest(req("PUT", "/orders/1", "If-None-Match", "\"abc\""))
                .orElseThrow()
                .status())
        .isEqualTo(428);
  }

  @Test
  void anErrorMadeOfASuccessLosesItsCachingFields() {
    Resp r = versioned().header("Expires", "Thu, 01 Jan 2099 00:00:00 GMT");
    Decision failed = engine.onResponse(req("GET", "/x", "If-Match", "\"x\""), r);
    assertThat(failed.status()).isEqualTo(412);
    assertThat(failed.headers().remove()).contains("Cache-Control", "Expires");
    Decision malformed = engine.onResponse(req("GET", "/x", "If-None-Match", "v1"), versioned());
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.headers().remove()).contains("Cache-Control");
  }

  @Test
  void writesOnRequiredPathsNeedAPrecondition() {
    assertThat(engine.onRequest(req("PUT", "/orders/1")).orElseThrow().status()).isEqualTo(428);
    assertThat(engine.onRequest(req("PATCH", "/orders/1")).orElseThrow().status()).isEqualTo(428);
    assertThat(engine.onRequest(req("DELETE", "/orders/1")).orElseThrow().status()).isEqualTo(428);
    assertThat(engine.onRequest(req("POST", "/orders/1"))).isEmpty();
    assertThat(engine.onRequest(req("PUT", "/other"))).isEmpty();
    assertThat(engine.onRequest(req("PUT", "/orders/1", "If-Match", "\"v1\""))).isEmpty();
    assertThat(engine.onRequest(req("PUT", "/orders/1", "If-Unmodified-Since", BEFORE))).isEmpty();
    assertThat(engine.onRequest(req("PUT", "/orders/1", "If-None-Match", "*"))).isEmpty();
    assertThat(engine.onRequest(req("DELETE", "/orders/1", "If-None-Match", "*"))).isPresent();
    assertThat(engine.onRequest(req("PUT", "/orders/1", "If-Match", "v1")).orElseThrow().status())
        .isEqualTo(400);
  }

  /** A request whose resource's current state the adapter knows. */
  private static dev.restatus.core.adapter.RequestView knowing(
      ResourceState state, String method, String... headers) {
    Req r = req(method, "/x", headers);
    return new dev.restatus.core.adapter.RequestView() {
      @Override
      public String method() {
        return r.method();
      }

      @Override
      public String path() {
        return r.path();
      }

      @Override
      public String header(String name) {
        return r.header(name);
      }

      @Override
      public java.util.Optional<ResourceState> currentState() {
        return java.util.Optional.ofNullable(state);
      }
    };
  }

  @Test
  void aConditionalWriteIsDecidedBeforeTheApplicationWhereTheStateIsKnown() {
    ResourceState v1 = ResourceState.of("\"v1\"", CHANGED);
    assertThat(engine.onRequest(knowing(v1, "PUT", "If-Match", "\"v0\"")).orElseThrow().status())
        .isEqualTo(412);
    assertThat(engine.onRequest(knowing(v1, "PUT", "If-Match", "\"v1\""))).isEmpty();
    assertThat(engine.onRequest(knowing(v1, "POST", "If-Match", "W/\"v1\"")).orElseThrow().status())
        .isEqualTo(412);
    assertThat(engine.onRequest(knowing(v1, "PUT", "If-None-Match", "*")).orElseThrow().status())
        .isEqualTo(412);
    assertThat(engine.onRequest(knowing(ResourceState.missing(), "PUT", "If-None-Match", "*")))
        .isEmpty();
    assertThat(
            engine
                .onRequest(knowing(v1, "DELETE", "If-Unmodified-Since", BEFORE))
                .orElseThrow()
                .status())
        .isEqualTo(412);
    // unknown state: the application sees the headers
    assertThat(engine.onRequest(knowing(null, "PUT", "If-Match", "\"v0\""))).isEmpty();
    // reads and unconditional writes ask nothing
    assertThat(engine.onRequest(knowing(v1, "GET", "If-Match", "\"v0\""))).isEmpty();
    assertThat(engine.onRequest(knowing(v1, "PUT"))).isEmpty();
  }

  @Test
  void whatASubRequestSaysOfTheState() {
    assertThat(engine.stateFrom(404, null, null)).contains(ResourceState.missing());
    assertThat(engine.stateFrom(410, null, null)).contains(ResourceState.missing());
    assertThat(engine.stateFrom(200, "\"a\"", "Tue, 01 Dec 2026 10:00:00 GMT"))
        .contains(ResourceState.of("\"a\"", CHANGED));
    assertThat(engine.stateFrom(200, null, "garbage")).contains(ResourceState.of(null, null));
    assertThat(engine.stateFrom(405, null, null)).isEmpty();
    assertThat(engine.stateFrom(500, null, null)).isEmpty();
    assertThat(engine.stateFrom(302, null, null)).isEmpty();
  }
}
