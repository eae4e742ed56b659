package dev.restatus.jaxrs;

import com.sun.net.httpserver.HttpServer;
import dev.restatus.core.scenario.ScenarioRunner;
import dev.restatus.core.scenario.Scenarios;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared scenario table against {@link RestatusFeature} (auto-discovered) in Jersey on the JDK
 * HTTP server: no servlet container at all. Same resources and settings as {@code
 * JerseyContractTest}'s {@code /api} mount, and the same application root, {@code /ctx/api}. The
 * matrix modules run it on Jersey 3.1 and 4.0 (subclasses named {@code *Test}).
 */
public abstract class JdkHttpStackContract extends JerseyStackContract {

  private HttpServer server;
  private HttpServer bareServer;
  private HttpServer reportServer;
  private HttpServer offServer;
  private HttpServer fullServer;
  private ScenarioRunner app;
  private ScenarioRunner bare;
  private ScenarioRunner report;
  private ScenarioRunner off;
  private ScenarioRunner full;

  @BeforeAll
  void start() {
    // port 0: the JDK server binds a free port; the base URI's path is Jersey's application root
    server = start(Scenarios.SETTINGS);
    app = new ScenarioRunner("http://127.0.0.1:" + server.getAddress().getPort() + "/ctx/api");
    Map<String, String> off = new HashMap<>(Scenarios.SETTINGS);
    off.put("restatus.auto-register", "false");
    bareServer = start(off);
    bare = new ScenarioRunner("http://127.0.0.1:" + bareServer.getAddress().getPort() + "/ctx/api");
    Map<String, String> rep = new HashMap<>(Scenarios.SETTINGS);
    rep.put("restatus.mode", "report");
    reportServer = start(rep);
    report =
        new ScenarioRunner("http://127.0.0.1:" + reportServer.getAddress().getPort() + "/ctx/api");
    Map<String, String> offMode = new HashMap<>(Scenarios.SETTINGS);
    offMode.put("restatus.mode", "off");
    offServer = start(offMode);
    this.off =
        new ScenarioRunner("http://127.0.0.1:" + offServer.getAddress().getPort() + "/ctx/api");
    Map<String, String> fullSettings = new HashMap<>(Scenarios.SETTINGS);
    fullSettings.put("restatus.defer.max-operations", "1");
    fullServer = start(fullSettings);
    full = new ScenarioRunner("http://127.0.0.1:" + fullServer.getAddress().getPort() + "/ctx/api");
  }

  private static HttpServer start(Map<String, String> settings) {
    ResourceConfig rc = fixtures(settings);
    return JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/ctx/api/"), rc);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    for (HttpServer s : new HttpServer[] {bareServer, reportServer, offServer, fullServer}) {
      if (s != null) {
        s.stop(0);
      }
    }
  }

  @Override
  protected ScenarioRunner app() {
    return app;
  }

  @Override
  protected ScenarioRunner full() {
    return full;
  }

  @Override
  protected ScenarioRunner bare() {
    return bare;
  }

  @Override
  protected ScenarioRunner report() {
    return report;
  }

  @Override
  protected ScenarioRunner off() {
    return off;
  }
}
