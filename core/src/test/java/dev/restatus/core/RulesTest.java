package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.Failure;
import dev.restatus.core.adapter.RequestView;
import dev.restatus.core.adapter.ResponseView;
import dev.restatus.core.adapter.Restatus;
import dev.restatus.core.internal.rules.Finding;
import dev.restatus.core.internal.rules.Findings;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.InputMismatchException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  // The rules log 5xx failures with their stack at ERROR and report findings at WARNING; keep the
  // build output readable, and put the level back for whatever runs next in this JVM.
  private static final Logger LOG = Logger.getLogger("dev.restatus");
  private static Level savedLevel;

  @BeforeAll
  static void quiet() {
    savedLevel = LOG.getLevel();
    LOG.setLevel(Level.OFF);
  }

  @AfterAll
  static void restoreLogging() {
    LOG.setLevel(savedLevel);
  }

  // --- test doubles ---------------------------------------------------------------------------

  record Req(String method, String path, Map<String, String> headers, Set<String> allowedMethods)
      implements RequestView {

    static Req of(String method, String path) {
      return new Req(method, path, Map.of(), Set.of());
    }

    Req allowing(String... methods) {
      return new Req(method, path, headers, Set.of(methods));
    }

    @Override
    public String header(String name) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
      return null;
    }
  }

  static final class Resp implements ResponseView {
    private final int status;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private boolean hasBody;
    private String errorMessage;
    private boolean errorSent;
    private boolean errorPage;

    private Resp(int status) {
      this.status = status;
    }

    static Resp of(int status) {
      return new Resp(status);
    }

    Resp header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** The application wrote a body of this type. */
    Resp body(String contentType) {
      hasBody = true;
      return header("Content-Type", contentType);
    }

    /** The application has its own error page for this {@code sendError} status. */
    Resp withErrorPage() {
      errorPage = true;
      return this;
    }

    @Override
    public boolean hasErrorPage() {
      return errorPage;
    }

    /** A servlet {@code sendError(status, message)}. */
    Resp sendError(String message) {
      errorSent = true;
      errorMessage = message;
      return this;
    }

    @Override
    public int status() {
      return status;
    }

    @Override
    public String header(String name) {
      return headers.get(name);
    }

    @Override
    public String contentType() {
      return headers.get("Content-Type");
    }

    @Override
    public boolean hasBody() {
      return hasBody;
    }

    @Override
    public String errorMessage() {
      return errorMessage;
    }

    @Override
    public boolean errorSent() {
      return errorSent;
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  private Restatus engine;

  @AfterEach
  void close() {
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

  private Decision respond(Restatus r, String method, String path, Resp resp) {
    return r.onResponse(Req.of(method, path), resp);
  }

  private static JsonNode json(Decision d) throws Exception {
    return JSON.readTree(replaced(d).bytes());
  }

  /** The decision, checked to be a replacement by a problem. */
  private static Decision.Replace replaced(Decision d) {
    assertThat(d).isInstanceOf(Decision.Replace.class);
    return (Decision.Replace) d;
  }

  /** A generated problem checked for consistency: status, error id in body and header. */
  private static JsonNode problem(Decision d) throws Exception {
    JsonNode n = json(d);
    assertThat(replaced(d).contentType()).isEqualTo("application/problem+json");
    assertThat(n.get("status").asInt()).isEqualTo(d.status());
    assertThat(replaced(d).problem().status()).isEqualTo(d.status());
    String id = d.headers().first(Restatus.ERROR_ID_HEADER);
    assertThat(id).isNotBlank();
    assertThat(n.get(Restatus.ERROR_ID_MEMBER).asText()).isEqualTo(id);
    assertThat(d.headers().remove()).contains("Content-Length");
    return n;
  }

  private static ObjectNode withoutErrorId(JsonNode n) {
    ObjectNode copy = n.deepCopy();
    copy.remove(Restatus.ERROR_ID_MEMBER);
    return copy;
  }

  // --- error bodies ---------------------------------------------------------------------------

  @Nested
  class Bodies {

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 418, 422, 500, 502, 599})
    void errorWithoutBodyGetsAProblem(int status) throws Exception {
      Decision d = respond(restatus(), "GET", "/x", Resp.of(status));

      assertThat(d.status()).isEqualTo(status);
      JsonNode n = problem(d);
      assertThat(n.get("type").asText()).isEqualTo("about:blank");
      assertThat(n.get("title").asText()).isEqualTo(StatusCatalog.reason(status));
    }

    @Test
    void errorIdsDifferPerOccurrence() throws Exception {
      Restatus r = restatus();
      String a = problem(respond(r, "GET", "/x", Resp.of(404))).get("errorId").asText();
      String b = problem(respond(r, "GET", "/x", Resp.of(404))).get("errorId").asText();
      assertThat(a).isNotEqualTo(b);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "application/problem+json; charset=utf-8",
          "application/problem+json",
          "Application/Problem+JSON;charset=UTF-8"
        })
    void problemJsonBodyOfTheApplicationIsKept(String contentType) {
      Decision d = respond(restatus(), "GET", "/x", Resp.of(400).body(contentType));

      assertThat(d.changesNothing(400)).isTrue();
      assertThat(d).isNotInstanceOf(Decision.Replace.class);
    }

    @Test
    void problemJsonIsNotKeptAfterSendError() throws Exception {
      Decision d =
          respond(
              restatus(),
              "GET",
              "/x",
              Resp.of(400).body("application/problem+json; charset=utf-8").sendError(null));

      assertThat(problem(d).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void problemJsonContentTypeWithoutBodyGetsAProblem() throws Exception {
      Resp resp = Resp.of(400).header("Content-Type", "application/problem+json");

      assertThat(problem(respond(restatus(), "GET", "/x", resp)).get("status").asInt())
          .isEqualTo(400);
    }

    @Test
    void configuredTypeIsKept() throws Exception {
      Restatus r = restatus("restatus.keep-error-bodies", "application/vnd.legacy+json");

      Decision kept = respond(r, "GET", "/x", Resp.of(422).body("application/vnd.legacy+json"));
      Decision replaced = respond(r, "GET", "/x", Resp.of(422).body("application/json"));

      assertThat(kept).isInstanceOf(Decision.Keep.class);
      assertThat(kept.changesNothing(422)).isTrue();
      problem(replaced);
    }

    @Test
    void wildcardTypeIsKept() throws Exception {
      Restatus r = restatus("restatus.keep-error-bodies", "application/*");

      assertThat(respond(r, "GET", "/x", Resp.of(500).body("application/json")))
          .isInstanceOf(Decision.Keep.class);
      assertThat(respond(r, "GET", "/x", Resp.of(409).body("application/vnd.legacy+json;v=2")))
          .isInstanceOf(Decision.Keep.class);
      problem(respond(r, "GET", "/x", Resp.of(409).body("text/html")));
      problem(respond(r, "GET", "/x", Resp.of(409).body("applicationx/json")));
    }

    @Test
    void htmlErrorPageIsReplaced() throws Exception {
      Decision d = respond(restatus(), "GET", "/x", Resp.of(404).body("text/html;charset=UTF-8"));

      JsonNode n = problem(d);
      assertThat(n.get("status").asInt()).isEqualTo(404);
      assertThat(n.get("title").asText()).isEqualTo("Not Found");
    }

    @Test
    void successBodiesAreNotTouched() {
      Decision d = respond(restatus(), "GET", "/x", Resp.of(200).body("text/html"));

      assertThat(d.changesNothing(200)).isTrue();
      assertThat(d.status()).isEqualTo(200);
    }
  }

  // --- details --------------------------------------------------------------------------------

  @Nested
  class Details {

    @Test
    void serverErrorDetailIsAGenericSentenceWithTheErrorId() throws Exception {
      Decision d =
          respond(
              restatus(),
              "GET",
              "/x",
              Resp.of(500).sendError("java.sql.SQLException: password=hunter2"));

      JsonNode n = problem(d);
      String id = n.get("errorId").asText();
      String detail = n.get("detail").asText();
      assertThat(detail).contains(id).doesNotContain("hunter2").doesNotContain("SQLException");
    }

    @Test
    void sendErrorMessageIsTheDetailOfAClientError() throws Exception {
      Decision d =
          respond(restatus(), "GET", "/x", Resp.of(400).sendError("quantity must be positive"));

      assertThat(problem(d).get("detail").asText()).isEqualTo("quantity must be positive");
    }

    @Test
    void sendErrorMessageIsHiddenWhenClientErrorDetailsAreOff() throws Exception {
      Decision d =
          respond(
              restatus("restatus.client-error-details", "false"),
              "GET",
              "/x",
              Resp.of(400).sendError("quantity must be positive"));

      assertThat(problem(d).has("detail")).isFalse();
      assertThat(replaced(d).problem().detail()).isNull();
    }

    @Test
    void sendErrorMessageIsNeverTheDetailOfAServerError() throws Exception {
      Decision d =
          respond(
              restatus("restatus.server-error-details", "true"),
              "GET",
              "/x",
              Resp.of(503).sendError("db at 10.0.0.7 down"));

      assertThat(problem(d).get("detail").asText()).doesNotContain("10.0.0.7");
    }
  }

  // --- conceal forbidden ----------------------------------------------------------------------

  @Nested
  class ConcealForbidden {

    @Test
    void concealed403IsExactlyThe404OfAMissingResource() throws Exception {
      Restatus r = restatus("restatus.conceal-forbidden", "/admin/**");

      Decision concealed =
          respond(
              r,
              "GET",
              "/admin/x",
              Resp.of(403)
                  .body("application/problem+json")
                  .header("Content-Length", "87")
                  .sendError("user bob lacks role admin"));
      Decision missing = respond(r, "GET", "/admin/y", Resp.of(404));

      assertThat(concealed.status()).isEqualTo(404);
      JsonNode a = problem(concealed);
      JsonNode b = problem(missing);
      assertThat(withoutErrorId(a)).isEqualTo(withoutErrorId(b));
      assertThat(a.toString()).doesNotContain("bob").doesNotContain("Forbidden");
      assertThat(replaced(concealed).contentType()).isEqualTo(replaced(missing).contentType());
      assertThat(concealed.headers().set().keySet()).isEqualTo(missing.headers().set().keySet());
    }

    @Test
    void concealed403WithKeptProblemBodyIsReplaced() throws Exception {
      Restatus r = restatus("restatus.conceal-forbidden", "/admin/**");

      Decision concealed =
          respond(
              r, "GET", "/admin/x", Resp.of(403).body("application/problem+json; charset=utf-8"));
      Decision missing = respond(r, "GET", "/admin/y", Resp.of(404));

      assertThat(concealed.status()).isEqualTo(404);
      assertThat(withoutErrorId(problem(concealed))).isEqualTo(withoutErrorId(problem(missing)));
      assertThat(replaced(concealed).problem().detail()).isNull();
    }

    @Test
    void forbiddenOutsideThePatternStaysForbidden() throws Exception {
      Restatus r = restatus("restatus.conceal-forbidden", "/admin/**");

      Decision d = respond(r, "GET", "/administrator", Resp.of(403).sendError("nope"));

      assertThat(d.status()).isEqualTo(403);
      JsonNode n = problem(d);
      assertThat(n.get("title").asText()).isEqualTo("Forbidden");
      assertThat(n.get("detail").asText()).isEqualTo("nope");
    }

    @Test
    void nothingIsConcealedByDefault() {
      assertThat(respond(restatus(), "GET", "/admin/x", Resp.of(403)).status()).isEqualTo(403);
    }

    @Test
    void everyTellingStatusOnAConcealedPathIsTheSameCanonicalNotFound() throws Exception {
      Restatus r =
          restatus(
              "restatus.conceal-forbidden",
              "/admin/**",
              "restatus.conceal-forbidden.safe-headers",
              "Strict-Transport-Security");
      Decision missing = respond(r, "GET", "/admin/y", Resp.of(404).sendError("no /admin/y"));
      for (int status : new int[] {403, 404, 405, 501}) {
        Decision d =
            respond(
                r,
                "PUT",
                "/admin/x",
                Resp.of(status).header("Allow", "GET").header("X-Admin", "1").body("text/html"));
        assertThat(d.status()).as("%d", status).isEqualTo(404);
        assertThat(d.headers().keepOnly()).containsExactly("strict-transport-security");
        assertThat(d.headers().set()).containsOnlyKeys(Restatus.ERROR_ID_HEADER);
        assertThat(withoutErrorId(problem(d))).isEqualTo(withoutErrorId(problem(missing)));
      }
      assertThat(missing.headers().keepOnly()).isEqualTo(Set.of("strict-transport-security"));
      assertThat(problem(missing).has("detail")).as("no container detail").isFalse();
    }

    @Test
    void mediaTypeRefusalsAndHttp10MethodRefusalsAreConcealedToo() {
      Restatus r = restatus("restatus.conceal-forbidden", "/admin/**");
      assertThat(respond(r, "GET", "/admin/x", Resp.of(406)).status()).isEqualTo(404);
      assertThat(respond(r, "POST", "/admin/x", Resp.of(415)).status()).isEqualTo(404);
      assertThat(respond(r, "POST", "/admin/x", Resp.of(400)).status())
          .as("an HTTP/1.1 400 is the application's")
          .isEqualTo(400);
      RequestView http10 =
          new RequestView() {
            @Override
            public String method() {
              return "POST";
            }

            @Override
            public String path() {
              return "/admin/x";
            }

            @Override
            public String header(String name) {
              return null;
            }

            @Override
            public String protocol() {
              return "HTTP/1.0";
            }
          };
      assertThat(r.onResponse(http10, Resp.of(400)).status())
          .as("HttpServlet's HTTP/1.0 answer to a method it lacks")
          .isEqualTo(404);
    }

    @Test
    void theCanonicalNotFoundCarriesNoAllowEvenFromAnOptionsAnswer() {
      Restatus r = restatus("restatus.conceal-forbidden", "/admin/**");
      Decision d =
          respond(r, "OPTIONS", "/admin/x", Resp.of(403).header("Allow", "GET, TRACE, PROPFIND"));
      assertThat(d.status()).isEqualTo(404);
      assertThat(d.headers().set()).doesNotContainKey("Allow");
    }

    @Test
    void optionsOnAConcealedPathIsAnsweredBeforeTheApplication() throws Exception {
      Restatus r = restatus("restatus.conceal-forbidden", "/admin/**");
      Decision d = r.onRequest(Req.of("OPTIONS", "/admin/x")).orElseThrow();
      assertThat(d.status()).isEqualTo(404);
      assertThat(d.headers().keepOnly()).isEmpty();
      assertThat(r.onRequest(Req.of("OPTIONS", "/public"))).isEmpty();
      assertThat(r.onRequest(Req.of("GET", "/admin/x"))).isEmpty();
    }

    @Test
    void theRulesRunInTheirOrder() throws Exception {
      Restatus r = restatus("restatus.conceal-forbidden", "/admin/**");
      // the 501 comes before concealment: the same for an existing and a missing resource
      assertThat(r.onRequest(Req.of("PROPFIND", "/admin/x")).orElseThrow().status()).isEqualTo(501);
      assertThat(r.onRequest(Req.of("OPTIONS", "/admin/x")).orElseThrow().status()).isEqualTo(404);
      // concealment comes before the header rules and the body rule
      Decision d = respond(r, "GET", "/admin/x", Resp.of(405).body("application/problem+json"));
      assertThat(d.headers().set()).doesNotContainKey("Allow");
      assertThat(d).isInstanceOf(Decision.Replace.class);
    }

    @Test
    void otherStatusesOnAConcealedPathAreLeftAlone() {
      Restatus r = restatus("restatus.conceal-forbidden", "/admin/**");
      assertThat(respond(r, "GET", "/admin/x", Resp.of(200)).status()).isEqualTo(200);
      assertThat(respond(r, "GET", "/admin/x", Resp.of(401)).status()).isEqualTo(401);
      assertThat(respond(r, "GET", "/admin/x", Resp.of(500)).status()).isEqualTo(500);
    }
  }

  @Nested
  class AllowOnOtherResponses {

    @Test
    void noAllowIsInventedWhenTheMethodsCannotBeKnown() {
      Decision d = respond(restatus(), "DELETE", "/x", Resp.of(405));
      assertThat(d.status()).isEqualTo(405);
      assertThat(d.headers().set()).doesNotContainKey("Allow");
    }

    @Test
    void anOptionsAnswerListsOnlyImplementedMethods() {
      Decision d =
          respond(restatus(), "OPTIONS", "/x", Resp.of(200).header("Allow", "GET, HEAD, TRACE"));
      assertThat(d.status()).isEqualTo(200);
      assertThat(d.headers().set()).containsEntry("Allow", List.of("GET, HEAD"));
      assertThat(d).isInstanceOf(Decision.Keep.class);
    }

    @Test
    void anAllowOfImplementedMethodsIsLeftAlone() {
      Decision d = respond(restatus(), "OPTIONS", "/x", Resp.of(200).header("Allow", "GET, POST"));
      assertThat(d.changesNothing(200)).isTrue();
    }
  }

  @Nested
  class Leaks {

    @Test
    void aServerErrorBodyShowingInternalsIsReplacedInEnforceMode() {
      Restatus r = restatus();
      for (String leak :
          List.of(
              "java.lang.IllegalStateException: pw=1",
              "NullPointerException: x was null",
              "\tat com.acme.Db.query(Db.java:42)",
              "at com.acme.Db.query(Native Method)",
              "Caused by: something",
              "{\"trace\":\"com.acme.OrderFailure: card\\n\\tat com.acme.Orders.place(Orders.java:42)\"}",
              "com.acme.billing.CardDeclined: 4111")) {
        assertThat(r.inspect(Req.of("GET", "/x"), 500, leak)).as(leak).isPresent();
      }
      assertThat(r.inspect(Req.of("GET", "/x"), 500, "{\"error\":\"legacy shape\"}")).isEmpty();
      assertThat(r.inspect(Req.of("GET", "/x"), 404, "java.lang.IllegalStateException")).isEmpty();
    }

    @Test
    void aLeakIsOnlyRecordedInReportMode() {
      Restatus r = restatus("restatus.mode", "report");
      assertThat(r.inspect(Req.of("GET", "/x"), 500, "java.lang.IllegalStateException")).isEmpty();
      assertThat(r.unseenErrorBody(Req.of("GET", "/x"), 500, "set after its body had started"))
          .isEmpty();
      assertThat(r.findings().getTotal()).isEqualTo(2);
    }

    @Test
    void aBodyStartedBeforeItsServerErrorStatusIsReplaced() throws Exception {
      Decision d =
          restatus()
              .unseenErrorBody(Req.of("GET", "/x"), 503, "set after its body had started")
              .orElseThrow();
      assertThat(d.status()).isEqualTo(503);
      assertThat(problem(d).path("detail").asText()).startsWith("The server could not");
    }

    @Test
    void aRangeErrorKeepsItsContentRange() {
      Decision d =
          respond(restatus(), "GET", "/f", Resp.of(416).header("Content-Range", "bytes */100"));
      assertThat(d.headers().remove()).doesNotContain("Content-Range").contains("ETag");
      assertThat(replaced(d).problem().title()).isEqualTo("Range Not Satisfiable");
    }
  }

  // --- required headers -----------------------------------------------------------------------

  @Nested
  class Challenge {

    @Test
    void unauthorizedGetsBearerChallenge() throws Exception {
      Decision d = respond(restatus(), "GET", "/x", Resp.of(401));

      assertThat(d.status()).isEqualTo(401);
      assertThat(d.headers().set())
          .containsEntry("WWW-Authenticate", List.of("Bearer realm=\"api\""));
      problem(d);
    }

    @Test
    void challengeIsConfigurable() {
      Decision d =
          respond(
              restatus("restatus.authenticate", "Basic realm=\"api\""), "GET", "/x", Resp.of(401));

      assertThat(d.headers().set())
          .containsEntry("WWW-Authenticate", List.of("Basic realm=\"api\""));
    }

    @Test
    void applicationChallengeIsKept() {
      Decision d =
          respond(
              restatus(),
              "GET",
              "/x",
              Resp.of(401).header("www-authenticate", "Digest realm=\"x\""));

      assertThat(d.headers().set().keySet()).noneMatch(k -> k.equalsIgnoreCase("WWW-Authenticate"));
      assertThat(d.headers().remove()).noneMatch(k -> k.equalsIgnoreCase("WWW-Authenticate"));
    }

    @Test
    void otherStatusesGetNoChallenge() {
      assertThat(respond(restatus(), "GET", "/x", Resp.of(403)).headers().set())
          .doesNotContainKey("WWW-Authenticate");
    }
  }

  @Nested
  class Allow {

    @Test
    void allowComesFromDiscoveredMethodsLimitedToImplementedOnes() throws Exception {
      Decision d =
          restatus()
              .onResponse(
                  Req.of("DELETE", "/things/1").allowing("GET", "PUT", "DELETE", "PROPFIND"),
                  Resp.of(405));

      assertThat(d.status()).isEqualTo(405);
      String allow = d.headers().first("Allow");
      assertThat(methods(allow)).containsExactlyInAnyOrder("GET", "PUT");
      problem(d);
    }

    @Test
    void customImplementedMethodsLimitTheAllowHeader() {
      Decision d =
          restatus("restatus.methods", "GET POST PROPFIND")
              .onResponse(
                  Req.of("POST", "/things/1").allowing("GET", "PUT", "POST", "PROPFIND"),
                  Resp.of(405));

      assertThat(methods(d.headers().first("Allow"))).containsExactlyInAnyOrder("GET", "PROPFIND");
    }

    @Test
    void rejectedMethodIsRemovedFromTheApplicationsAllow() {
      Decision d =
          respond(restatus(), "PUT", "/things/1", Resp.of(405).header("Allow", "GET, put,HEAD"));

      assertThat(methods(d.headers().first("Allow"))).containsExactlyInAnyOrder("GET", "HEAD");
    }

    @Test
    void applicationsAllowWithoutTheRejectedMethodIsKept() {
      Decision d =
          respond(restatus(), "PUT", "/things/1", Resp.of(405).header("Allow", "GET, HEAD"));

      assertThat(d.headers().set()).doesNotContainKey("Allow");
      assertThat(d.headers().remove()).doesNotContain("Allow");
    }

    @Test
    void overrideWinsOverTheApplicationAndDiscovery() {
      Restatus r = restatus("restatus.allow./things/*", "GET,PUT");

      Decision d =
          r.onResponse(
              Req.of("POST", "/things/1").allowing("GET", "POST", "DELETE"),
              Resp.of(405).header("Allow", "DELETE"));

      assertThat(methods(d.headers().first("Allow"))).containsExactly("GET", "PUT");
    }

    @Test
    void overrideNeverListsTheRejectedMethod() {
      Restatus r = restatus("restatus.allow./things/*", "GET,PUT");

      Decision d = r.onResponse(Req.of("PUT", "/things/1"), Resp.of(405));

      assertThat(methods(d.headers().first("Allow"))).containsExactly("GET");
    }

    @Test
    void overrideOnlyAppliesWhereItsPatternMatches() {
      Restatus r = restatus("restatus.allow./things/*", "GET,PUT");

      Decision d =
          r.onResponse(Req.of("PUT", "/things/1/parts").allowing("GET", "DELETE"), Resp.of(405));

      assertThat(methods(d.headers().first("Allow"))).containsExactlyInAnyOrder("GET", "DELETE");
    }

    @Test
    void longestMatchingOverrideWins() {
      Restatus r =
          restatus(
              "restatus.allow./**", "GET",
              "restatus.allow./things/*", "GET,PUT",
              "restatus.allow./things/special", "DELETE");

      assertThat(r.onResponse(Req.of("POST", "/things/1"), Resp.of(405)).headers().set())
          .containsEntry("Allow", List.of("GET, PUT"));
      assertThat(r.onResponse(Req.of("POST", "/things/special"), Resp.of(405)).headers().set())
          .containsEntry("Allow", List.of("DELETE"));
      assertThat(r.onResponse(Req.of("POST", "/other"), Resp.of(405)).headers().set())
          .containsEntry("Allow", List.of("GET"));
    }

    @Test
    void allowOnlyOn405() {
      Decision d = restatus().onResponse(Req.of("GET", "/x").allowing("GET", "PUT"), Resp.of(400));

      assertThat(d.headers().set()).doesNotContainKey("Allow");
    }

    private List<String> methods(String allow) {
      assertThat(allow).isNotNull();
      return allow.isBlank() ? List.of() : List.of(allow.trim().split("\\s*,\\s*"));
    }
  }

  @Nested
  class RetryAfter {

    @ParameterizedTest
    @ValueSource(ints = {503, 429})
    void defaultRetryAfter(int status) {
      Decision d = respond(restatus(), "GET", "/x", Resp.of(status));

      assertThat(d.status()).isEqualTo(status);
      assertThat(d.headers().set()).containsEntry("Retry-After", List.of("120"));
    }

    @Test
    void retryAfterIsConfigurable() {
      assertThat(
              respond(restatus("restatus.retry-after", "5"), "GET", "/x", Resp.of(503))
                  .headers()
                  .set())
          .containsEntry("Retry-After", List.of("5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "0", "Wed, 21 Oct 2015 07:28:00 GMT", "Wed Oct 21 07:28:00 2015"})
    void validApplicationValueIsKept(String value) {
      for (int status : new int[] {503, 429}) {
        Decision d = respond(restatus(), "GET", "/x", Resp.of(status).header("Retry-After", value));

        assertThat(d.headers().set()).doesNotContainKey("Retry-After");
        assertThat(d.headers().remove()).doesNotContain("Retry-After");
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", "1.5", " ", "tomorrow at noon"})
    void invalidApplicationValueIsReplaced(String value) {
      Decision d = respond(restatus(), "GET", "/x", Resp.of(503).header("Retry-After", value));

      assertThat(d.headers().set()).containsEntry("Retry-After", List.of("120"));
    }

    @Test
    void otherStatusesGetNoRetryAfter() {
      assertThat(respond(restatus(), "GET", "/x", Resp.of(500)).headers().set())
          .doesNotContainKey("Retry-After");
    }
  }

  // --- no body --------------------------------------------------------------------------------

  @Nested
  class NoBody {

    @ParameterizedTest
    @ValueSource(ints = {204, 304})
    void bodyAndItsHeadersAreDropped(int status) {
      Decision d =
          respond(
              restatus(),
              "GET",
              "/x",
              Resp.of(status).body("application/json").header("Content-Length", "2"));

      assertThat(d.status()).isEqualTo(status);
      assertThat(d).isInstanceOf(Decision.Drop.class);
      assertThat(d.headers().remove()).containsExactlyInAnyOrder("Content-Length", "Content-Type");
      assertThat(d.headers().set()).isEmpty();
      assertThat(d).isNotInstanceOf(Decision.Replace.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 304})
    void headersAreRemovedEvenWhereTheViewDoesNotShowThem(int status) {
      // containers (Tomcat) keep Content-Type and Content-Length outside what getHeader reports
      Restatus r = restatus();
      Decision d = respond(r, "GET", "/x", Resp.of(status));

      assertThat(d).isInstanceOf(Decision.Drop.class);
      assertThat(d.headers().remove()).containsExactlyInAnyOrder("Content-Length", "Content-Type");
      assertThat(d.headers().set()).isEmpty();
      assertThat(r.findings().getTotal()).as("a clean %d is no finding", status).isZero();
    }

    @Test
    void bodyOrItsHeadersOnA204AreAFinding() {
      Restatus r = restatus();

      respond(r, "GET", "/x", Resp.of(204).header("content-length", "0"));

      assertThat(r.findings().getCounts().keySet())
          .singleElement()
          .satisfies(k -> assertThat(k).startsWith("no-body GET /x: 204"));
    }
  }

  // --- request rules --------------------------------------------------------------------------

  @Nested
  class Requests {

    @Test
    void unknownMethodIsAnswered501() throws Exception {
      Optional<Decision.Replace> d = restatus().onRequest(Req.of("PROPFIND", "/x"));

      assertThat(d).isPresent();
      assertThat(d.get().status()).isEqualTo(501);
      JsonNode n = problem(d.get());
      assertThat(n.get("title").asText()).isEqualTo("Not Implemented");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void knownMethodsPassThrough(String method) {
      assertThat(restatus().onRequest(Req.of(method, "/x"))).isEmpty();
    }

    @Test
    void customMethods() {
      Restatus r = restatus("restatus.methods", "GET, POST, PROPFIND");

      assertThat(r.onRequest(Req.of("PROPFIND", "/x"))).isEmpty();
      assertThat(r.onRequest(Req.of("GET", "/x"))).isEmpty();
      assertThat(r.onRequest(Req.of("PUT", "/x")))
          .get()
          .extracting(Decision::status)
          .isEqualTo(501);
      assertThat(r.onRequest(Req.of("DELETE", "/x")))
          .get()
          .extracting(Decision::status)
          .isEqualTo(501);
    }
  }

  // --- exceptions -----------------------------------------------------------------------------

  @Nested
  class Exceptions {

    /** Not mapped itself; its superclass {@link NoSuchElementException} is. */
    class MissingOrder extends NoSuchElementException {
      private static final long serialVersionUID = 1L;

      MissingOrder(String message) {
        super(message);
      }
    }

    private Restatus mapped(String... more) {
      String[] pairs = new String[more.length + 6];
      pairs[0] = "restatus.exception.java.util.NoSuchElementException";
      pairs[1] = "404";
      pairs[2] = "restatus.exception.java.util.InputMismatchException";
      pairs[3] = "422";
      pairs[4] = "restatus.exception.java.lang.RuntimeException";
      pairs[5] = "400";
      System.arraycopy(more, 0, pairs, 6, more.length);
      return restatus(pairs);
    }

    private final Req req = Req.of("GET", "/orders/7");

    @Test
    void problemExceptionIsKeptWithItsHeaders() {
      ProblemException pe = ProblemException.of(429, "slow down", "Retry-After", "7");

      Failure f = mapped().onException(req, pe);

      assertThat(f.status()).isEqualTo(429);
      assertThat(f.problem()).isEqualTo(pe.problem());
      assertThat(f.headers())
          .containsExactly(
              Map.entry("Retry-After", List.of("7")), Map.entry("Vary", List.of("Accept")));
    }

    @Test
    void problemExceptionAsACauseIsKept() {
      ProblemException pe =
          new ProblemException(
              Problem.builder(409).detail("version mismatch").extension("v", 3).build(),
              Map.of("ETag", List.of("\"3\"")),
              null);

      Failure f = restatus().onException(req, new IllegalStateException("wrapper", pe));

      assertThat(f.status()).isEqualTo(409);
      assertThat(f.problem()).isEqualTo(pe.problem());
      assertThat(f.headers()).containsEntry("ETag", List.of("\"3\""));
    }

    @Test
    void exactlyMappedClass() {
      Failure f = mapped().onException(req, new InputMismatchException("not a number"));

      assertThat(f.status()).isEqualTo(422);
      assertThat(f.problem().status()).isEqualTo(422);
      assertThat(f.problem().detail()).isEqualTo("not a number");
      assertThat(f.problem().extensions()).containsKey(Restatus.ERROR_ID_MEMBER);
    }

    @Test
    void nearestMappedSuperclassWins() {
      Failure f = mapped().onException(req, new MissingOrder("no order 7"));

      assertThat(f.status()).isEqualTo(404);
      assertThat(f.problem().detail()).isEqualTo("no order 7");
    }

    @Test
    void unmappedExceptionTakesTheStatusOfAMappedCause() {
      Restatus r = restatus("restatus.exception.java.util.NoSuchElementException", "404");

      Failure f =
          r.onException(req, new IllegalStateException("outer", new MissingOrder("no order 7")));

      assertThat(f.status()).isEqualTo(404);
      assertThat(f.problem().detail()).isEqualTo("no order 7");
    }

    @Test
    void causesAreTriedInOrder() {
      Restatus r =
          restatus(
              "restatus.exception.java.util.NoSuchElementException", "404",
              "restatus.exception.java.lang.IllegalArgumentException", "400");

      Failure f =
          r.onException(
              req,
              new IllegalStateException(
                  "outer",
                  new IllegalArgumentException("bad id", new NoSuchElementException("inner"))));

      assertThat(f.status()).isEqualTo(400);
      assertThat(f.problem().detail()).isEqualTo("bad id");
    }

    @Test
    void clientDetailsOffHidesTheMessage() {
      Restatus r =
          restatus(
              "restatus.exception.java.util.NoSuchElementException", "404",
              "restatus.client-error-details", "false");

      Failure f = r.onException(req, new NoSuchElementException("no order 7"));

      assertThat(f.status()).isEqualTo(404);
      assertThat(f.problem().detail()).isNull();
    }

    @Test
    void unmappedExceptionIsA500WithAGenericDetail() {
      Failure f = restatus().onException(req, new IllegalStateException("secret-token-42"));

      assertThat(f.status()).isEqualTo(500);
      Problem p = f.problem();
      assertThat(p.status()).isEqualTo(500);
      assertThat(p.title()).isEqualTo("Internal Server Error");
      String id = (String) p.extensions().get(Restatus.ERROR_ID_MEMBER);
      assertThat(id).isNotBlank();
      assertThat(f.headers())
          .containsExactly(
              Map.entry(Restatus.ERROR_ID_HEADER, List.of(id)),
              Map.entry("Vary", List.of("Accept")));
      assertThat(p.detail())
          .contains(id)
          .doesNotContain("secret-token-42")
          .doesNotContain("IllegalStateException")
          .doesNotContain("java.lang");
      String rendered = new String(engine.render(p, Problem.MEDIA_TYPE), StandardCharsets.US_ASCII);
      assertThat(rendered).doesNotContain("secret-token-42").doesNotContain("IllegalState");
    }

    @Test
    void mappedFailureCarriesTheErrorIdHeader() {
      Failure f = mapped().onException(req, new InputMismatchException("not a number"));

      assertThat(f.headers())
          .containsExactly(
              Map.entry(
                  Restatus.ERROR_ID_HEADER,
                  List.of((String) f.problem().extensions().get(Restatus.ERROR_ID_MEMBER))),
              Map.entry("Vary", List.of("Accept")));
    }

    @Test
    void exceptionWithItsOwnClientStatusShowsItsMessage() {
      Failure f = restatus().onException(req, new IllegalStateException("gone for good"), 410);

      assertThat(f.status()).isEqualTo(410);
      assertThat(f.problem().status()).isEqualTo(410);
      assertThat(f.problem().title()).isEqualTo("Gone");
      assertThat(f.problem().detail()).isEqualTo("gone for good");
    }

    @Test
    void exceptionWithItsOwnClientStatusHidesItsMessageWhenClientDetailsAreOff() {
      Failure f =
          restatus("restatus.client-error-details", "false")
              .onException(req, new IllegalStateException("gone for good"), 410);

      assertThat(f.status()).isEqualTo(410);
      assertThat(f.problem().detail()).isNull();
    }

    @Test
    void exceptionWithItsOwnStatusIgnoresTheMappings() {
      Failure f = mapped().onException(req, new InputMismatchException("x"), 409);

      assertThat(f.status()).isEqualTo(409);
    }

    @Test
    void exceptionWithItsOwnServerStatusHidesItsMessage() {
      Failure f = restatus().onException(req, new IllegalStateException("secret-token-42"), 502);

      assertThat(f.status()).isEqualTo(502);
      String id = (String) f.problem().extensions().get(Restatus.ERROR_ID_MEMBER);
      assertThat(f.problem().detail()).contains(id).doesNotContain("secret-token-42");
      assertThat(
              restatus("restatus.server-error-details", "true")
                  .onException(req, new IllegalStateException("secret-token-42"), 502)
                  .problem()
                  .detail())
          .isEqualTo("java.lang.IllegalStateException: secret-token-42");
    }

    @Test
    void exceptionMappedToA5xxAlsoHidesItsMessage() {
      Restatus r = restatus("restatus.exception.java.util.concurrent.TimeoutException", "503");

      Failure f =
          r.onException(req, new java.util.concurrent.TimeoutException("db 10.0.0.7 timed out"));

      assertThat(f.status()).isEqualTo(503);
      assertThat(f.problem().detail()).doesNotContain("10.0.0.7");
    }

    @Test
    void serverErrorDetailsShowClassAndMessage() {
      Failure f =
          restatus("restatus.server-error-details", "true")
              .onException(req, new IllegalStateException("secret-token-42"));

      assertThat(f.status()).isEqualTo(500);
      assertThat(f.problem().detail())
          .isEqualTo("java.lang.IllegalStateException: secret-token-42")
          .doesNotContain("\tat ");
    }

    @Test
    void serverErrorDetailsWithoutMessageShowTheClass() {
      Failure f =
          restatus("restatus.server-error-details", "true")
              .onException(req, new IllegalStateException());

      assertThat(f.problem().detail()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void cyclicCauseChainsTerminate() {
      Restatus r = restatus();
      RuntimeException a = new RuntimeException("a");
      RuntimeException b = new RuntimeException("b", a);
      a.initCause(b);

      Failure f = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> r.onException(req, a));

      assertThat(f.status()).isEqualTo(500);
    }

    @Test
    void cyclicCauseChainStillFindsAMappedCause() {
      Restatus r = restatus("restatus.exception.java.util.NoSuchElementException", "404");
      RuntimeException a = new IllegalStateException("a");
      NoSuchElementException c = new NoSuchElementException("c");
      RuntimeException b = new RuntimeException("b", c);
      a.initCause(b);
      c.initCause(a);

      Failure f = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> r.onException(req, a));

      assertThat(f.status()).isEqualTo(404);
    }
  }

  // --- report and off modes, findings ---------------------------------------------------------

  @Nested
  class Modes {

    @Test
    void reportModeChangesNothingButCountsEachViolation() {
      Restatus r = restatus("restatus.mode", "report");

      Decision unauthorized = respond(r, "GET", "/secure", Resp.of(401));
      Decision created = respond(r, "POST", "/things", Resp.of(201));
      Decision noContent = respond(r, "DELETE", "/things/1", Resp.of(204).body("text/plain"));

      assertUnchanged(unauthorized, 401);
      assertUnchanged(created, 201);
      assertUnchanged(noContent, 204);
      Map<String, Long> counts = r.findings().getCounts();
      assertThat(counts)
          .containsEntry("www-authenticate GET /secure: 401 without WWW-Authenticate", 1L)
          .containsEntry("created-location POST /things: 201 without Location", 1L);
      assertThat(counts.keySet()).anyMatch(k -> k.startsWith("no-body DELETE /things/1: 204"));
      long total = r.findings().getTotal();
      assertThat(total).isGreaterThanOrEqualTo(3);

      respond(r, "GET", "/secure", Resp.of(401));

      assertThat(r.findings().getCounts())
          .containsEntry("www-authenticate GET /secure: 401 without WWW-Authenticate", 2L)
          .containsEntry("created-location POST /things: 201 without Location", 1L);
      assertThat(r.findings().getTotal()).isGreaterThan(total);
    }

    @Test
    void reportModeDoesNotAnswerUnknownMethodsButCountsThem() {
      Restatus r = restatus("restatus.mode", "report");

      assertThat(r.onRequest(Req.of("PROPFIND", "/x"))).isEmpty();
      assertThat(r.findings().getCounts().keySet())
          .anyMatch(k -> k.startsWith("not-implemented PROPFIND /x"));
    }

    @Test
    void reportModeLeavesConcealedForbiddenAlone() {
      Restatus r = restatus("restatus.mode", "report", "restatus.conceal-forbidden", "/**");

      assertUnchanged(respond(r, "GET", "/admin", Resp.of(403)), 403);
      assertThat(r.findings().getCounts().keySet())
          .anyMatch(k -> k.startsWith("conceal-forbidden GET /admin"));
    }

    @Test
    void enforceModeCountsFixedViolationsToo() {
      Restatus r = restatus();

      respond(r, "GET", "/secure", Resp.of(401));

      assertThat(r.findings().getCounts())
          .containsEntry("www-authenticate GET /secure: 401 without WWW-Authenticate", 1L);
    }

    @Test
    void compliantResponsesAreNotCounted() {
      Restatus r = restatus("restatus.mode", "report");

      respond(r, "POST", "/things", Resp.of(201).header("Location", "/things/1"));
      respond(r, "GET", "/things/1", Resp.of(200).body("application/json"));
      respond(
          r,
          "GET",
          "/secure",
          Resp.of(401).header("WWW-Authenticate", "Bearer").body("application/problem+json"));

      assertThat(r.findings().getTotal()).isZero();
      assertThat(r.findings().getCounts()).isEmpty();
    }

    @Test
    void offModeDoesNothingAndCountsNothing() {
      Restatus r = restatus("restatus.mode", "off", "restatus.conceal-forbidden", "/**");

      assertThat(r.onRequest(Req.of("PROPFIND", "/x"))).isEmpty();
      assertUnchanged(respond(r, "GET", "/secure", Resp.of(401)), 401);
      assertUnchanged(respond(r, "POST", "/things", Resp.of(201)), 201);
      assertUnchanged(respond(r, "GET", "/x", Resp.of(204).body("text/plain")), 204);
      assertUnchanged(respond(r, "GET", "/admin", Resp.of(403)), 403);

      assertThat(r.findings().getTotal()).isZero();
      assertThat(r.findings().getCounts()).isEmpty();
    }

    @Test
    void resetForgetsCounts() {
      Restatus r = restatus("restatus.mode", "report");
      respond(r, "GET", "/secure", Resp.of(401));

      r.findings().reset();

      assertThat(r.findings().getTotal()).isZero();
      assertThat(r.findings().getCounts()).isEmpty();
    }

    @Test
    void distinctFindingsAreBoundedWithAnOverflowCount() {
      Findings f = new Findings(Mode.REPORT);

      for (int i = 0; i < Findings.MAX_KEYS + 5; i++) {
        f.record(new Finding("rule", "what", "GET", "/p/" + i));
      }
      f.record(new Finding("rule", "what", "GET", "/p/0"));

      Map<String, Long> counts = f.getCounts();
      assertThat(counts).hasSize(Findings.MAX_KEYS + 1);
      assertThat(counts).containsEntry(Findings.OVERFLOW, 5L);
      assertThat(counts).containsEntry("rule GET /p/0: what", 2L);
      assertThat(f.getTotal()).isEqualTo(Findings.MAX_KEYS + 6);
    }

    private void assertUnchanged(Decision d, int status) {
      assertThat(d.status()).isEqualTo(status);
      assertThat(d.headers().set()).isEmpty();
      assertThat(d.headers().remove()).isEmpty();
      assertThat(d).isInstanceOf(Decision.Keep.class);
      assertThat(d.changesNothing(status)).isTrue();
    }
  }

  @Nested
  class Inspect {

    private final Req req = Req.of("GET", "/boom");

    @Test
    void stackTraceInA500BodyIsALeak() {
      Restatus r = restatus("restatus.mode", "report");
      byte[] body =
          "java.lang.IllegalStateException: x\n\tat com.acme.Foo.bar(Foo.java:12)"
              .getBytes(StandardCharsets.UTF_8);

      r.inspect(req, 500, body, body.length);

      assertThat(r.findings().getCounts().keySet())
          .singleElement()
          .satisfies(k -> assertThat(k).startsWith("server-error-leak GET /boom"));
      assertThat(r.findings().getTotal()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"error\":\"java.lang.IllegalStateException\"}",
          "oops\n\tat com.acme.Foo.bar(Foo.java:12)\n",
          "org.hibernate.exception.ConstraintViolationException"
        })
    void eitherAClassNameOrAFrameIsALeak(String text) {
      Restatus r = restatus();
      byte[] body = text.getBytes(StandardCharsets.UTF_8);

      r.inspect(req, 503, body, body.length);

      assertThat(r.findings().getTotal()).isEqualTo(1);
    }

    @Test
    void cleanBodyIsNoLeak() {
      Restatus r = restatus("restatus.mode", "report");
      byte[] body =
          ("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
                  + "\"detail\":\"Please retry. Error in module billing.\"}")
              .getBytes(StandardCharsets.UTF_8);

      r.inspect(req, 500, body, body.length);

      assertThat(r.findings().getTotal()).isZero();
    }

    @Test
    void onlyTheValidLengthIsInspected() {
      Restatus r = restatus();
      byte[] body =
          "all fine here. java.lang.IllegalStateException: x".getBytes(StandardCharsets.UTF_8);

      r.inspect(req, 500, body, "all fine here.".length());
      r.inspect(req, 500, body, 0);

      assertThat(r.findings().getTotal()).isZero();
    }

    @Test
    void clientErrorBodiesAreNotInspected() {
      Restatus r = restatus();
      byte[] body = "java.lang.IllegalStateException: x".getBytes(StandardCharsets.UTF_8);

      r.inspect(req, 400, body, body.length);

      assertThat(r.findings().getTotal()).isZero();
    }
  }

  // --- MBean ----------------------------------------------------------------------------------

  @Test
  void findingsMBeanIsRegisteredUnderItsNameAndUnregisteredOnClose() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName("dev.restatus:type=Findings,name=\"unit-test\"");
    assertThat(server.isRegistered(name)).as("registered before the test").isFalse();

    Restatus r = Restatus.create(RestatusConfig.of(Map.of("restatus.mode", "report")), "unit-test");
    try {
      assertThat(server.isRegistered(name)).isTrue();
      assertThat(((Findings) r.findings()).objectName()).isEqualTo(name);
      assertThat(server.getAttribute(name, "Total")).isEqualTo(0L);

      r.onResponse(Req.of("GET", "/secure"), Resp.of(401));
      r.onResponse(Req.of("POST", "/things"), Resp.of(201));

      long total = r.findings().getTotal();
      assertThat(total).isGreaterThanOrEqualTo(2);
      assertThat(server.getAttribute(name, "Total")).isEqualTo(total);
      assertThat(server.getAttribute(name, "Counts")).isNotNull();
      server.invoke(name, "reset", null, null);
      assertThat(r.findings().getTotal()).isZero();
    } finally {
      r.close();
    }

    assertThat(server.isRegistered(name)).isFalse();
  }

  @Test
  void secondInstanceWithTheSameNameGetsItsOwnMBean() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    RestatusConfig config = RestatusConfig.defaults();
    try (Restatus first = Restatus.create(config, "unit-test-twice");
        Restatus second = Restatus.create(config, "unit-test-twice")) {
      ObjectName a = ((Findings) first.findings()).objectName();
      ObjectName b = ((Findings) second.findings()).objectName();

      assertThat(a).isNotNull().isNotEqualTo(b);
      assertThat(b).isNotNull();
      assertThat(server.isRegistered(a)).isTrue();
      assertThat(server.isRegistered(b)).isTrue();
    }
    assertThat(
            server.queryNames(
                new ObjectName("dev.restatus:type=Findings,name=\"unit-test-twice\",*"), null))
        .isEmpty();
  }

  @Test
  void noMBeanWithoutANameOrInOffMode() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName off = new ObjectName("dev.restatus:type=Findings,name=\"unit-test-off\"");

    try (Restatus r =
        Restatus.create(RestatusConfig.of(Map.of("restatus.mode", "off")), "unit-test-off")) {
      assertThat(server.isRegistered(off)).isFalse();
      assertThat(((Findings) r.findings()).objectName()).isNull();
    }
    try (Restatus r = Restatus.create(RestatusConfig.defaults(), null)) {
      assertThat(((Findings) r.findings()).objectName()).isNull();
    }
  }

  @Test
  void renderUsesTheConfiguredRenderer() throws Exception {
    Restatus r = restatus("restatus.renderer", TextProblemRenderer.class.getName());
    Problem p = Problem.builder(409).detail("x").build();

    assertThat(
            new String(
                r.render(p, XmlProblemRenderer.MEDIA_TYPE),
                java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("409 Conflict: x");
    Decision d = respond(r, "GET", "/x", Resp.of(404));
    assertThat(replaced(d).contentType()).isEqualTo("text/x-problem");
    assertThat(new String(replaced(d).bytes(), java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("404 Not Found: null");
  }

  @Test
  void theDefaultRendererWritesJsonWithoutAnErrorIdOfItsOwn() throws Exception {
    JsonNode n =
        JSON.readTree(
            restatus().render(Problem.builder(409).detail("x").build(), Problem.MEDIA_TYPE));
    assertThat(n.get("status").asInt()).isEqualTo(409);
    assertThat(n.get("detail").asText()).isEqualTo("x");
    assertThat(n.has("errorId")).isFalse();
  }
}
