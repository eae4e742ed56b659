package dev.restatus.spring;

import dev.restatus.core.RestatusConfig;
import dev.restatus.servlet.RestatusFilter;
import jakarta.servlet.DispatcherType;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.AutoConfiguration;
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
    RestatusFilter filter =
        new RestatusFilter(
            RestatusConfig.load(restatusProperties(environment), "Spring Boot environment"));
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
    Map<String, TreeMap<Integer, String>> lists = new TreeMap<>();
    for (PropertySource<?> source : env.getPropertySources()) {
      if (!(source instanceof EnumerablePropertySource<?> names)) {
        continue;
      }
      // a list comes whole from the first source that has it, as Boot binds lists
      Map<String, TreeMap<Integer, String>> here = new TreeMap<>();
      for (String name : names.getPropertyNames()) {
        if (!name.startsWith(RestatusConfig.PREFIX) || out.containsKey(unbracketed(name))) {
          continue;
        }
        int bracket = name.lastIndexOf('[');
        if (bracket > 0 && name.endsWith("]")) {
          try {
            int index = Integer.parseInt(name.substring(bracket + 1, name.length() - 1));
            Object value = source.getProperty(name);
            if (value != null) {
              here.computeIfAbsent(name.substring(0, bracket), k -> new TreeMap<>())
                  .put(index, env.resolvePlaceholders(String.valueOf(value)));
            }
            continue;
          } catch (NumberFormatException e) {
            // not a list index: a map key in brackets, as YAML needs for "[/reports/**]"
          }
        }
        String value = env.getProperty(name);
        if (value != null) {
          out.putIfAbsent(unbracketed(name), value);
        }
      }
      here.forEach(lists::putIfAbsent);
    }
    lists.forEach((name, values) -> out.putIfAbsent(name, String.join(" ", values.values())));
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
