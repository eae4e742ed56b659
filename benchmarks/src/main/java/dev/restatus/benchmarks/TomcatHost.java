package dev.restatus.benchmarks;

import dev.restatus.core.RestatusConfig;
import dev.restatus.servlet.RestatusFilter;
import jakarta.servlet.DispatcherType;
import java.io.File;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** {@link Host} on embedded Tomcat 10.1. */
final class TomcatHost implements Host {

  private final Tomcat tomcat = new Tomcat();

  TomcatHost() throws Exception {
    File base = Files.createTempDirectory("restatus-bench-tomcat").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    // keep connections open as Jetty does (Tomcat closes after 100 requests by default)
    tomcat.getConnector().setProperty("maxKeepAliveRequests", "-1");
    context("/bare", null);
    context("/control", null);
    context("/wrapping", "wrapping");
    context("/wrapped", "restatus");
    context("/shallow", "shallow");
    tomcat.start();
  }

  @Override
  public int port() {
    return tomcat.getConnector().getLocalPort();
  }

  private void context(String path, String filter) throws Exception {
    Context ctx = tomcat.addContext(path, Files.createTempDirectory("docbase").toString());
    Wrapper w = Tomcat.addServlet(ctx, "legacy", new Legacy());
    w.setAsyncSupported(true);
    ctx.addServletMappingDecoded("/*", "legacy");
    if (filter == null) {
      return;
    }
    FilterDef def = new FilterDef();
    def.setFilterName(filter);
    def.setAsyncSupported("true");
    def.setFilter(
        switch (filter) {
          case "restatus" -> new RestatusFilter(RestatusConfig.of(Legacy.SETTINGS));
          case "wrapping" -> new StreamWrappingFilter();
          default -> new ShallowEtagHeaderFilter();
        });
    ctx.addFilterDef(def);
    FilterMap map = new FilterMap();
    map.setFilterName(filter);
    if (!"shallow".equals(filter)) {
      map.addURLPattern("/*");
      map.setDispatcher(DispatcherType.REQUEST.name());
      map.setDispatcher(DispatcherType.ASYNC.name());
      map.setDispatcher(DispatcherType.ERROR.name());
    } else {
      map.addURLPattern("/etag");
      map.setDispatcher(DispatcherType.REQUEST.name());
    }
    ctx.addFilterMap(map);
  }

  @Override
  public void close() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }
}
