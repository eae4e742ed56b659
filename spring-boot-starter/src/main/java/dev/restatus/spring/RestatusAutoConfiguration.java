package dev.restatus.spring;

import dev.restatus.core.RestatusConfig;
import dev.restatus.servlet.RestatusFilter;
import jakarta.servlet.DispatcherType;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Registers {@link RestatusFilter} in a Spring Boot servlet application: for the {@code REQUEST},
 * {@code ASYNC} and {@code ERROR} dispatches of every path, at the highest precedence (so that it
 * covers every other filter), with the {@code restatus.*} settings of Boot's environment ({@code
 * application.properties} or YAML, profiles, command line; a YAML list is joined with spaces).
 * {@code restatus.properties}, {@code RESTATUS_*} environment variables and system properties are
 * read too, as everywhere.
 *
 * <p>It backs off when the application registers a {@code RestatusFilter} itself (a {@code
 * FilterRegistrationBean} or a filter bean) and when {@code restatus.auto-register=false}. Spring's
 * own {@code ProblemDetail} responses pass through unchanged: they are problems already.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RestatusFilter.class)
@ConditionalOnProperty(
    name = RestatusConfig.AUTO_REGISTER,
    havingValue = "true",
    matchIfMissing = true)
public class RestatusAutoConfiguration {

  /** The name the filter is registered under. */
  public static final String FILTER_NAME = "restatus";

  /**
   * @param environment Boot's environment
   * @return the filter's registration
   */
  @Bean
  @ConditionalOnMissingFilterBean(RestatusFilter.class)
  public FilterRegistrationBean<RestatusFilter> restatusFilter(Environment environment) {
    return registration(
        new RestatusFilter(
            RestatusConfig.load(restatusProperties(environment), "Spring Boot environment")));
  }

  /**
   * A {@code RestatusFilter} bean of the application's own, without a registration: Boot would map
   * it for {@code REQUEST} dispatches only, at no particular order, and with none of the
   * environment's settings. It gets the same registration as the starter's filter, with the
   * environment's {@code restatus.*} settings as its init-params (a filter built with a {@code
   * RestatusConfig} of its own keeps that).
   *
   * @param filter the application's filter
   * @param environment Boot's environment
   * @param beans the application's beans, to look for a registration of its own
   * @return its registration (disabled when the application registers the filter itself)
   */
  @Bean
  @ConditionalOnBean(RestatusFilter.class)
  public FilterRegistrationBean<RestatusFilter> restatusFilterOfTheApplication(
      RestatusFilter filter,
      Environment environment,
      org.springframework.beans.factory.ListableBeanFactory beans) {
    FilterRegistrationBean<RestatusFilter> registration = registration(filter);
    registration.setInitParameters(restatusProperties(environment));
    // a registration of the application's own decides: this one then stays out of the way
    for (String name :
        beans.getBeanNamesForType(
            org.springframework.core.ResolvableType.forClassWithGenerics(
                FilterRegistrationBean.class, RestatusFilter.class),
            false,
            false)) {
      if (!name.equals(APPLICATION_FILTER_REGISTRATION)) {
        registration.setEnabled(false);
      }
    }
    return registration;
  }

  /** The name of the registration of an application's bare filter bean. */
  static final String APPLICATION_FILTER_REGISTRATION = "restatusFilterOfTheApplication";

  private static FilterRegistrationBean<RestatusFilter> registration(RestatusFilter filter) {
    FilterRegistrationBean<RestatusFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName(FILTER_NAME);
    registration.setDispatcherTypes(
        DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    registration.addUrlPatterns("/*");
    registration.setAsyncSupported(true);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Every {@code restatus.*} property of the environment, resolved with Boot's precedence; the
   * indexed entries of a YAML list ({@code restatus.gone[0]}, {@code [1]}...) joined with spaces.
   */
  static Map<String, String> restatusProperties(Environment environment) {
    Map<String, String> out = new TreeMap<>();
    if (!(environment instanceof ConfigurableEnvironment env)) {
      return out;
    }
    // a key comes whole from the first (highest-precedence) source that has it, as a value or as
    // a list ([0], [1]...), as Boot binds it
    for (PropertySource<?> source : env.getPropertySources()) {
      if (!(source instanceof EnumerablePropertySource<?> names)) {
        continue;
      }
      Map<String, String> scalars = new TreeMap<>();
      Map<String, TreeMap<Integer, String>> lists = new TreeMap<>();
      for (String name : names.getPropertyNames()) {
        if (!name.startsWith(RestatusConfig.PREFIX)) {
          continue;
        }
        Object raw = source.getProperty(name);
        if (raw == null) {
          continue;
        }
        String value = env.resolvePlaceholders(String.valueOf(raw));
        int bracket = name.lastIndexOf('[');
        if (bracket > 0 && name.endsWith("]")) {
          String inner = name.substring(bracket + 1, name.length() - 1);
          if (!inner.isEmpty() && inner.chars().allMatch(Character::isDigit)) {
            lists
                .computeIfAbsent(name.substring(0, bracket), k -> new TreeMap<>())
                .put(Integer.parseInt(inner), value);
            continue;
          }
        }
        scalars.put(unbracketed(name), value);
      }
      scalars.forEach(out::putIfAbsent);
      lists.forEach((name, values) -> out.putIfAbsent(name, String.join(" ", values.values())));
    }
    return out;
  }

  /**
   * {@code restatus.defer[/reports/**]} (a YAML key in brackets, so that Boot keeps its slashes and
   * stars) as Restatus names it: {@code restatus.defer./reports/**}.
   */
  private static String unbracketed(String name) {
    int open = name.indexOf('[');
    if (open > 0 && name.endsWith("]")) {
      String inner = name.substring(open + 1, name.length() - 1);
      if (!inner.chars().allMatch(Character::isDigit)) {
        return name.substring(0, open) + "." + inner;
      }
    }
    return name;
  }
}
