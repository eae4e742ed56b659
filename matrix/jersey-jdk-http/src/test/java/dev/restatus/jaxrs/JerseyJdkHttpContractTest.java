package dev.restatus.jaxrs;

import com.sun.net.httpserver.HttpServer;
import dev.restatus.core.scenario.Adversarial;
import dev.restatus.core.scenario.RawHttp;
import dev.restatus.core.scenario.ScenarioRunner;
import dev.restatus.core.scenario.Scenarios;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
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
  private HttpServer bareServer;
  private ScenarioRunner app;
  private ScenarioRunner bare;

  @BeforeAll
  void start() {
    // port 0: the JDK server binds a free port; the base URI's path is Jersey's application root
    server = start(Scenarios.SETTINGS);
    app = new ScenarioRunner("http://127.0.0.1:" + server.getAddress().getPort() + "/ctx/api");
    Map<String, String> off = new HashMap<>(Scenarios.SETTINGS);
    off.put("restatus.auto-register", "false");
    bareServer = start(off);
    bare = new ScenarioRunner("http://127.0.0.1:" + bareServer.getAddress().getPort() + "/ctx/api");
  }

  private static HttpServer start(Map<String, String> settings) {
    ResourceConfig rc =
        new ResourceConfig(
            FixtureResource.class,
            EdgeResource.class,
            EdgeResource.AppMapper.class,
            VaultResource.class,
            VaultResource.Kept.class);
    rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    settings.forEach(rc::property);
    return JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/ctx/api/"), rc);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (bareServer != null) {
      bareServer.stop(0);
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

  @Test
  void concealedResourceCannotBeToldFromAMissingOne() throws Exception {
    Adversarial.checkConcealment(app.base());
  }

  @Test
  void neverWorseThanBareJersey() throws Exception {
    Adversarial.checkNeverWorse(bare.base(), app.base(), Adversarial.common());
  }
}
