package dev.restatus.servlet;

import jakarta.servlet.DispatcherType;
import java.io.File;
import java.nio.file.Files;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.authenticator.BasicAuthenticator;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.descriptor.web.LoginConfig;
import org.apache.tomcat.util.descriptor.web.SecurityCollection;
import org.apache.tomcat.util.descriptor.web.SecurityConstraint;

/**
 * Tomcat (embedded) on a free loopback port, set up as a standalone Tomcat sets up an application:
 * the default servlet on {@code /}.
 */
final class TomcatContainer implements ServletContainer {

  private final Tomcat tomcat = new Tomcat();

  TomcatContainer() throws Exception {
    File base = Files.createTempDirectory("restatus-tomcat").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    tomcat.addUser("user", "pw");
    tomcat.addRole("user", "user");
  }

  @Override
  public void add(String contextPath, Map<String, String> settings) throws Exception {
    File docBase = Files.createTempDirectory("restatus-docbase").toFile();
    Context ctx = tomcat.addContext(contextPath, docBase.getAbsolutePath());
    FilterDef guard = new FilterDef();
    guard.setFilterName("guard");
    guard.setFilter(new LegacyApp.Guard());
    ctx.addFilterDef(guard);
    FilterMap guardMap = new FilterMap();
    guardMap.setFilterName("guard");
    guardMap.addURLPattern("/guarded/*");
    guardMap.addURLPattern("/vault/*");
    guardMap.setDispatcher(DispatcherType.REQUEST.name());
    ctx.addFilterMap(guardMap);

    FilterDef def = new FilterDef();
    def.setFilterName("Restatus");
    def.setFilterClass(RestatusFilter.class.getName());
    def.setAsyncSupported("true");
    settings.forEach(def::addInitParameter);
    if (!settings.containsKey(NO_FILTER)) {
      ctx.addFilterDef(def);
      FilterMap map = new FilterMap();
      map.setFilterName("Restatus");
      map.addURLPattern("/*");
      map.setDispatcher(DispatcherType.REQUEST.name());
      map.setDispatcher(DispatcherType.ASYNC.name());
      map.setDispatcher(DispatcherType.ERROR.name());
      ctx.addFilterMap(map);
    }

    FilterDef gz = new FilterDef();
    gz.setFilterName("gzip");
    gz.setFilter(new EdgeApp.Gzip());
    ctx.addFilterDef(gz);
    FilterMap gzMap = new FilterMap();
    gzMap.setFilterName("gzip");
    gzMap.addURLPattern("/edge/gz/*");
    gzMap.setDispatcher(DispatcherType.REQUEST.name());
    ctx.addFilterMap(gzMap);

    ServletContainer.registerServlets(
        (name, servlet, async, patterns) -> {
          Wrapper w = Tomcat.addServlet(ctx, name, servlet);
          w.setAsyncSupported(async);
          w.setMultipartConfigElement(ServletContainer.multipart(servlet));
          for (String p : patterns) {
            ctx.addServletMappingDecoded(p, name);
          }
        });
    Tomcat.addServlet(ctx, "default", new DefaultServlet());
    ctx.addServletMappingDecoded("/", "default");
    SecurityConstraint constraint = new SecurityConstraint();
    constraint.addAuthRole("admin");
    SecurityCollection secured = new SecurityCollection();
    for (String path : SECURED) {
      secured.addPattern(path);
    }
    constraint.addCollection(secured);
    ctx.addConstraint(constraint);
    ctx.addSecurityRole("admin");
    LoginConfig login = new LoginConfig();
    login.setAuthMethod("BASIC");
    login.setRealmName("restatus");
    ctx.setLoginConfig(login);
    ctx.getPipeline().addValve(new BasicAuthenticator());
    if (!settings.containsKey(NO_ERROR_PAGE)) {
      ErrorPage page = new ErrorPage();
      page.setLocation("/restatus-error");
      ctx.addErrorPage(page);
      if (settings.containsKey(APP_ERROR_PAGES)) {
        for (int code : new int[] {404, 500}) {
          ErrorPage own = new ErrorPage();
          own.setErrorCode(code);
          own.setLocation("/page/" + code);
          ctx.addErrorPage(own);
        }
      }
    }
  }

  @Override
  public boolean hasSecurityConstraints() {
    return true;
  }

  @Override
  public void start() throws Exception {
    tomcat.start();
  }

  @Override
  public String base(String contextPath) {
    return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + contextPath;
  }

  @Override
  public void close() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }
}
