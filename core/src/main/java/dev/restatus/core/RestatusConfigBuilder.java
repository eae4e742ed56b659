package dev.restatus.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed programmatic set-up: each method sets one {@code restatus.*} key, and {@link #build()} or
 * {@link #load(String)} parse the result exactly as a properties file would be parsed, so a bad
 * value fails in the same way, naming the key. Obtained from {@link RestatusConfig#builder()}.
 *
 * <pre>{@code
 * RestatusConfig config = RestatusConfig.builder()
 *     .concealForbidden("/admin/**")
 *     .exception(IllegalArgumentException.class, 400)
 *     .retryAfter(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 */
public final class RestatusConfigBuilder {

  private final Map<String, String> properties = new LinkedHashMap<>();

  RestatusConfigBuilder() {}

  /**
   * Sets any key, as a properties file would.
   *
   * @param key a {@code restatus.*} key
   * @param value its value
   * @return this builder
   */
  public RestatusConfigBuilder set(String key, String value) {
    properties.put(key, value);
    return this;
  }

  /**
   * @param mode {@value RestatusConfig#MODE}
   * @return this builder
   */
  public RestatusConfigBuilder mode(Mode mode) {
    return set(RestatusConfig.MODE, mode.name().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * @param autoRegister {@value RestatusConfig#AUTO_REGISTER}
   * @return this builder
   */
  public RestatusConfigBuilder autoRegister(boolean autoRegister) {
    return set(RestatusConfig.AUTO_REGISTER, Boolean.toString(autoRegister));
  }

  /**
   * @param mediaTypes {@value RestatusConfig#KEEP_ERROR_BODIES}
   * @return this builder
   */
  public RestatusConfigBuilder keepErrorBodies(String... mediaTypes) {
    return set(RestatusConfig.KEEP_ERROR_BODIES, String.join(" ", mediaTypes));
  }

  /**
   * @param type an exception class ({@value RestatusConfig#EXCEPTION_PREFIX}{@code <class>})
   * @param status the status its instances answer with, 400 to 599
   * @return this builder
   */
  public RestatusConfigBuilder exception(Class<? extends Throwable> type, int status) {
    return set(RestatusConfig.EXCEPTION_PREFIX + type.getName(), Integer.toString(status));
  }

  /**
   * @param on {@value RestatusConfig#CLIENT_ERROR_DETAILS}
   * @return this builder
   */
  public RestatusConfigBuilder clientErrorDetails(boolean on) {
    return set(RestatusConfig.CLIENT_ERROR_DETAILS, Boolean.toString(on));
  }

  /**
   * @param on {@value RestatusConfig#SERVER_ERROR_DETAILS}
   * @return this builder
   */
  public RestatusConfigBuilder serverErrorDetails(boolean on) {
    return set(RestatusConfig.SERVER_ERROR_DETAILS, Boolean.toString(on));
  }

  /**
   * @param status {@value RestatusConfig#VALIDATION_STATUS}: 400 or 422
   * @return this builder
   */
  public RestatusConfigBuilder validationStatus(int status) {
    return set(RestatusConfig.VALIDATION_STATUS, Integer.toString(status));
  }

  /**
   * @param patterns {@value RestatusConfig#ETAG}
   * @return this builder
   */
  public RestatusConfigBuilder etag(String... patterns) {
    return set(RestatusConfig.ETAG, String.join(" ", patterns));
  }

  /**
   * @param bytes {@value RestatusConfig#ETAG_MAX_BUFFER}
   * @return this builder
   */
  public RestatusConfigBuilder etagMaxBuffer(int bytes) {
    return set(RestatusConfig.ETAG_MAX_BUFFER, Integer.toString(bytes));
  }

  /**
   * @param patterns {@value RestatusConfig#PRECONDITION_REQUIRED}
   * @return this builder
   */
  public RestatusConfigBuilder preconditionRequired(String... patterns) {
    return set(RestatusConfig.PRECONDITION_REQUIRED, String.join(" ", patterns));
  }

  /**
   * @param renderer {@value RestatusConfig#RENDERER}: a class with a public no-argument constructor
   * @return this builder
   */
  public RestatusConfigBuilder renderer(Class<? extends ProblemRenderer> renderer) {
    return set(RestatusConfig.RENDERER, renderer.getName());
  }

  /**
   * @param statuses {@value RestatusConfig#ERROR_PAGES}: statuses, or {@code *} for a default page
   * @return this builder
   */
  public RestatusConfigBuilder errorPages(String... statuses) {
    return set(RestatusConfig.ERROR_PAGES, String.join(" ", statuses));
  }

  /**
   * @param patterns {@value RestatusConfig#CONCEAL_FORBIDDEN}
   * @return this builder
   */
  public RestatusConfigBuilder concealForbidden(String... patterns) {
    return set(RestatusConfig.CONCEAL_FORBIDDEN, String.join(" ", patterns));
  }

  /**
   * @param headerNames {@value RestatusConfig#CONCEAL_SAFE_HEADERS}
   * @return this builder
   */
  public RestatusConfigBuilder concealSafeHeaders(String... headerNames) {
    return set(RestatusConfig.CONCEAL_SAFE_HEADERS, String.join(" ", headerNames));
  }

  /**
   * @param delay {@value RestatusConfig#RETRY_AFTER}, in whole seconds
   * @return this builder
   */
  public RestatusConfigBuilder retryAfter(Duration delay) {
    return set(RestatusConfig.RETRY_AFTER, Long.toString(delay.toSeconds()));
  }

  /**
   * @param challenge {@value RestatusConfig#AUTHENTICATE}
   * @return this builder
   */
  public RestatusConfigBuilder authenticate(String challenge) {
    return set(RestatusConfig.AUTHENTICATE, challenge);
  }

  /**
   * @param pattern a path pattern ({@value RestatusConfig#ALLOW_PREFIX}{@code <path-pattern>})
   * @param methods the {@code Allow} of its 405s
   * @return this builder
   */
  public RestatusConfigBuilder allow(String pattern, String... methods) {
    return set(RestatusConfig.ALLOW_PREFIX + pattern, String.join(" ", methods));
  }

  /**
   * @param methods {@value RestatusConfig#METHODS}
   * @return this builder
   */
  public RestatusConfigBuilder methods(String... methods) {
    return set(RestatusConfig.METHODS, String.join(" ", methods));
  }

  /**
   * @param bytes {@value RestatusConfig#INSPECT_LIMIT}
   * @return this builder
   */
  public RestatusConfigBuilder inspectLimit(int bytes) {
    return set(RestatusConfig.INSPECT_LIMIT, Integer.toString(bytes));
  }

  /**
   * @param pattern a path pattern ({@value RestatusConfig#MOVED_PREFIX}{@code <path-pattern>})
   * @param target where it moved: a path from the application root or an absolute URI
   * @return this builder
   */
  public RestatusConfigBuilder moved(String pattern, String target) {
    return set(RestatusConfig.MOVED_PREFIX + pattern, target);
  }

  /**
   * @param patterns {@value RestatusConfig#GONE}
   * @return this builder
   */
  public RestatusConfigBuilder gone(String... patterns) {
    return set(RestatusConfig.GONE, String.join(" ", patterns));
  }

  /**
   * @param patterns {@value RestatusConfig#MAINTENANCE_PATHS}
   * @return this builder
   */
  public RestatusConfigBuilder maintenancePaths(String... patterns) {
    return set(RestatusConfig.MAINTENANCE_PATHS, String.join(" ", patterns));
  }

  /**
   * @param until {@value RestatusConfig#MAINTENANCE_UNTIL}
   * @return this builder
   */
  public RestatusConfigBuilder maintenanceUntil(java.time.Instant until) {
    return set(RestatusConfig.MAINTENANCE_UNTIL, until.toString());
  }

  /**
   * @param patterns {@value RestatusConfig#MAINTENANCE_EXEMPT}
   * @return this builder
   */
  public RestatusConfigBuilder maintenanceExempt(String... patterns) {
    return set(RestatusConfig.MAINTENANCE_EXEMPT, String.join(" ", patterns));
  }

  /**
   * @param pattern a path pattern ({@value RestatusConfig#CONSUMES_PREFIX}{@code <path-pattern>})
   * @param mediaTypes the body types it accepts
   * @return this builder
   */
  public RestatusConfigBuilder consumes(String pattern, String... mediaTypes) {
    return set(RestatusConfig.CONSUMES_PREFIX + pattern, String.join(" ", mediaTypes));
  }

  /**
   * @param pattern a path pattern ({@value RestatusConfig#PRODUCES_PREFIX}{@code <path-pattern>})
   * @param mediaTypes the response types it produces
   * @return this builder
   */
  public RestatusConfigBuilder produces(String pattern, String... mediaTypes) {
    return set(RestatusConfig.PRODUCES_PREFIX + pattern, String.join(" ", mediaTypes));
  }

  /**
   * @return the defaults overridden by exactly what was set (no file, environment or system
   *     property is read)
   * @throws ConfigException if a value is bad, naming the key
   */
  public RestatusConfig build() {
    return RestatusConfig.of(properties);
  }

  /**
   * @param source how to name these settings in error messages ("my code")
   * @return what was set merged with every other source, as {@link RestatusConfig#load(Map,
   *     String)} does: operators can still override it
   * @throws ConfigException if a value is bad, naming the key
   */
  public RestatusConfig load(String source) {
    return RestatusConfig.load(properties, source);
  }
}
