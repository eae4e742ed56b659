package dev.restatus.benchmarks;

import dev.restatus.core.RestatusConfig;
import dev.restatus.servlet.RestatusFilter;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** {@link Host} on Jetty 12 (ee10). */
final class JettyHost implements Host {

  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  JettyHost() throws Exception {
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(
        new Handler.Sequence(
            context("/bare", null),
            context("/control", null),
            context("/wrapping", "wrapping"),
            context("/wrapped", "restatus"),
            context("/shallow", "shallow")));
    server.start();
  }

  @Override
  public int port() {
    return connector.getLocalPort();
  }

  private static ServletContextHandler context(String path, String filter) {
    ServletContextHandler ctx = new ServletContextHandler(path);
    ServletHolder legacy = new ServletHolder(new Legacy());
    legacy.setAsyncSupported(true);
    ctx.addServlet(legacy, "/*");
    if ("restatus".equals(filter)) {
      FilterHolder f = new FilterHolder(new RestatusFilter(RestatusConfig.of(Legacy.SETTINGS)));
      f.setAsyncSupported(true);
      ctx.addFilter(
          f, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
    } else if ("wrapping".equals(filter)) {
      ctx.addFilter(
          new FilterHolder(new StreamWrappingFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
    } else if ("shallow".equals(filter)) {
      FilterHolder f = new FilterHolder(new ShallowEtagHeaderFilter());
      f.setAsyncSupported(true);
      ctx.addFilter(f, "/etag", EnumSet.of(DispatcherType.REQUEST));
    }
    return ctx;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
