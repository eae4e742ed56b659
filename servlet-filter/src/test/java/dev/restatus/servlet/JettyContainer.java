package dev.restatus.servlet;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.security.Credential;

/** Jetty 12 (ee10) on a free loopback port. */
final class JettyContainer implements ServletContainer {

  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private final Handler.Sequence contexts = new Handler.Sequence();

  JettyContainer() {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(contexts);
  }

  @Override
  public void add(String contextPath, Map<String, String> settings) {
    ServletContextHandler ctx =
        new ServletContextHandler(contextPath, ServletContextHandler.SESSIONS);
    EnumSet<DispatcherType> all =
        EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    FilterHolder guard = new FilterHolder(new LegacyApp.Guard());
    ctx.addFilter(guard, "/guarded/*", EnumSet.of(DispatcherType.REQUEST));
    ctx.addFilter(guard, "/vault/*", EnumSet.of(DispatcherType.REQUEST));
    FilterHolder restatus = new FilterHolder(RestatusFilter.class);
    restatus.setName("Restatus");
    restatus.setInitParameters(settings);
    restatus.setAsyncSupported(true);
    if (!settings.containsKey(NO_FILTER)) {
      ctx.addFilter(restatus, "/*", all);
    }
    ctx.addFilter(
        new FilterHolder(new EdgeApp.Gzip()), "/edge/gz/*", EnumSet.of(DispatcherType.REQUEST));
    ServletContainer.registerServlets(
        (name, servlet, async, patterns) -> {
          ServletHolder h = new ServletHolder(name, servlet);
          h.setAsyncSupported(async);
          if (ServletContainer.multipart(servlet) != null) {
            h.getRegistration().setMultipartConfig(ServletContainer.multipart(servlet));
          }
          for (String p : patterns) {
            ctx.addServlet(h, p);
          }
        });
    if (!settings.containsKey(NO_ERROR_PAGE)) {
      // as the README says for Jetty: error pages for every method, not only GET, POST and HEAD
      ErrorPageErrorHandler errors =
          new ErrorPageErrorHandler() {
            @Override
            public boolean errorPageForMethod(String method) {
              return true;
            }
          };
      errors.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, "/restatus-error");
      if (settings.containsKey(APP_ERROR_PAGES)) {
        errors.addErrorPage(404, "/page/404");
        errors.addErrorPage(500, "/page/500");
      }
      ctx.setErrorHandler(errors);
    }
    ctx.setSecurityHandler(security());
    contexts.addHandler(ctx);
  }

  private static ConstraintSecurityHandler security() {
    UserStore users = new UserStore();
    users.addUser("user", Credential.getCredential("pw"), new String[] {"user"});
    HashLoginService realm = new HashLoginService("restatus");
    realm.setUserStore(users);
    ConstraintSecurityHandler security = new ConstraintSecurityHandler();
    security.setLoginService(realm);
    security.setAuthenticator(new BasicAuthenticator());
    for (String path : SECURED) {
      ConstraintMapping m = new ConstraintMapping();
      m.setPathSpec(path);
      m.setConstraint(Constraint.from("admin"));
      security.addConstraintMapping(m);
    }
    return security;
  }

  @Override
  public boolean hasSecurityConstraints() {
    return true;
  }

  @Override
  public boolean challengeReachesErrorPage() {
    return false;
  }

  @Override
  public void start() throws Exception {
    server.start();
  }

  @Override
  public String base(String contextPath) {
    return "http://127.0.0.1:" + connector.getLocalPort() + contextPath;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
