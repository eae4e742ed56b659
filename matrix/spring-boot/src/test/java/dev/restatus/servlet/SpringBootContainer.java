package dev.restatus.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;

/**
 * One Spring Boot application (embedded Tomcat, Spring MVC, Boot's own error handling with {@code
 * BasicErrorController} on {@code /error}) per {@link #add}, each on its own free loopback port.
 * The fixture's servlets and filters are registered as a Boot user registers them: {@link
 * ServletRegistrationBean}s and {@link FilterRegistrationBean}s.
 */
final class SpringBootContainer implements ServletContainer {

  /** What each application is made of, beyond the beans the initializer registers. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class BootApp {}

  private final Map<String, SpringApplicationBuilder> pending = new LinkedHashMap<>();
  private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();

  @Override
  public void add(String contextPath, Map<String, String> settings) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("server.port", "0");
    props.put("server.address", "127.0.0.1");
    props.put("server.servlet.context-path", contextPath);
    props.put("spring.main.register-shutdown-hook", "false");
    props.put("logging.level.root", "WARN");
    props.put("spring.mvc.problemdetails.enabled", "true");
    if (settings.containsKey(APP_ERROR_PAGES)) {
      // Boot's error controller is the page for every status; careless, it shows the message
      props.put("server.error.include-message", "always");
    }
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(BootApp.class)
            .web(WebApplicationType.SERVLET)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties(props)
            .initializers(ctx -> register((GenericApplicationContext) ctx, settings));
    pending.put(contextPath, app);
  }

  /** Spring's own problem details, which Restatus must leave as Spring writes them. */
  @org.springframework.web.bind.annotation.RestController
  static class SpringProblems {
    @org.springframework.web.bind.annotation.GetMapping("/spring/problem")
    org.springframework.http.ProblemDetail problem() {
      org.springframework.http.ProblemDetail p =
          org.springframework.http.ProblemDetail.forStatusAndDetail(
              org.springframework.http.HttpStatus.CONFLICT, "spring says no");
      p.setType(java.net.URI.create("https://example.test/spring"));
      return p;
    }

    @org.springframework.web.bind.annotation.GetMapping("/spring/gone")
    void gone() {
      throw new org.springframework.web.ErrorResponseException(
          org.springframework.http.HttpStatus.GONE);
    }
  }

  private static void register(GenericApplicationContext ctx, Map<String, String> settings) {
    ctx.registerBean(SpringProblems.class);
    // A filter ahead of Restatus, as security filters are. Boot sorts by order and keeps the
    // registration order for equal orders: registered first, the guard runs first.
    ctx.registerBean(
        "guardFilter",
        FilterRegistrationBean.class,
        () -> {
          FilterRegistrationBean<LegacyApp.Guard> guard =
              new FilterRegistrationBean<>(new LegacyApp.Guard());
          guard.addUrlPatterns("/guarded/*", "/vault/*");
          guard.setDispatcherTypes(DispatcherType.REQUEST);
          guard.setOrder(Ordered.HIGHEST_PRECEDENCE);
          return guard;
        });
    ctx.registerBean(
        "restatusFilter",
        FilterRegistrationBean.class,
        () -> {
          FilterRegistrationBean<RestatusFilter> restatus =
              new FilterRegistrationBean<>(new RestatusFilter());
          restatus.setName("Restatus");
          restatus.addUrlPatterns("/*");
          restatus.setDispatcherTypes(
              DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
          restatus.setOrder(Ordered.HIGHEST_PRECEDENCE);
          restatus.setInitParameters(settings);
          restatus.setAsyncSupported(true);
          restatus.setEnabled(!settings.containsKey(NO_FILTER));
          return restatus;
        });
    ctx.registerBean(
        "gzipFilter",
        FilterRegistrationBean.class,
        () -> {
          FilterRegistrationBean<EdgeApp.Gzip> gz =
              new FilterRegistrationBean<>(new EdgeApp.Gzip());
          gz.addUrlPatterns("/edge/gz/*");
          gz.setDispatcherTypes(DispatcherType.REQUEST);
          return gz;
        });
    List<ServletRegistrationBean<Servlet>> servlets = new ArrayList<>();
    ServletContainer.registerServlets(
        (name, servlet, async, patterns) -> {
          ServletRegistrationBean<Servlet> bean = new ServletRegistrationBean<>(servlet, patterns);
          bean.setName(name);
          bean.setAsyncSupported(async);
          bean.setMultipartConfig(ServletContainer.multipart(servlet));
          bean.setOrder(servlets.size());
          servlets.add(bean);
        });
    for (ServletRegistrationBean<Servlet> bean : servlets) {
      ctx.registerBean(
          bean.getServletName() + "Servlet", ServletRegistrationBean.class, () -> bean);
    }
  }

  @Override
  public void start() {
    pending.forEach((contextPath, app) -> running.put(contextPath, app.run()));
  }

  @Override
  public String base(String contextPath) {
    ServletWebServerApplicationContext ctx =
        (ServletWebServerApplicationContext) running.get(contextPath);
    return "http://127.0.0.1:" + ctx.getWebServer().getPort() + contextPath;
  }

  @Override
  public void close() {
    running.values().forEach(ConfigurableApplicationContext::close);
  }
}
