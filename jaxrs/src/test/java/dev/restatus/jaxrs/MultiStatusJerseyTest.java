package dev.restatus.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restatus.core.MultiStatus;
import dev.restatus.core.Problem;
import dev.restatus.core.scenario.ScenarioRunner;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A {@link MultiStatus} entity through {@link RestatusFeature} in Jersey on a real Jetty 12: the
 * 207 document on the wire, whatever the response status below 400 or the client's {@code Accept};
 * and a 207 the resource writes itself in another format, counted as a finding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiStatusJerseyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A batch endpoint written the way an application writes one. */
  @Path("/batch")
  public static class BatchResource {

    static MultiStatus results() {
      return MultiStatus.builder()
          .add("a1", 201, Map.of("orderId", 7))
          .add("a2", 409)
          .add(
              "a3",
              Problem.builder(500)
                  .detail(
                      "java.lang.IllegalStateException: pool exhausted\n"
                          + "\tat com.acme.orders.OrderDao.insert(OrderDao.java:42)")
                  .build())
          .build();
    }

    @GET
    @Path("plain")
    public MultiStatus plain() {
      return results();
    }

    @GET
    @Path("created")
    public Response created() {
      return Response.status(201).entity(results()).build();
    }

    @GET
    @Path("failed")
    public Response failed() {
      return Response.status(503).entity(results()).build();
    }

    @GET
    @Path("text")
    public Response text() {
      return Response.status(207).entity("3 done, 1 failed").type(MediaType.TEXT_PLAIN).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public MultiStatus create(List<String> skus) {
      MultiStatus.Builder b = MultiStatus.builder();
      for (int i = 0; i < skus.size(); i++) {
        String sku = skus.get(i);
        if (sku.isBlank()) {
          b.add(Integer.toString(i), Problem.builder(422).detail("sku is blank").build());
        } else {
          b.add(Integer.toString(i), 201, Map.of("sku", sku));
        }
      }
      return b.build();
    }
  }

  private Server server;
  private ScenarioRunner app;
  private ScenarioRunner report;

  private static ServletHolder jersey(String mode) {
    ResourceConfig rc = new ResourceConfig(BatchResource.class);
    rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    rc.property("restatus.mode", mode);
    return new ServletHolder(new ServletContainer(rc));
  }

  @BeforeAll
  void start() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler ctx = new ServletContextHandler("/ctx");
    ctx.addServlet(jersey("enforce"), "/api/*");
    ctx.addServlet(jersey("report"), "/report/*");
    server.setHandler(ctx);
    server.start();
    String base = "http://127.0.0.1:" + connector.getLocalPort() + "/ctx";
    app = new ScenarioRunner(base + "/api");
    report = new ScenarioRunner(base + "/report");
  }

  @AfterAll
  void stop() throws Exception {
    server.stop();
  }

  /** The document, checked to be a 207 in JSON. */
  private static JsonNode document(HttpResponse<byte[]> r) throws Exception {
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(207);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    return JSON.readTree(r.body());
  }

  private static void assertTheResults(JsonNode doc, String body) {
    JsonNode results = doc.get("results");
    assertThat(results.size()).isEqualTo(3);
    assertThat(results.get(0).toString())
        .isEqualTo("{\"id\":\"a1\",\"status\":201,\"body\":{\"orderId\":7}}");
    JsonNode conflict = results.get(1);
    List<String> members = new ArrayList<>();
    conflict.fieldNames().forEachRemaining(members::add);
    assertThat(members).containsExactly("id", "status", "problem");
    assertThat(conflict.at("/problem/status").asInt()).isEqualTo(409);
    assertThat(conflict.at("/problem/title").asText()).isEqualTo("Conflict");
    assertThat(conflict.at("/problem/errorId").asText()).matches("[0-9a-f]{16}");
    JsonNode failure = results.get(2);
    assertThat(failure.get("status").asInt()).isEqualTo(500);
    assertThat(failure.at("/problem/detail").asText())
        .isEqualTo(
            "The server could not complete the request. Quote error id "
                + failure.at("/problem/errorId").asText()
                + " when reporting this.");
    assertThat(body).doesNotContain("IllegalStateException").doesNotContain("com.acme");
  }

  @Test
  void aReturnedMultiStatusIsA207Document() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/batch/plain");
    assertTheResults(document(r), new String(r.body(), StandardCharsets.UTF_8));
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .startsWith("{\"results\":[{\"id\":\"a1\",\"status\":201,");
  }

  @Test
  void theResponseStatusBecomes207() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/batch/created");
    assertTheResults(document(r), new String(r.body(), StandardCharsets.UTF_8));
  }

  @Test
  void theDocumentIsJsonWhateverTheClientAccepts() throws Exception {
    for (String accept : List.of("application/xml", "text/html", "*/*", "application/json")) {
      HttpResponse<byte[]> r = app.send("GET", "/batch/plain", "Accept", accept);
      assertTheResults(document(r), new String(r.body(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aPostedBatchGetsOneResultPerItem() throws Exception {
    HttpResponse<byte[]> r =
        app.sendWithBody(
            "POST", "/batch", "[\"A-1\",\" \",\"B-2\"]", "Content-Type", "application/json");
    JsonNode results = document(r).get("results");
    assertThat(results.toString())
        .isEqualTo(
            "[{\"id\":\"0\",\"status\":201,\"body\":{\"sku\":\"A-1\"}},"
                + "{\"id\":\"1\",\"status\":422,\"problem\":{\"type\":\"about:blank\","
                + "\"title\":\"Unprocessable Content\",\"status\":422,\"detail\":\"sku is blank\"}},"
                + "{\"id\":\"2\",\"status\":201,\"body\":{\"sku\":\"B-2\"}}]");
  }

  @Test
  void anErrorStatusTheResourceChoseStaysAndGetsAProblem() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/batch/failed");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(ScenarioRunner.problemOf(r).path("status").asInt()).isEqualTo(503);
  }

  @Test
  void reportModeWritesTheDocumentAndCountsTheLeakingItem() throws Exception {
    report.checkFindingCounted(
        "server-error-leak GET /batch/plain: 500 multi-status item problem shows a stack trace or"
            + " exception class",
        () -> {
          HttpResponse<byte[]> r = report.send("GET", "/batch/plain");
          JsonNode doc = document(r);
          assertThat(doc.at("/results/2/problem/detail").asText())
              .as("report mode changes nothing")
              .contains("IllegalStateException");
        });
  }

  @Test
  void a207ThatIsNoDocumentIsCountedAndKept() throws Exception {
    app.checkFindingCounted(
        "multi-status GET /batch/text: 207 with text/plain, not a multi-status document (JSON or"
            + " XML)",
        () -> {
          HttpResponse<byte[]> r = app.send("GET", "/batch/text");
          assertThat(r.statusCode()).isEqualTo(207);
          assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("3 done, 1 failed");
        });
  }
}
