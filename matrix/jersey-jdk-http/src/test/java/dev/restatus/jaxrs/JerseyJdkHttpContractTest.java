package dev.restatus.jaxrs;

import com.sun.net.httpserver.HttpServer;
import dev.restatus.core.scenario.RawHttp;
import dev.restatus.core.scenario.ScenarioRunner;
import dev.restatus.core.scenario.Scenarios;
import java.net.URI;
import java.util.stream.Stream;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The shared scenario table against {@link RestatusFeature} (auto-discovered) in Jersey on the JDK
 * HTTP server: no servlet container at all. Same resources and settings as {@code
 * JerseyContractTest}'s {@code /api} mount, and the same application root, {@code /ctx/api}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JerseyJdkHttpContractTest {

  private HttpServer server;
  private ScenarioRunner app;

  @BeforeAll
  void start() {
    ResourceConfig rc =
        new ResourceConfig(FixtureResource.class, EdgeResource.class, EdgeResource.AppMapper.class);
    rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    Scenarios.SETTINGS.forEach(rc::property);
    // port 0: the JDK server binds a free port; the base URI's path is Jersey's application root
    server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/ctx/api/"), rc);
    app = new ScenarioRunner("http://127.0.0.1:" + server.getAddress().getPort() + "/ctx/api");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @TestFactory
  Stream<DynamicTest> scenarioTable() {
    return app.tests();
  }

  @Test
  void framingOnTheWire() throws Exception {
    RawHttp.checkFraming(app.base());
  }

  @Test
  void concealedForbiddenIsIndistinguishableFromMissing() throws Exception {
    app.checkConcealedLooksMissing();
  }
}
