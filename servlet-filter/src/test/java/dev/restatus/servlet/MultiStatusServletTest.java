package dev.restatus.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restatus.core.MultiStatus;
import dev.restatus.core.Problem;
import dev.restatus.core.RestatusConfig;
import dev.restatus.core.scenario.ScenarioRunner;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link MultiStatusResponses} on a real Jetty 12: the 207 document behind the filter ({@code
 * enforce} and {@code report}) and without it, and a 207 a servlet writes in another format,
 * counted as a finding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiStatusServletTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A legacy batch servlet. */
  static final class BatchServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

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
          .add("caf\u00e9", 200, "cr\u00e8me")
          .build();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String what = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
      switch (what) {
        case "doc" -> MultiStatusResponses.write(req, resp, results());
        case "after-writer" -> {
          resp.setCharacterEncoding("UTF-8");
          resp.getWriter(); // a servlet that took its writer before deciding what to answer
          MultiStatusResponses.write(req, resp, results());
        }
        case "text" -> {
          resp.setStatus(207);
          resp.setContentType("text/plain");
          resp.getWriter().write("3 done, 1 failed");
        }
        default -> resp.sendError(404);
      }
    }
  }

  private Server server;
  private ScenarioRunner app;
  private ScenarioRunner report;
  private ScenarioRunner bare;

  private static ServletContextHandler context(String path, String mode) {
    ServletContextHandler ctx = new ServletContextHandler(path);
    if (mode != null) {
      FilterHolder f =
          new FilterHolder(new RestatusFilter(RestatusConfig.of(Map.of("restatus.mode", mode))));
      f.setName("Restatus");
      f.setAsyncSupported(true);
      ctx.addFilter(
          f, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
    }
    ctx.addServlet(new ServletHolder(new BatchServlet()), "/batch/*");
    return ctx;
  }

  @BeforeAll
  void start() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    Handler.Sequence contexts = new Handler.Sequence();
    contexts.addHandler(context("/ms", "enforce"));
    contexts.addHandler(context("/ms-report", "report"));
    contexts.addHandler(context("/ms-bare", null));
    server.setHandler(contexts);
    server.start();
    String base = "http://127.0.0.1:" + connector.getLocalPort();
    app = new ScenarioRunner(base + "/ms");
    report = new ScenarioRunner(base + "/ms-report");
    bare = new ScenarioRunner(base + "/ms-bare");
  }

  @AfterAll
  void stop() throws Exception {
    server.stop();
  }

  /** The document, checked to be a 207 in JSON with the results of {@link BatchServlet}. */
  private static JsonNode document(HttpResponse<byte[]> r) throws Exception {
    String text = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(r.statusCode()).as(text).isEqualTo(207);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(r.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(r.body().length));
    JsonNode doc = JSON.readTree(r.body());
    JsonNode results = doc.get("results");
    assertThat(results.size()).isEqualTo(4);
    assertThat(results.get(0).toString())
        .isEqualTo("{\"id\":\"a1\",\"status\":201,\"body\":{\"orderId\":7}}");
    assertThat(results.at("/1/problem/status").asInt()).isEqualTo(409);
    assertThat(results.at("/1/problem/title").asText()).isEqualTo("Conflict");
    assertThat(results.at("/1/problem/errorId").asText()).matches("[0-9a-f]{16}");
    assertThat(results.at("/1").has("body")).isFalse();
    assertThat(results.at("/3/id").asText()).isEqualTo("caf\u00e9");
    assertThat(results.at("/3/body").asText()).isEqualTo("cr\u00e8me");
    assertThat(text).contains("caf\\u00E9");
    return doc;
  }

  private static void assertSanitized(JsonNode doc, String text) {
    JsonNode failure = doc.at("/results/2/problem");
    assertThat(failure.get("status").asInt()).isEqualTo(500);
    assertThat(failure.get("detail").asText())
        .isEqualTo(
            "The server could not complete the request. Quote error id "
                + failure.get("errorId").asText()
                + " when reporting this.");
    assertThat(text).doesNotContain("IllegalStateException").doesNotContain("com.acme");
  }

  @Test
  void behindTheFilterTheDocumentIsA207() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/batch/doc");
    assertSanitized(document(r), new String(r.body(), StandardCharsets.UTF_8));
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .startsWith("{\"results\":[{\"id\":\"a1\",\"status\":201,");
  }

  @Test
  void withoutTheFilterTheDocumentHasTheSameShape() throws Exception {
    HttpResponse<byte[]> r = bare.send("GET", "/batch/doc");
    assertSanitized(document(r), new String(r.body(), StandardCharsets.UTF_8));
  }

  @Test
  void aServletThatTookItsWriterStillSendsTheDocument() throws Exception {
    HttpResponse<byte[]> r = app.send("GET", "/batch/after-writer");
    assertSanitized(document(r), new String(r.body(), StandardCharsets.UTF_8));
  }

  @Test
  void reportModeCountsTheLeakingItemAndChangesNothing() throws Exception {
    report.checkFindingCounted(
        "server-error-leak GET /batch/doc: 500 multi-status item problem shows a stack trace or"
            + " exception class",
        () -> {
          JsonNode doc = document(report.send("GET", "/batch/doc"));
          assertThat(doc.at("/results/2/problem/detail").asText())
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
