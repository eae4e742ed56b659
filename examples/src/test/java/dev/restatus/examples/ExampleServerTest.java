package dev.restatus.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example server in-process on a free port: each app without Restatus, then with it. */
class ExampleServerTest {

  private static final String PROBLEM = "application/problem+json";

  private static ExampleServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    server = ExampleServer.start(0);
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void legacyGetsRestatusFromTheWebFragmentOfTheJar() {
    assertThat(server.restatusFilterSource())
        .contains("servlet-filter")
        .endsWith("META-INF/web-fragment.xml");
  }

  @Test
  void legacyUncaughtExceptionLeaksItsMessageOnlyWithoutRestatus() throws Exception {
    HttpResponse<String> raw = send("GET", "/legacy-raw/orders/13");
    assertThat(raw.statusCode()).isEqualTo(500);
    assertThat(type(raw)).startsWith("text/html");
    assertThat(raw.body()).contains(Shop.SECRET);

    HttpResponse<String> wrapped = send("GET", "/legacy/orders/13");
    assertThat(wrapped.statusCode()).isEqualTo(500);
    assertThat(type(wrapped)).startsWith(PROBLEM);
    assertThat(wrapped.body()).doesNotContain(Shop.SECRET).contains("\"status\":500");
  }

  @Test
  void apiUncaughtExceptionIsSanitized() throws Exception {
    HttpResponse<String> raw = send("GET", "/api-raw/orders/13");
    assertThat(raw.statusCode()).isEqualTo(500);
    assertThat(type(raw)).startsWith("text/html");

    HttpResponse<String> wrapped = send("GET", "/api/orders/13");
    assertThat(wrapped.statusCode()).isEqualTo(500);
    assertThat(type(wrapped)).startsWith(PROBLEM);
    assertThat(wrapped.body()).doesNotContain(Shop.SECRET);
  }

  @Test
  void notFoundIsAProblemOnlyWithRestatus() throws Exception {
    for (String path : new String[] {"/orders/7", "/nope"}) {
      assertThat(type(send("GET", "/legacy-raw" + path))).startsWith("text/html");
      assertThat(type(send("GET", "/api-raw" + path))).startsWith("text/html");
      for (String app : new String[] {"/legacy", "/api"}) {
        HttpResponse<String> wrapped = send("GET", app + path);
        assertThat(wrapped.statusCode()).as(app + path).isEqualTo(404);
        assertThat(type(wrapped)).as(app + path).startsWith(PROBLEM);
      }
    }
  }

  @Test
  void exceptionMappingTurnsIllegalArgumentIntoBadRequest() throws Exception {
    assertThat(send("GET", "/legacy-raw/orders/0").statusCode()).isEqualTo(500);
    assertThat(send("GET", "/api-raw/orders/0").statusCode()).isEqualTo(500);
    for (String app : new String[] {"/legacy", "/api"}) {
      HttpResponse<String> wrapped = send("GET", app + "/orders/0");
      assertThat(wrapped.statusCode()).as(app).isEqualTo(400);
      assertThat(wrapped.body()).as(app).contains("order id must be positive");
    }
  }

  @Test
  void asyncFailureFromAnotherThreadBecomesAProblem() throws Exception {
    HttpResponse<String> raw = send("GET", "/legacy-raw/tracking/42");
    assertThat(raw.statusCode()).isEqualTo(504);
    assertThat(type(raw)).startsWith("text/html");
    for (String app : new String[] {"/legacy", "/api"}) {
      HttpResponse<String> wrapped = send("GET", app + "/tracking/42");
      assertThat(wrapped.statusCode()).as(app).isEqualTo(504);
      assertThat(type(wrapped)).as(app).startsWith(PROBLEM);
    }
  }

  @Test
  void missingHeadersAreAdded() throws Exception {
    HttpResponse<String> raw = send("GET", "/legacy-raw/me");
    assertThat(raw.statusCode()).isEqualTo(401);
    assertThat(raw.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(send("GET", "/legacy/me").headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"api\"");

    HttpResponse<String> rawUnavailable = send("GET", "/api-raw/orders/42/invoice");
    assertThat(rawUnavailable.statusCode()).isEqualTo(503);
    assertThat(rawUnavailable.headers().firstValue("Retry-After")).isEmpty();
    assertThat(send("GET", "/api/orders/42/invoice").headers().firstValue("Retry-After"))
        .hasValue("120");

    HttpResponse<String> notAllowed = send("DELETE", "/legacy/orders/42");
    assertThat(notAllowed.statusCode()).isEqualTo(405);
    assertThat(notAllowed.headers().firstValue("Allow"))
        .hasValueSatisfying(
            allow -> assertThat(allow).contains("GET").contains("POST").doesNotContain("DELETE"));
  }

  @Test
  void reportModeAnswersLikeTheRawAppAndCountsTheViolation() throws Exception {
    long before = totalFindings();
    HttpResponse<String> reported = send("GET", "/api-report/me");
    assertThat(reported.statusCode()).isEqualTo(401);
    assertThat(reported.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(type(reported)).doesNotStartWith(PROBLEM);
    assertThat(totalFindings())
        .as("401 without challenge, without problem body")
        .isEqualTo(before + 2);
  }

  private static long totalFindings() throws Exception {
    javax.management.MBeanServer jmx =
        java.lang.management.ManagementFactory.getPlatformMBeanServer();
    long total = 0;
    for (javax.management.ObjectName n :
        jmx.queryNames(new javax.management.ObjectName("dev.restatus:type=Findings,*"), null)) {
      total += (Long) jmx.getAttribute(n, "Total");
    }
    return total;
  }

  @Test
  void forbiddenAdminPathsLookMissing() throws Exception {
    assertThat(send("GET", "/legacy-raw/admin/users").statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api-raw/admin/users").statusCode()).isEqualTo(403);
    assertThat(send("GET", "/legacy/admin/users").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/admin/users").statusCode()).isEqualTo(404);
  }

  @Test
  void unknownMethodIsNotImplemented() throws Exception {
    assertThat(send("PROPFIND", "/api-raw/orders/42").statusCode()).isEqualTo(405);
    assertThat(send("PROPFIND", "/api/orders/42").statusCode()).isEqualTo(501);
    assertThat(send("PROPFIND", "/legacy/orders/42").statusCode()).isEqualTo(501);
  }

  @Test
  void applicationProblemsAreKept() throws Exception {
    HttpResponse<String> raw = send("GET", "/legacy-raw/orders/99");
    HttpResponse<String> wrapped = send("GET", "/legacy/orders/99");
    assertThat(wrapped.statusCode()).isEqualTo(410);
    assertThat(wrapped.body()).isEqualTo(raw.body()).isEqualTo(Shop.ARCHIVED_PROBLEM_JSON);

    HttpResponse<String> problem = send("GET", "/api/orders/42/payment");
    assertThat(problem.statusCode()).isEqualTo(402);
    assertThat(problem.body()).contains("card-declined");
    // without Restatus, Jackson cannot write a Problem and Jersey's Jackson mapper calls that 400
    assertThat(send("GET", "/api-raw/orders/42/payment").statusCode()).isEqualTo(400);

    HttpResponse<String> thrown = send("POST", "/api/orders/42/refund");
    assertThat(thrown.statusCode()).isEqualTo(429);
    assertThat(thrown.headers().firstValue("Retry-After")).hasValue("3600");
  }

  @Test
  void aBrowserKeepsTheShopsNotFoundPageAnApiClientGetsAProblem() throws Exception {
    String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    HttpResponse<String> page = send("GET", "/legacy/orders/7", "Accept", browser);
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(type(page)).startsWith("text/html");
    assertThat(page.body()).contains("We could not find that page");
    assertThat(page.headers().firstValue("Vary")).hasValue("Accept");

    HttpResponse<String> json = send("GET", "/legacy/orders/7", "Accept", "application/json");
    assertThat(type(json)).startsWith(PROBLEM);
    assertThat(json.headers().firstValue("Vary")).hasValue("Accept");

    HttpResponse<String> xml = send("GET", "/legacy/orders/7", "Accept", "application/xml");
    assertThat(type(xml)).startsWith("application/problem+xml");
    assertThat(xml.body()).contains("<status>404</status>");

    HttpResponse<String> raw = send("GET", "/legacy-raw/orders/7", "Accept", "application/json");
    assertThat(type(raw)).startsWith("text/html"); // without Restatus, the page for everyone
  }

  @Test
  void aValidationFailureNamesTheFieldsAMalformedBodySaysWhere() throws Exception {
    HttpResponse<String> rawInvalid = post("/api-raw/orders", "{\"sku\": \"\", \"qty\": 0}");
    assertThat(rawInvalid.statusCode()).isEqualTo(400);
    assertThat(rawInvalid.body()).doesNotContain("qty"); // Jersey alone: nothing to act on
    HttpResponse<String> invalid = post("/api/orders", "{\"sku\": \"\", \"qty\": 0}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(type(invalid)).startsWith(PROBLEM);
    assertThat(invalid.body())
        .contains("{\"field\":\"qty\",\"message\":\"must be greater than or equal to 1\"}")
        .contains("{\"field\":\"sku\",\"message\":\"must not be blank\"}")
        .doesNotContain("arg0");

    HttpResponse<String> rawUnknown =
        post("/api-raw/orders", "{\"sku\": \"a\", \"qty\": 1, \"colour\": \"red\"}");
    assertThat(rawUnknown.statusCode()).isEqualTo(400);
    assertThat(rawUnknown.body()).contains("ShopResource$NewOrder"); // Jackson's text: Java names
    HttpResponse<String> unknown =
        post("/api/orders", "{\"sku\": \"a\", \"qty\": 1, \"colour\": \"red\"}");
    assertThat(unknown.body()).contains("field `colour` is not known.").doesNotContain("Shop");
    HttpResponse<String> rawMalformed = post("/api-raw/orders", "{\"sku\": \"a\", \"qty\": 1");
    assertThat(rawMalformed.statusCode()).isEqualTo(400);
    assertThat(rawMalformed.body()).contains("StreamReadFeature");
    HttpResponse<String> malformed = post("/api/orders", "{\"sku\": \"a\", \"qty\": 1");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body())
        .contains("The JSON document ends early at line 1")
        .doesNotContain("NewOrder")
        .doesNotContain("com.fasterxml");

    HttpResponse<String> wrongType = post("/api/orders", "{\"sku\": \"a\", \"qty\": \"two\"}");
    assertThat(wrongType.body())
        .contains("field `qty`: expected a whole number.")
        .contains("\"pointer\":\"/qty\"");
    assertThat(post("/api/orders", "{\"sku\": \"a\", \"qty\": 2}").statusCode()).isEqualTo(201);
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void twoClientsEditingTheNoteLoseNoUpdate() throws Exception {
    // without Restatus: both blind writes succeed, the first one is lost
    assertThat(put("/api-raw/orders/42/note", "ring twice").statusCode()).isEqualTo(204);
    assertThat(put("/api-raw/orders/42/note", "leave at the door").statusCode()).isEqualTo(204);

    assertThat(put("/api/orders/42/note", "no version").statusCode()).isEqualTo(428);
    String seen = send("GET", "/api/orders/42/note").headers().firstValue("ETag").orElseThrow();
    assertThat(put("/api/orders/42/note", "ring twice", "If-Match", seen).statusCode())
        .isEqualTo(204);
    HttpResponse<String> second = put("/api/orders/42/note", "leave it", "If-Match", seen);
    assertThat(second.statusCode()).isEqualTo(412);
    assertThat(type(second)).startsWith(PROBLEM);
    assertThat(send("GET", "/api/orders/42/note").body()).isEqualTo("ring twice");
    HttpResponse<String> cached =
        send(
            "GET",
            "/api/orders/42/note",
            "If-None-Match",
            send("GET", "/api/orders/42/note").headers().firstValue("ETag").orElseThrow());
    assertThat(cached.statusCode()).isEqualTo(304);
  }

  private static HttpResponse<String> put(String path, String text, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/plain")
            .PUT(HttpRequest.BodyPublishers.ofString(text));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void emptyBodiesStayEmpty() throws Exception {
    HttpResponse<String> head = send("HEAD", "/legacy/orders/7");
    assertThat(head.statusCode()).isEqualTo(404);
    assertThat(type(head)).startsWith(PROBLEM);
    assertThat(head.body()).isEmpty();

    HttpResponse<String> ping = send("GET", "/legacy/ping");
    assertThat(ping.statusCode()).isEqualTo(204);
    assertThat(ping.headers().firstValue("Content-Type")).isEmpty();
  }

  @Test
  void portComesFromSystemPropertyThenEnvironment() {
    assertThat(ExampleServer.port(null, null)).isEqualTo(ExampleServer.DEFAULT_PORT);
    assertThat(ExampleServer.port(null, "7070")).isEqualTo(7070);
    assertThat(ExampleServer.port("9090", "7070")).isEqualTo(9090);
    assertThat(ExampleServer.port("0", null)).isZero();
    assertThatThrownBy(() -> ExampleServer.port("http", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("system property port");
  }

  @Test
  void bannerShowsTheRealPortAndCurlLines() {
    assertThat(server.port()).isPositive();
    assertThat(server.banner())
        .contains("http://localhost:" + server.port() + "/legacy-raw/orders/13")
        .contains("curl -si");
  }

  @Test
  void legacyPathsThatMovedOrWentOrAreInMaintenanceOrTakeJson() throws Exception {
    assertThat(send("GET", "/legacy-raw/v1/orders/42?x=1").statusCode()).isEqualTo(404);
    HttpResponse<String> moved = send("GET", "/legacy/v1/orders/42?x=1");
    assertThat(moved.statusCode()).isEqualTo(301);
    assertThat(moved.headers().firstValue("Location")).contains("/legacy/orders/42?x=1");

    assertThat(send("DELETE", "/legacy/fax/7").statusCode()).isEqualTo(410);

    HttpResponse<String> maintenance = send("GET", "/legacy/exports/today");
    assertThat(maintenance.statusCode()).isEqualTo(503);
    assertThat(maintenance.headers().firstValue("Retry-After")).contains("120");
    assertThat(maintenance.body()).contains("maintenance");
    assertThat(send("GET", "/legacy/exports/health").statusCode()).isEqualTo(404);

    HttpRequest text =
        HttpRequest.newBuilder(server.uri("/legacy/orders/42/ship"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString("hi"))
            .build();
    HttpResponse<String> unsupported = client.send(text, HttpResponse.BodyHandlers.ofString());
    assertThat(unsupported.statusCode()).isEqualTo(415);
    assertThat(unsupported.headers().firstValue("Accept-Post")).contains("application/json");
    assertThat(send("POST", "/legacy/orders/42/ship").statusCode())
        .as("a POST without a body is not judged")
        .isEqualTo(409);
  }

  @Test
  void theSlowExportIsAnswered202AndItsResultIsKeptForTheMonitor() throws Exception {
    HttpResponse<String> accepted = send("POST", "/legacy/reports/export");
    assertThat(accepted.statusCode()).isEqualTo(202);
    String monitor = accepted.headers().firstValue("Location").orElseThrow();
    assertThat(monitor).startsWith("/legacy/restatus/operations/");
    HttpResponse<String> watched = send("GET", monitor);
    for (int i = 0; i < 100 && watched.statusCode() == 202; i++) {
      Thread.sleep(100);
      watched = send("GET", monitor);
    }
    assertThat(watched.statusCode()).isEqualTo(303);
    HttpResponse<String> result =
        send("GET", watched.headers().firstValue("Location").orElseThrow());
    assertThat(result.statusCode()).isEqualTo(201);
    assertThat(result.body()).isEqualTo("{\"report\":\"monthly\",\"rows\":1234}");
    assertThat(result.headers().firstValue("Location")).contains("/legacy/reports/monthly");
  }

  @Test
  void theLegacyAppServesItsStatusCodeTable() throws Exception {
    HttpResponse<String> r = send("GET", "/legacy/restatus/contract");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(type(r)).startsWith("text/markdown");
    String readme =
        java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md")).replace("\r", "");
    String table =
        readme.substring(
            readme.indexOf("<!-- contract:start -->\n") + "<!-- contract:start -->\n".length(),
            readme.indexOf("<!-- contract:end -->"));
    assertThat(r.body()).as("the README's copy").isEqualTo(table);
  }

  @Test
  void theBatchAnswers207WithAProblemForEachFailedItem() throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(server.uri("/api/orders/batch"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "[{\"sku\":\"b\",\"qty\":1},{\"sku\":\"a\",\"qty\":1},{\"qty\":2}]"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(207);
    assertThat(type(r)).isEqualTo("application/json");
    com.fasterxml.jackson.databind.JsonNode results =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("results");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
    assertThat(results.get(0).has("problem")).isFalse();
    assertThat(results.get(1).get("problem").get("status").asInt()).isEqualTo(409);
    assertThat(results.get(2).get("problem").get("detail").asText())
        .isEqualTo("sku must not be blank");
  }

  private static HttpResponse<String> send(String method, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String type(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }
}
