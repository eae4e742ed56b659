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

  /** Every other setting a rule reads, on a second engine. */
  private static final Map<String, String> OTHERS =
      Map.ofEntries(
          Map.entry("restatus.methods", "GET HEAD POST PUT DELETE OPTIONS"),
          Map.entry("restatus.keep-error-bodies", "text/plain application/vnd.legacy+json"),
          Map.entry("restatus.client-error-details", "true"),
          Map.entry("restatus.conceal-forbidden", "/admin/**"),
          Map.entry("restatus.conceal-forbidden.safe-headers", "Vary Cache-Control"),
          Map.entry("restatus.maintenance.paths", "/**"),
          Map.entry("restatus.maintenance.exempt", "/health"),
          Map.entry("restatus.produces./orders/**", "application/json"),
          Map.entry("restatus.produces./orders/*/pdf", "application/pdf"),
          Map.entry("restatus.consumes./reports/**", "text/csv"));

  private static final Engine ENGINE = new Engine(RestatusConfig.of(RICH), null);

  private static final List<Engine> ENGINES =
      List.of(
          ENGINE,
          new Engine(RestatusConfig.of(OTHERS), null),
          new Engine(RestatusConfig.of(Map.of("restatus.mode", "report")), null));

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
          "/orders/7/pdf",
          "/health",
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
          "Content-Length",
          "Vary",
          "Cache-Control",
          "Expires",
          "Accept-Post",
          "Accept-Patch");

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
          "/orders/8",
          "Accept",
          "no-store",
          "application/problem+json",
          "text/plain",
          "application/vnd.legacy+json; charset=utf-8");

  @Property(tries = 3000)
  void anIdleRuleLeavesTheDraftAsItWas(
      @ForAll("requests") RequestView request, @ForAll("responses") ResponseView response) {
    for (Engine engine : ENGINES) {
      for (Rule rule : engine.rules()) {
        if (rule.idle(request, response)) {
          Draft d = new Draft(request, response);
          rule.onResponse(d);
          assertUnchanged(d, response, rule.getClass().getSimpleName());
        }
      }
    }
  }

  /** What the engine skips when every rule is idle: all of them, in their order, on one draft. */
  @Property(tries = 3000)
  void whenEveryRuleIsIdleAFullRunChangesNothing(
      @ForAll("requests") RequestView request, @ForAll("responses") ResponseView response) {
    for (Engine engine : ENGINES) {
      if (engine.rules().stream().allMatch(r -> r.idle(request, response))) {
        Draft d = new Draft(request, response);
        for (Rule rule : engine.rules()) {
          rule.onResponse(d);
        }
        assertUnchanged(d, response, "all rules");
        assertThat(engine.onResponse(request, response)).isSameAs(Decision.keep(response.status()));
      }
    }
  }

  private static void assertUnchanged(Draft d, ResponseView response, String name) {
    assertThat(d.status).as(name).isEqualTo(response.status());
    assertThat(d.body).as(name).isEqualTo(Draft.Body.KEEP);
    assertThat(d.noHeaderEdits()).as(name).isTrue();
    assertThat(d.findings()).as(name).isEmpty();
    assertThat(d.detail).as(name).isNull();
    assertThat(d.extensions()).as(name).isEmpty();
  }

  @Property(tries = 200)
  void aSuccessNothingAsksAboutIsIdle(@ForAll("plainGets") RequestView request) {
    ResponseView ok =
        new Response(200, Map.of("Content-Type", "application/json"), true, false, false, null);
    assertThat(ENGINE.rules()).allMatch(r -> r.idle(request, ok));
  }

  @Provide
  Arbitrary<RequestView> requests() {
    return Combinators.combine(
            Arbitraries.of(
                "GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "get", "BREW"),
            Arbitraries.of(PATHS),
            headers(),
            Arbitraries.of("HTTP/1.1", "HTTP/1.0"),
            Arbitraries.of(List.<String>of(), List.of("application/json", "text/csv")))
        .as(Request::new);
  }

  @Provide
  Arbitrary<RequestView> plainGets() {
    return Arbitraries.of(PATHS)
        .filter(p -> !p.startsWith("/reports"))
        .map(p -> new Request("GET", p, Map.of("Accept", "*/*"), "HTTP/1.1", List.of()));
  }

  @Provide
  Arbitrary<ResponseView> responses() {
    Arbitrary<Integer> status =
        Arbitraries.oneOf(
            Arbitraries.of(
                200, 201, 202, 204, 206, 207, 301, 304, 400, 401, 403, 404, 405, 406, 409, 412, 415,
                428, 429, 500, 501, 503),
            Arbitraries.integers().between(100, 599));
    return Combinators.combine(
            status,
            headers(),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(null, "the application's message"))
        .as(Response::new);
  }

  private static Arbitrary<Map<String, String>> headers() {
    return Arbitraries.maps(Arbitraries.of(HEADERS), Arbitraries.of(VALUES))
        .ofMaxSize(5)
        .map(HashMap::new);
  }

  private record Request(
      String method, String path, Map<String, String> headers, String protocol, List<String> types)
      implements RequestView {
    @Override
    public String header(String name) {
      return headers.get(name);
    }

    @Override
    public List<String> consumes() {
      return types;
    }

    @Override
    public List<String> produces() {
      return types;
    }

    @Override
    public java.util.Set<String> allowedMethods() {
      return types.isEmpty() ? java.util.Set.of() : java.util.Set.of("GET", "PUT");
    }
  }

  private record Response(
      int status,
      Map<String, String> headers,
      boolean hasBody,
      boolean errorSent,
      boolean hasErrorPage,
      String errorMessage)
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
