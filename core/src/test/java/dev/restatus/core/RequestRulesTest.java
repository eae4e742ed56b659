package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.RequestView;
import dev.restatus.core.adapter.Restatus;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request rules of moved and gone paths, maintenance and declared media types. */
class RequestRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private Restatus engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private Restatus restatus(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    engine = Restatus.create(RestatusConfig.of(m), null);
    return engine;
  }

  /** A request with a query string, under the application root {@code /shop}. */
  record Req(String method, String path, String query, Map<String, String> headers)
      implements RequestView {
    static Req of(String method, String path, String... headers) {
      Map<String, String> h = new LinkedHashMap<>();
      for (int i = 0; i < headers.length; i += 2) {
        h.put(headers[i], headers[i + 1]);
      }
      return new Req(method, path, null, h);
    }

    Req query(String q) {
      return new Req(method, path, q, headers);
    }

    @Override
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }

    @Override
    public String root() {
      return "/shop";
    }
  }

  private static Decision.Replace answer(Optional<Decision.Replace> d) {
    assertThat(d).as("an answer before the application").isPresent();
    return d.get();
  }

  private static JsonNode body(Decision.Replace d) throws Exception {
    return JSON.readTree(d.bytes());
  }

  // --- moved and gone ---------------------------------------------------------------------------

  @Test
  void aMovedPathIsRedirectedWithItsSegmentsAndQuery() throws Exception {
    Restatus r = restatus("restatus.moved./v1/orders/*/items/*", "/v2/orders/{1}/lines/{2}");
    Decision.Replace d = answer(r.onRequest(Req.of("GET", "/v1/orders/7/items/3").query("x=1")));
    assertThat(d.status()).isEqualTo(301);
    assertThat(d.headers().first("Location")).isEqualTo("/shop/v2/orders/7/lines/3?x=1");
    assertThat(body(d).get("status").asInt()).isEqualTo(301);
  }

  @Test
  void anUnsafeMethodGets308SoItsMethodAndBodyAreKept() {
    Restatus r = restatus("restatus.moved./old/**", "https://api.example.com/new/{**}");
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
      Decision.Replace d = answer(r.onRequest(Req.of(method, "/old/a/b")));
      assertThat(d.status()).as(method).isEqualTo(308);
      assertThat(d.headers().first("Location")).isEqualTo("https://api.example.com/new/a/b");
    }
    assertThat(answer(r.onRequest(Req.of("HEAD", "/old"))).status()).isEqualTo(301);
    // an empty rest takes its slash along: /old is /new, not /new/
    assertThat(answer(r.onRequest(Req.of("HEAD", "/old"))).headers().first("Location"))
        .isEqualTo("https://api.example.com/new");
  }

  @Test
  void capturedSegmentsAreEncodedAgain() {
    Restatus r = restatus("restatus.moved./u/*", "/users/{1}");
    Decision.Replace d = answer(r.onRequest(Req.of("GET", "/u/a b?c\r\nX")));
    assertThat(d.headers().first("Location")).isEqualTo("/shop/users/a%20b%3Fc%0D%0AX");
  }

  @Test
  void capturesCannotAddPathParametersOrQueryMembers() {
    Restatus r =
        restatus(
            "restatus.moved./v1/*", "/v2/{1}",
            "restatus.moved./q/*", "/y?a={1}",
            "restatus.moved./f/*", "/y/{1}#top");
    assertThat(answer(r.onRequest(Req.of("GET", "/v1/a;b"))).headers().first("Location"))
        .isEqualTo("/shop/v2/a%3Bb");
    assertThat(answer(r.onRequest(Req.of("GET", "/q/a&b=c+d"))).headers().first("Location"))
        .isEqualTo("/shop/y?a=a%26b%3Dc%2Bd");
    assertThat(answer(r.onRequest(Req.of("GET", "/f/a").query("z=1"))).headers().first("Location"))
        .as("the query goes before the fragment")
        .isEqualTo("/shop/y/a?z=1#top");
  }

  @Test
  void theLongestPatternOfMovedAndGoneWins() {
    Restatus r =
        restatus(
            "restatus.moved./catalog/**", "/shop-v2/{**}",
            "restatus.gone", "/catalog/legacy/**",
            "restatus.moved./catalog/legacy/keep/*", "/kept/{1}");
    assertThat(answer(r.onRequest(Req.of("GET", "/catalog/x"))).status()).isEqualTo(301);
    assertThat(answer(r.onRequest(Req.of("DELETE", "/catalog/legacy/x"))).status()).isEqualTo(410);
    assertThat(
            answer(r.onRequest(Req.of("GET", "/catalog/legacy/keep/9")))
                .headers()
                .first("Location"))
        .isEqualTo("/shop/kept/9");
    assertThat(r.onRequest(Req.of("GET", "/other"))).isEmpty();
  }

  @Test
  void aGonePathIs410ForEveryMethodWithAProblem() throws Exception {
    Restatus r = restatus("restatus.gone", "/retired/**");
    for (String method : List.of("GET", "POST", "DELETE")) {
      Decision.Replace d = answer(r.onRequest(Req.of(method, "/retired/1")));
      assertThat(d.status()).isEqualTo(410);
      assertThat(body(d).get("title").asText()).isEqualTo("Gone");
      assertThat(d.headers().first("Location")).isNull();
    }
  }

  @Test
  void anUnimplementedMethodIs501EvenOnAMovedPath() {
    Restatus r = restatus("restatus.moved./old/**", "/new");
    assertThat(answer(r.onRequest(Req.of("BREW", "/old/x"))).status()).isEqualTo(501);
  }

  @Test
  void inReportModeAMovedPathReachesTheApplication() {
    Restatus r = restatus("restatus.mode", "report", "restatus.gone", "/retired/**");
    assertThat(r.onRequest(Req.of("GET", "/retired/1"))).isEmpty();
  }

  @Test
  void theRequestRulesRunInTheirOrder() {
    Restatus r =
        restatus(
            "restatus.conceal-forbidden", "/admin/**",
            "restatus.moved./admin/old/**", "/admin/new/{**}",
            "restatus.maintenance.paths", "/admin/**",
            "restatus.maintenance.exempt", "/admin/old/**");
    // 501, then moved, then maintenance, then the canonical 404 of a concealed OPTIONS
    assertThat(answer(r.onRequest(Req.of("BREW", "/admin/old/x"))).status()).isEqualTo(501);
    assertThat(answer(r.onRequest(Req.of("OPTIONS", "/admin/old/x"))).status()).isEqualTo(308);
    assertThat(answer(r.onRequest(Req.of("OPTIONS", "/admin/x"))).status()).isEqualTo(503);
    r.maintenance().stop();
    assertThat(answer(r.onRequest(Req.of("OPTIONS", "/admin/x"))).status()).isEqualTo(404);
  }

  // --- maintenance ------------------------------------------------------------------------------

  @Test
  void aMaintenanceWindowAnswers503WithTheSecondsLeft() throws Exception {
    Instant until = Instant.now().plusSeconds(90);
    Restatus r =
        restatus(
            "restatus.maintenance.paths", "/**",
            "restatus.maintenance.until", until.toString(),
            "restatus.maintenance.exempt", "/health /status/**");
    Decision.Replace d = answer(r.onRequest(Req.of("POST", "/orders")));
    assertThat(d.status()).isEqualTo(503);
    assertThat(Long.parseLong(d.headers().first("Retry-After"))).isBetween(85L, 90L);
    assertThat(body(d).get("detail").asText()).contains("maintenance");
    assertThat(r.onRequest(Req.of("GET", "/health"))).isEmpty();
    assertThat(r.onRequest(Req.of("GET", "/status/db"))).isEmpty();
  }

  @Test
  void withoutAnEndRetryAfterIsTheConfiguredOne() {
    Restatus r = restatus("restatus.maintenance.paths", "/api/**", "restatus.retry-after", "30");
    assertThat(answer(r.onRequest(Req.of("GET", "/api/x"))).headers().first("Retry-After"))
        .isEqualTo("30");
    assertThat(r.onRequest(Req.of("GET", "/web/x"))).isEmpty();
  }

  @Test
  void theSwitchStartsAndStopsAWindowAtRunTime() {
    Restatus r = restatus("restatus.maintenance.exempt", "/health");
    Maintenance m = r.maintenance();
    assertThat(m.isActive()).isFalse();
    assertThat(r.onRequest(Req.of("GET", "/x"))).isEmpty();
    m.start(List.of("/**"), null);
    assertThat(m.isActive()).isTrue();
    assertThat(answer(r.onRequest(Req.of("GET", "/x"))).status()).isEqualTo(503);
    assertThat(r.onRequest(Req.of("GET", "/health"))).isEmpty();
    m.stop();
    assertThat(r.onRequest(Req.of("GET", "/x"))).isEmpty();
  }

  @Test
  void aWindowWhoseEndHasPassedEndsByItself() throws Exception {
    Restatus r = restatus();
    Maintenance m = r.maintenance();
    m.start(List.of("/**"), Instant.now().plusMillis(300));
    assertThat(answer(r.onRequest(Req.of("GET", "/x"))).headers().first("Retry-After"))
        .isEqualTo("1");
    Thread.sleep(400);
    assertThat(r.onRequest(Req.of("GET", "/x"))).isEmpty();
    assertThat(m.isActive()).isFalse();
    assertThat(m.until()).isEmpty();
  }

  @Test
  void aBadWindowIsRefused() {
    Maintenance m = restatus().maintenance();
    assertThatThrownBy(() -> m.start(List.of("admin"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.start(List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.start(List.of("/**"), Instant.now().minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(m.isActive()).isFalse();
  }

  @Test
  void theSwitchIsAnMxBean() throws Exception {
    try (Restatus r = Restatus.create(RestatusConfig.defaults(), "maintenance-test")) {
      ObjectName name = new ObjectName("dev.restatus:type=Maintenance,name=\"maintenance-test\"");
      var server = ManagementFactory.getPlatformMBeanServer();
      server.invoke(
          name,
          "start",
          new Object[] {"/api/**", Instant.now().plusSeconds(60).toString()},
          new String[] {String.class.getName(), String.class.getName()});
      assertThat(server.getAttribute(name, "Active")).isEqualTo(true);
      assertThat(server.getAttribute(name, "Paths")).isEqualTo("/api/**");
      assertThat(answer(r.onRequest(Req.of("GET", "/api/x"))).status()).isEqualTo(503);
      server.invoke(name, "stop", new Object[0], new String[0]);
      assertThat(r.onRequest(Req.of("GET", "/api/x"))).isEmpty();
    }
  }

  // --- declared media types ---------------------------------------------------------------------

  @Test
  void aBodyOfAnUndeclaredTypeIs415WithTheHintHeader() throws Exception {
    Restatus r = restatus("restatus.consumes./orders/**", "application/json application/*+json");
    Decision.Replace post =
        answer(
            r.onRequest(
                Req.of("POST", "/orders", "Content-Type", "text/plain", "Content-Length", "3")));
    assertThat(post.status()).isEqualTo(415);
    assertThat(post.headers().first("Accept-Post"))
        .isEqualTo("application/json, application/*+json");
    assertThat(body(post).get("accepted").get(0).asText()).isEqualTo("application/json");
    Decision.Replace patch =
        answer(
            r.onRequest(
                Req.of(
                    "PATCH",
                    "/orders/1",
                    "Content-Type",
                    "text/xml",
                    "Transfer-Encoding",
                    "chunked")));
    assertThat(patch.headers().first("Accept-Patch")).isNotNull();
    assertThat(patch.headers().first("Accept-Post")).isNull();
  }

  @Test
  void aDeclaredTypeOrABodylessRequestPasses() {
    Restatus r = restatus("restatus.consumes./orders/**", "application/json");
    assertThat(
            r.onRequest(
                Req.of(
                    "POST",
                    "/orders",
                    "Content-Type",
                    "Application/JSON; charset=utf-8",
                    "Content-Length",
                    "2")))
        .isEmpty();
    assertThat(r.onRequest(Req.of("DELETE", "/orders/1"))).isEmpty();
    assertThat(r.onRequest(Req.of("POST", "/orders", "Content-Length", "0"))).isEmpty();
    assertThat(answer(r.onRequest(Req.of("POST", "/orders", "Content-Length", "5"))).status())
        .as("a body without a Content-Type")
        .isEqualTo(415);
  }

  @Test
  void anAcceptThatExcludesEveryProducedTypeIs406() throws Exception {
    Restatus r = restatus("restatus.produces./reports/**", "application/json text/csv");
    Decision.Replace d = answer(r.onRequest(Req.of("GET", "/reports/1", "Accept", "image/png")));
    assertThat(d.status()).isEqualTo(406);
    assertThat(body(d).get("available").size()).isEqualTo(2);
    assertThat(
            answer(
                    r.onRequest(
                        Req.of(
                            "GET",
                            "/reports/1",
                            "Accept",
                            "application/json;q=0, text/csv;q=0, */*;q=0.5")))
                .status())
        .as("q=0 of the specific range beats the wildcard")
        .isEqualTo(406);
    for (String accept :
        List.of("*/*", "text/*", "text/csv;q=0.1", "image/png, application/json;q=0.2", "", " ,")) {
      assertThat(r.onRequest(Req.of("GET", "/reports/1", "Accept", accept))).as(accept).isEmpty();
    }
    assertThat(r.onRequest(Req.of("GET", "/reports/1"))).isEmpty();
  }

  @Test
  void aMalformedHeaderOnADeclaredPathIs400() throws Exception {
    Restatus r =
        restatus(
            "restatus.consumes./a/**", "application/json",
            "restatus.produces./a/**", "application/json");
    for (String bad : List.of("text", "text/", "/json", "text/html;q", "a/b;x=\"open", "a/b c")) {
      Decision.Replace d =
          answer(r.onRequest(Req.of("POST", "/a", "Content-Type", bad, "Content-Length", "1")));
      assertThat(d.status()).as(bad).isEqualTo(400);
      assertThat(body(d).get("detail").asText()).contains("Content-Type");
    }
    Decision.Replace d = answer(r.onRequest(Req.of("GET", "/a", "Accept", "text/html;q=2")));
    assertThat(d.status()).isEqualTo(400);
    assertThat(body(d).get("detail").asText()).contains("Accept");
  }
}
