package dev.restatus.benchmarks;

import dev.restatus.jaxrs.RestatusFeature;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * {@link Host} for Jersey 3.1 on Jetty 12 (ee10), serving {@link LegacyResource}: {@code /bare}
 * without Restatus (its auto-registration switched off), {@code /wrapped} with {@link
 * RestatusFeature} and {@link Legacy#SETTINGS}, {@code /shallow} behind {@code
 * ShallowEtagHeaderFilter} on {@code /etag}.
 */
final class JerseyHost implements Host {

  /**
   * Held, or the JUL logger (and its level) may be collected: Jersey logs every exception no mapper
   * answers, and neither side pays for logging (Restatus's own logger is off too).
   */
  private static final java.util.logging.Logger JERSEY =
      java.util.logging.Logger.getLogger("org.glassfish.jersey");

  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  JerseyHost() throws Exception {
    JERSEY.setLevel(java.util.logging.Level.OFF);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(
        new Handler.Sequence(
            context("/bare", false, false),
            context("/control", false, false),
            wrapping(context("/wrapping", false, false)),
            context("/wrapped", true, false),
            context("/shallow", false, true)));
    server.start();
  }

  @Override
  public int port() {
    return connector.getLocalPort();
  }

  private static ServletContextHandler context(String path, boolean restatus, boolean shallow) {
    ResourceConfig app = new ResourceConfig(LegacyResource.class);
    if (restatus) {
      app.register(RestatusFeature.class);
      app.addProperties(new java.util.HashMap<>(Legacy.SETTINGS));
    } else {
      app.property("restatus.auto-register", "false");
    }
    ServletContextHandler ctx = new ServletContextHandler(path);
    ctx.addServlet(new ServletHolder(new ServletContainer(app)), "/*");
    if (shallow) {
      ctx.addFilter(
          new FilterHolder(new ShallowEtagHeaderFilter()),
          "/etag",
          EnumSet.of(DispatcherType.REQUEST));
    }
    return ctx;
  }

  private static ServletContextHandler wrapping(ServletContextHandler ctx) {
    ctx.addFilter(
        new FilterHolder(new StreamWrappingFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
    return ctx;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
