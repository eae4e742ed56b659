package dev.restatus.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restatus.core.RestatusConfig;
import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.RequestView;
import dev.restatus.core.adapter.ResponseView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Rule#idle} lets the engine skip the rules for a response none of them would touch: every
 * rule that answers {@code true} must leave a draft of that response exactly as it was and record
 * nothing, under a configuration that gives every rule something to do.
 */
class RuleIdlenessTest {

  private static final Map<String, String> RICH =
      Map.ofEntries(
          Map.entry("restatus.conceal-forbidden", "/admin/** /vault/**"),
          Map.entry("restatus.moved./v1/orders/*", "/orders/{1}"),
          Map.entry("restatus.gone", "/fax/**"),
          Map.entry("restatus.maintenance.paths", "/exports/**"),
          Map.entry("restatus.consumes./orders/**", "application/json"),
          Map.entry("restatus.produces./reports/**", "application/json text/csv"),
          Map.entry("restatus.precondition-required", "/orders/*/note"),
          Map.entry("restatus.etag", "/catalog/**"),
          Map.entry("restatus.allow./legacy/**", "GET, POST"),
          Map.entry("restatus.retry-after", "30"),
          Map.entry("restatus.authenticate", "Basic realm=\"shop\""));

  private static final Engine ENGINE = new Engine(RestatusConfig.of(RICH), null);

  private static final List<String> PATHS =
      List.of(
          "/orders/7",
          "/orders/7/note",
          "/admin/users",
          "/vault",
          "/reports/q3",
          "/catalog/shoes",
          "/legacy/x",
          "/exports/all",
          "/v1/orders/3",
          "/");

  private static final List<String> HEADERS =
      List.of(
          "If-None-Match",
          "If-Modified-Since",
          "If-Match",
          "If-Unmodified-Since",
          "Accept",
          "Content-Type",
          "Allow",
          "ETag",
          "Last-Modified",
          "WWW-Authenticate",
          "Retry-After",
          "Location",
          "Content-Location",
          "Content-Length");

  private static final List<String> VALUES =
      List.of(
          "\"v1\"",
          "W/\"v1\"",
          "*",
          "\"unterminated",
          "Tue, 01 Dec 2026 10:00:00 GMT",
          "garbage",
          "application/json",
          "text/html",
          "GET, POST, BREW",
          "GET",
          "",
          "120",
          "/orders/8");

  @Property(tries = 3000)
  void anIdleRuleLeavesTheDraftAsItWas(
      @ForAll("requests") RequestView request, @ForAll("responses") ResponseView response) {
    for (Rule rule : ENGINE.rules()) {
      if (!rule.idle(request, response)) {
        continue;
      }
      Draft d = new Draft(request, response);
      rule.onResponse(d);
      String name = rule.getClass().getSimpleName();
      assertThat(d.status).as(name).isEqualTo(response.status());
      assertThat(d.body).as(name).isEqualTo(Draft.Body.KEEP);
      assertThat(d.noHeaderEdits()).as(name).isTrue();
      assertThat(d.findings()).as(name).isEmpty();
      assertThat(d.detail).as(name).isNull();
      assertThat(d.extensions()).as(name).isEmpty();
    }
  }

  @Property(tries = 1000)
  void whenEveryRuleIsIdleTheEngineKeepsTheResponse(
      @ForAll("requests") RequestView request, @ForAll("responses") ResponseView response) {
    boolean idle = ENGINE.rules().stream().allMatch(r -> r.idle(request, response));
    Decision d = ENGINE.onResponse(request, response);
    if (idle) {
      assertThat(d).isSameAs(Decision.keep(response.status()));
    }
  }

  @Property(tries = 200)
  void aSuccessNothingAsksAboutIsIdle(@ForAll("plainGets") RequestView request) {
    ResponseView ok = new Response(200, Map.of("Content-Type", "application/json"), true);
    assertThat(ENGINE.rules()).allMatch(r -> r.idle(request, ok));
  }

  @Provide
  Arbitrary<RequestView> requests() {
    return Combinators.combine(
            Arbitraries.of("GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "get"),
            Arbitraries.of(PATHS),
            headers(),
            Arbitraries.of("HTTP/1.1", "HTTP/1.0"))
        .as(Request::new);
  }

  @Provide
  Arbitrary<RequestView> plainGets() {
    return Arbitraries.of(PATHS)
        .filter(p -> !p.startsWith("/reports"))
        .map(p -> new Request("GET", p, Map.of("Accept", "*/*"), "HTTP/1.1"));
  }

  @Provide
  Arbitrary<ResponseView> responses() {
    Arbitrary<Integer> status =
        Arbitraries.oneOf(
            Arbitraries.of(
                200, 201, 202, 204, 206, 207, 301, 304, 400, 401, 403, 404, 405, 406, 409, 412, 415,
                428, 429, 500, 501, 503),
            Arbitraries.integers().between(100, 599));
    return Combinators.combine(status, headers(), Arbitraries.of(true, false)).as(Response::new);
  }

  private static Arbitrary<Map<String, String>> headers() {
    return Arbitraries.maps(Arbitraries.of(HEADERS), Arbitraries.of(VALUES))
        .ofMaxSize(5)
        .map(HashMap::new);
  }

  private record Request(String method, String path, Map<String, String> headers, String protocol)
      implements RequestView {
    @Override
    public String header(String name) {
      return headers.get(name);
    }
  }

  private record Response(int status, Map<String, String> headers, boolean hasBody)
      implements ResponseView {
    @Override
    public String header(String name) {
      return headers.get(name);
    }

    @Override
    public String contentType() {
      return headers.get("Content-Type");
    }
  }
}
