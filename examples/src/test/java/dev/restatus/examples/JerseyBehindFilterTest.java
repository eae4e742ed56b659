package dev.restatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restatus.core.RestatusConfig;
import dev.restatus.examples.api.ShopApi;
import dev.restatus.servlet.RestatusFilter;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both adapters at once: RestatusFilter in front of a Jersey servlet that has the feature. */
class JerseyBehindFilterTest {

  private static Server server;
  private static String base;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler ctx = new ServletContextHandler("/");
    FilterHolder filter = new FilterHolder(new RestatusFilter(RestatusConfig.of(Map.of())));
    filter.setAsyncSupported(true);
    ctx.addFilter(
        filter,
        "/*",
        EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
    ServletHolder jersey = new ServletHolder(new ServletContainer(new ShopApi("enforce")));
    jersey.setAsyncSupported(true);
    ctx.addServlet(jersey, "/api/*");
    server.setHandler(ctx);
    server.start();
    base = "http://127.0.0.1:" + connector.getLocalPort() + "/api";
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
  }

  @Test
  void malformedContentTypeRejectedByJerseyBeforeItsPipelineGetsAProblem() throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + "/orders"))
                .header("Content-Type", "application/json;;=;charset")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void aProblemFromTheFeatureIsKeptByTheFilter() throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + "/nope")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("\"status\":404");
    assertThat(r.headers().allValues("Restatus-Error-Id")).hasSize(1);
  }
}
