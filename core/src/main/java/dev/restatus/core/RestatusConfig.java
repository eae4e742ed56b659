package dev.restatus.core;

import dev.restatus.core.internal.config.Declared;
import dev.restatus.core.internal.config.Family;
import dev.restatus.core.internal.config.Key;
import dev.restatus.core.internal.config.Keys;
import dev.restatus.core.internal.config.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parsed, immutable Restatus settings. Every key starts with {@value #PREFIX} and means the
 * same in every adapter.
 *
 * <p>Sources, later wins: built-in defaults &lt; {@code restatus.properties} at the classpath root
 * &lt; adapter properties (filter init-params, JAX-RS application properties) &lt; environment
 * variables ({@code restatus.retry-after} is {@code RESTATUS_RETRY_AFTER}) &lt; system properties.
 * An unknown {@code restatus.*} key or a bad value fails with a {@link ConfigException} naming the
 * key, the value, its source and what is allowed.
 *
 * <p>Each key is declared once in {@code internal.config.Keys} (name, type, default, parser, its
 * line of the README); the defaults, the environment names, the validation and the README's table
 * are derived from there. This class holds the public names with their documentation, merges the
 * sources, and answers the typed accessors.
 */
public final class RestatusConfig {

  /**
   * {@code restatus.moved.<path-pattern>}: a target path (from the application root) or absolute
   * URI. A request on a matching path gets {@code 301 Moved Permanently} (GET, HEAD) or {@code 308
   * Permanent Redirect} (other methods) with {@code Location} = the target, where {@code {1}},
   * {@code {2}}, ... are the segments matched by the pattern's {@code *}s and {@code {**}} the rest
   * matched by a final {@code **}; the query string is kept. The longest matching pattern of this
   * family and {@code restatus.gone} wins.
   */
  public static final String MOVED_PREFIX = "restatus.moved.";

  /**
   * {@code restatus.gone}: path patterns; default none. A request on a matching path gets {@code
   * 410 Gone}, whatever its method.
   */
  public static final String GONE = "restatus.gone";

  /**
   * {@code restatus.maintenance.paths}: path patterns; default none. Requests on them get {@code
   * 503} with a {@code Retry-After} and a problem saying the service is down for maintenance, from
   * start-up until {@code restatus.maintenance.until}, or until the {@link Maintenance} switch
   * stops it.
   */
  public static final String MAINTENANCE_PATHS = "restatus.maintenance.paths";

  /**
   * {@code restatus.maintenance.until}: an ISO-8601 instant; default none. When the start-up
   * maintenance window ends by itself; {@code Retry-After} counts the whole seconds until then (at
   * least 1). Without it, {@code Retry-After} is {@code restatus.retry-after}.
   */
  public static final String MAINTENANCE_UNTIL = "restatus.maintenance.until";

  /**
   * {@code restatus.maintenance.exempt}: path patterns; default none. Paths that pass through
   * during any maintenance window (health checks, status pages).
   */
  public static final String MAINTENANCE_EXEMPT = "restatus.maintenance.exempt";

  /**
   * {@code restatus.consumes.<path-pattern>}: media types ({@code application/json}, {@code
   * application/*}). A request with a body on a matching path whose {@code Content-Type} is none of
   * them gets {@code 415} listing them, with {@code Accept-Post} or {@code Accept-Patch}.
   */
  public static final String CONSUMES_PREFIX = "restatus.consumes.";

  /**
   * {@code restatus.produces.<path-pattern>}: media types without wildcards. A request on a
   * matching path whose {@code Accept} excludes all of them gets {@code 406} listing them.
   */
  public static final String PRODUCES_PREFIX = "restatus.produces.";

  /** Prefix of every key. */
  public static final String PREFIX = "restatus.";

  /**
   * {@code restatus.mode}: {@code enforce}, {@code report} or {@code off}; default {@code enforce}.
   * {@code enforce} fixes the wire and logs each finding at debug level; {@code report} leaves the
   * wire untouched and logs each violation once per rule, method and path, with running counts in
   * the {@code dev.restatus:type=Findings} MBean; {@code off} passes everything through.
   */
  public static final String MODE = "restatus.mode";

  /**
   * {@code restatus.auto-register}: boolean, default {@code true}. When {@code false}, the copies
   * Restatus registers by itself (the servlet jar's {@code web-fragment.xml}, Jersey
   * auto-discovery) stay inactive; explicit registrations are not affected.
   */
  public static final String AUTO_REGISTER = "restatus.auto-register";

  /**
   * {@code restatus.keep-error-bodies}: media types, comma or space separated ({@code
   * application/json}, {@code application/*}); default none. An error response whose {@code
   * Content-Type} matches one is sent as the application wrote it. {@code application/problem+json}
   * bodies are always kept.
   */
  public static final String KEEP_ERROR_BODIES = "restatus.keep-error-bodies";

  /**
   * {@code restatus.exception.<fully.qualified.ClassName>}: a status from 400 to 599. An uncaught
   * exception of that class or a subclass (nearest mapped superclass wins; the causes of an
   * unmapped exception are tried in order) answers with that status instead of 500.
   */
  public static final String EXCEPTION_PREFIX = "restatus.exception.";

  /**
   * {@code restatus.client-error-details}: boolean, default {@code true}. A 4xx caused by an
   * exception mapping or {@code sendError(status, message)} uses the message as {@code detail}.
   */
  public static final String CLIENT_ERROR_DETAILS = "restatus.client-error-details";

  /**
   * {@code restatus.server-error-details}: boolean, default {@code false}. When {@code true} a 5xx
   * {@code detail} shows the exception's class and message (never the stack trace); keep it off in
   * production.
   */
  public static final String SERVER_ERROR_DETAILS = "restatus.server-error-details";

  /**
   * {@code restatus.validation-status}: {@code 400} (default) or {@code 422}. The status of a
   * request that fails validation: a Bean Validation {@code ConstraintViolationException} on a
   * JAX-RS resource's parameters, or an {@link InvalidRequestException} the application throws. The
   * problem lists them in its {@code violations} member.
   */
  public static final String VALIDATION_STATUS = "restatus.validation-status";

  /**
   * {@code restatus.precondition-required}: path patterns, default none. A PUT, PATCH or DELETE on
   * a matching path that carries neither {@code If-Match} nor {@code If-Unmodified-Since} (nor, for
   * a create-only PUT, {@code If-None-Match}) is answered {@code 428 Precondition Required} (RFC
   * 6585 section 3) before the application runs, so that no client overwrites a change it has not
   * seen.
   */
  public static final String PRECONDITION_REQUIRED = "restatus.precondition-required";

  /**
   * {@code restatus.etag}: path patterns, default none. A 200 to a GET on a matching path that
   * carries no {@code ETag} of the application's gets a strong one, computed from the body (and its
   * {@code Content-Type}), so that a later {@code If-None-Match} gets {@code 304}. The body is held
   * back for it, at most {@link #ETAG_MAX_BUFFER} bytes; a longer one streams through untouched,
   * without an {@code ETag}. Nothing else is ever buffered.
   */
  public static final String ETAG = "restatus.etag";

  /**
   * {@code restatus.etag.max-buffer}: bytes from 0 to 16 MiB, default {@code 65536}. The most of a
   * body held back to compute its {@code ETag} ({@link #ETAG}).
   */
  public static final String ETAG_MAX_BUFFER = "restatus.etag.max-buffer";

  /**
   * {@code restatus.defer.<path-pattern>}: a duration ({@code 2s}, {@code 500ms}, {@code 1m}, or
   * ISO-8601 {@code PT2S}). A request on a matching path that the application has not answered
   * after it gets {@code 202 Accepted} with {@code Location} (its monitor, under {@link
   * #DEFER_MONITOR_PATH}) and {@code Retry-After}, while the application goes on; its response is
   * captured and served by the monitor. A request answered in time is answered normally. The
   * longest matching pattern wins.
   */
  public static final String DEFER_PREFIX = "restatus.defer.";

  /**
   * {@code restatus.defer.monitor-path}: a path from the application root, starting and ending with
   * {@code /}; default {@code /restatus/operations/}. Where operations answered 202 are watched:
   * {@code <path><id>} answers 202 while one runs and 303 to {@code <path><id>/result} when it is
   * done.
   */
  public static final String DEFER_MONITOR_PATH = "restatus.defer.monitor-path";

  /**
   * {@code restatus.defer.max-result}: bytes, default {@code 1048576}. The longest body of an
   * operation's result that is kept; a longer one becomes a 500 problem (logged).
   */
  public static final String DEFER_MAX_RESULT = "restatus.defer.max-result";

  /**
   * {@code restatus.defer.ttl}: a duration, default {@code 1h}. How long a result is kept after its
   * operation finished; the monitor then answers 404. An operation still running after it is
   * dropped the same way (its result is discarded, logged): set it above the longest run.
   */
  public static final String DEFER_TTL = "restatus.defer.ttl";

  /**
   * {@code restatus.defer.max-operations}: a count, default {@code 1000}. The most operations kept
   * at once, running or finished; when full, a request that would be deferred is answered as if
   * nothing deferred it (a finished result is never pushed out before {@link #DEFER_TTL}).
   */
  public static final String DEFER_MAX_OPERATIONS = "restatus.defer.max-operations";

  /**
   * {@code restatus.defer.max-bytes}: bytes, default {@code 67108864} (64 MiB), at least {@link
   * #DEFER_MAX_RESULT}. The most bytes results take at once beyond 1 KiB each (every operation may
   * hold a small result, such as a problem, besides); a result that does not fit becomes a 500
   * problem saying so.
   */
  public static final String DEFER_MAX_BYTES = "restatus.defer.max-bytes";

  /**
   * {@code restatus.defer.store}: class name of a {@link
   * dev.restatus.core.operation.OperationStore} with a public constructor taking its {@link
   * dev.restatus.core.operation.OperationStore.Bounds}; default {@link
   * dev.restatus.core.operation.MemoryOperationStore}, this instance's memory. A cluster behind a
   * load balancer needs a store every instance shares.
   */
  public static final String DEFER_STORE = "restatus.defer.store";

  /**
   * {@code restatus.contract-path}: a path from the application root, default none (off). A GET
   * there answers with the API's status-code table written from these settings ({@link
   * ContractTable}): JSON for {@code Accept: application/json}, HTML for {@code text/html}, else
   * Markdown. Read-only; it shows which paths are concealed, so expose it only where that is fine.
   */
  public static final String CONTRACT_PATH = "restatus.contract-path";

  /**
   * {@code restatus.renderer}: class name of a {@link ProblemRenderer} with a public no-argument
   * constructor; default {@link JsonProblemRenderer}. With the default, a client that prefers XML
   * to JSON gets {@link XmlProblemRenderer}'s {@code application/problem+xml}; a renderer of its
   * own writes every problem.
   */
  public static final String RENDERER = "restatus.renderer";

  /**
   * {@code restatus.error-pages}: statuses from 400 to 599 (or {@code *} for a default page) for
   * which the application registered its own HTML error page in code (an embedded container's
   * {@code addErrorPage}, Spring Boot's error controller); default none. Servlet filter only: the
   * pages of {@code WEB-INF/web.xml} are found without it. A client that prefers HTML to JSON gets
   * the page instead of a problem for a {@code sendError} of such a status (a 5xx page only if it
   * shows no internals); the filter must be mapped to the {@code ERROR} dispatch to see it.
   */
  public static final String ERROR_PAGES = "restatus.error-pages";

  /**
   * {@code restatus.conceal-forbidden}: path patterns ({@link PathPattern}), comma or space
   * separated; default none, {@code /**} for all. On a matching path every 403, 404 and 405, and
   * every {@code OPTIONS} request, is answered with one canonical 404: the same status, headers and
   * body whether the resource exists or not.
   */
  public static final String CONCEAL_FORBIDDEN = "restatus.conceal-forbidden";

  /**
   * {@code restatus.conceal-forbidden.safe-headers}: header names, comma or space separated;
   * default none. The headers the application or container set that the canonical 404 of a
   * concealed path keeps (say, a {@code Strict-Transport-Security} every response carries). Every
   * other header is dropped, since it could tell an existing resource from a missing one.
   */
  public static final String CONCEAL_SAFE_HEADERS = "restatus.conceal-forbidden.safe-headers";

  /**
   * {@code restatus.retry-after}: whole seconds, default {@code 120}. The {@code Retry-After} of
   * every 503 and 429 that has no valid one.
   */
  public static final String RETRY_AFTER = "restatus.retry-after";

  /**
   * {@code restatus.authenticate}: the {@code WWW-Authenticate} challenge of a 401 that has none;
   * default {@code Bearer realm="api"} (RFC 6750 section 3: a scheme followed by at least one
   * auth-param).
   */
  public static final String AUTHENTICATE = "restatus.authenticate";

  /**
   * {@code restatus.allow.<path-pattern>}: methods, comma or space separated. The {@code Allow} of
   * a 405 on a matching path, instead of the one found from the application; where several patterns
   * match, the longest pattern wins.
   */
  public static final String ALLOW_PREFIX = "restatus.allow.";

  /**
   * {@code restatus.methods}: the methods the server implements, default {@code GET HEAD POST PUT
   * PATCH DELETE OPTIONS}. Any other method is answered 501 before the application runs.
   */
  public static final String METHODS = "restatus.methods";

  /**
   * {@code restatus.inspect-limit}: bytes from 0 to 1048576, default {@code 8192}. How much of a
   * kept 5xx body ({@code restatus.keep-error-bodies}) is held back and looked at for a stack
   * trace, an exception class or message before anything is sent: one that shows any, or is longer
   * than that, is replaced by a problem. In {@code report} mode the start of every error body is
   * copied aside and looked at while it streams. {@code 0} looks at nothing.
   */
  public static final String INSPECT_LIMIT = "restatus.inspect-limit";

  private final Map<Declared, Object> values = new IdentityHashMap<>();

  private RestatusConfig(Map<String, Setting> settings, ClassLoader loader) {
    for (Key<?> k : Keys.keys()) {
      values.put(k, k.parser().parse(settings.get(k.name()), loader));
    }
    for (Family<?, ?> f : Keys.families()) {
      values.put(f, f.parse(settings, loader));
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T get(Key<T> key) {
    return (T) values.get(key);
  }

  @SuppressWarnings("unchecked")
  private <K, V> Map<K, V> get(Family<K, V> family) {
    return (Map<K, V>) values.get(family);
  }

  /**
   * @return a typed builder for programmatic set-up
   */
  public static RestatusConfigBuilder builder() {
    return new RestatusConfigBuilder();
  }

  /**
   * @return the built-in defaults, ignoring every external source
   */
  public static RestatusConfig defaults() {
    return of(Map.of());
  }

  /**
   * Defaults overridden by exactly {@code properties}; no file, environment or system property is
   * read. For programmatic set-up and tests.
   *
   * @param properties {@code restatus.*} keys and values
   * @return the parsed configuration
   * @throws ConfigException if a key is unknown or a value bad
   */
  public static RestatusConfig of(Map<String, String> properties) {
    Map<String, Setting> merged = defaultSettings();
    merge(merged, properties, "programmatic properties");
    return new RestatusConfig(merged, defaultLoader());
  }

  /**
   * Reads every source in order of precedence: defaults, {@code restatus.properties} on the context
   * class loader, {@code adapterProperties}, the environment, system properties.
   *
   * @param adapterProperties the adapter's own settings (keys not starting with {@value #PREFIX}
   *     are ignored)
   * @param adapterSource how to name that source in error messages ("filter init-param")
   * @return the parsed configuration
   * @throws ConfigException if a key is unknown or a value bad
   */
  public static RestatusConfig load(Map<String, ?> adapterProperties, String adapterSource) {
    Map<String, String> sys = new TreeMap<>();
    System.getProperties().forEach((k, v) -> sys.put(String.valueOf(k), String.valueOf(v)));
    return load(adapterProperties, adapterSource, defaultLoader(), System.getenv(), sys);
  }

  /**
   * {@link #load(Map, String)} with every source given, for tests.
   *
   * @param adapterProperties the adapter's own settings
   * @param adapterSource how to name that source in error messages
   * @param loader where to look for {@code restatus.properties}; {@code null} skips the file
   * @param env the environment variables
   * @param systemProperties the system properties
   * @return the parsed configuration
   */
  static RestatusConfig load(
      Map<String, ?> adapterProperties,
      String adapterSource,
      ClassLoader loader,
      Map<String, String> env,
      Map<String, String> systemProperties) {
    Map<String, Setting> merged = defaultSettings();
    if (loader != null) {
      URL url = loader.getResource("restatus.properties");
      if (url != null) {
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
          p.load(in);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + url, e);
        }
        Map<String, String> file = new TreeMap<>();
        p.forEach((k, v) -> file.put(String.valueOf(k), String.valueOf(v)));
        merge(merged, file, url.toString());
      }
    }
    Map<String, String> adapter = new TreeMap<>();
    adapterProperties.forEach(
        (k, v) -> {
          if (k.startsWith(PREFIX) && v != null) {
            adapter.put(k, String.valueOf(v));
          }
        });
    merge(merged, adapter, adapterSource);
    merge(merged, fromEnvironment(env), "environment");
    Map<String, String> sys = new TreeMap<>();
    systemProperties.forEach(
        (k, v) -> {
          if (k.startsWith(PREFIX)) {
            sys.put(k, v);
          }
        });
    merge(merged, sys, "system properties");
    return new RestatusConfig(merged, loader != null ? loader : defaultLoader());
  }

  private static ClassLoader defaultLoader() {
    ClassLoader tccl = Thread.currentThread().getContextClassLoader();
    return tccl != null ? tccl : RestatusConfig.class.getClassLoader();
  }

  private static Map<String, Setting> defaultSettings() {
    Map<String, Setting> m = new LinkedHashMap<>();
    for (Key<?> k : Keys.keys()) {
      m.put(k.name(), new Setting(k.name(), k.defaultValue(), "built-in default"));
    }
    return m;
  }

  private static void merge(Map<String, Setting> into, Map<String, String> from, String source) {
    for (Map.Entry<String, String> e : from.entrySet()) {
      String key = e.getKey().trim();
      boolean member = Keys.families().stream().anyMatch(f -> key.startsWith(f.prefix()));
      if (!member && !into.containsKey(key)) {
        throw new ConfigException(
            "Unknown setting "
                + key
                + " = \""
                + Setting.printable(e.getValue())
                + "\" (from "
                + source
                + "); known keys: "
                + knownKeys());
      }
      into.put(key, new Setting(key, e.getValue().trim(), source));
    }
  }

  private static String knownKeys() {
    List<String> names = new ArrayList<>();
    Keys.ALL.forEach(k -> names.add(k.displayName()));
    return String.join(", ", names);
  }

  private static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> byEnvName = new LinkedHashMap<>();
    for (Key<?> k : Keys.keys()) {
      byEnvName.put(k.envName(), k.name());
    }
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      if (!e.getKey().startsWith("RESTATUS_")) {
        continue;
      }
      String key = byEnvName.get(e.getKey());
      if (key == null) {
        List<String> families = new ArrayList<>();
        Keys.families().forEach(f -> families.add(f.prefix() + "*"));
        throw new ConfigException(
            "Unknown environment variable "
                + e.getKey()
                + " = \""
                + Setting.printable(e.getValue())
                + "\"; known: "
                + String.join(", ", byEnvName.keySet())
                + " ("
                + String.join(" and ", families)
                + " keys cannot be set from the environment: use restatus.properties or a system"
                + " property)");
      }
      out.put(key, e.getValue());
    }
    return out;
  }

  /**
   * @return {@value #MODE}: what Restatus does with violations
   */
  public Mode mode() {
    return get(Keys.MODE_KEY);
  }

  /**
   * @return {@value #AUTO_REGISTER}: whether automatically registered copies are active
   */
  public boolean autoRegister() {
    return get(Keys.AUTO_REGISTER_KEY);
  }

  /**
   * @return {@value #KEEP_ERROR_BODIES}: media types whose error bodies are kept as written
   */
  public List<String> keepErrorBodies() {
    return get(Keys.KEEP_ERROR_BODIES_KEY);
  }

  /**
   * @return {@value #EXCEPTION_PREFIX}{@code *}: exception class name to status
   */
  public Map<String, Integer> exceptionStatuses() {
    return get(Keys.EXCEPTIONS);
  }

  /**
   * @return {@value #CLIENT_ERROR_DETAILS}: whether 4xx details show exception and {@code
   *     sendError} messages
   */
  public boolean clientErrorDetails() {
    return get(Keys.CLIENT_ERROR_DETAILS_KEY);
  }

  /**
   * @return {@value #SERVER_ERROR_DETAILS}: whether 5xx details show the exception class and
   *     message
   */
  public boolean serverErrorDetails() {
    return get(Keys.SERVER_ERROR_DETAILS_KEY);
  }

  /**
   * @return {@value #RENDERER}: the renderer of error bodies
   */
  public ProblemRenderer renderer() {
    return get(Keys.RENDERER_KEY);
  }

  /**
   * @return {@value #ETAG}: the paths whose 200 GET responses get a generated ETag
   */
  public List<PathPattern> etagPaths() {
    return get(Keys.ETAG_KEY);
  }

  /**
   * @return {@value #ETAG_MAX_BUFFER}: the most bytes held back for a generated ETag
   */
  public int etagMaxBuffer() {
    return get(Keys.ETAG_MAX_BUFFER_KEY);
  }

  /**
   * @return {@value #DEFER_PREFIX}{@code *}: the time after which a request is answered 202, per
   *     path pattern, longest pattern first
   */
  public Map<PathPattern, java.time.Duration> defer() {
    return get(Keys.DEFER);
  }

  /**
   * @return {@value #DEFER_MONITOR_PATH}: where operations are watched, from the application root
   */
  public String deferMonitorPath() {
    return get(Keys.DEFER_MONITOR_PATH_KEY);
  }

  /**
   * @return {@value #DEFER_MAX_RESULT}: the longest result body kept
   */
  public int deferMaxResult() {
    return get(Keys.DEFER_MAX_RESULT_KEY);
  }

  /**
   * @return {@value #DEFER_TTL}: how long a result is kept
   */
  public java.time.Duration deferTtl() {
    return get(Keys.DEFER_TTL_KEY);
  }

  /**
   * @return {@value #DEFER_MAX_OPERATIONS}: the most operations kept at once
   */
  public int deferMaxOperations() {
    return get(Keys.DEFER_MAX_OPERATIONS_KEY);
  }

  /**
   * @return {@value #DEFER_MAX_BYTES}: the most bytes of results kept at once
   */
  public long deferMaxBytes() {
    return get(Keys.DEFER_MAX_BYTES_KEY);
  }

  /**
   * @return {@value #DEFER_STORE}: a new store with the configured bounds
   */
  public dev.restatus.core.operation.OperationStore deferStore() {
    return get(Keys.DEFER_STORE_KEY)
        .apply(
            new dev.restatus.core.operation.OperationStore.Bounds(
                deferMaxOperations(), deferMaxBytes(), deferTtl()));
  }

  /**
   * @return {@value #CONTRACT_PATH}: where the status-code table is served, or {@code ""} for
   *     nowhere
   */
  public String contractPath() {
    return get(Keys.CONTRACT_PATH_KEY);
  }

  /**
   * @return {@value #PRECONDITION_REQUIRED}: the paths whose writes must be conditional
   */
  public List<PathPattern> preconditionRequired() {
    return get(Keys.PRECONDITION_REQUIRED_KEY);
  }

  /**
   * @return {@value #VALIDATION_STATUS}: the status of a validation failure, 400 or 422
   */
  public int validationStatus() {
    return get(Keys.VALIDATION_STATUS_KEY);
  }

  /**
   * @return {@value #ERROR_PAGES}: the statuses with an error page registered in code, 0 standing
   *     for a default page
   */
  public java.util.Set<Integer> errorPages() {
    return get(Keys.ERROR_PAGES_KEY);
  }

  /**
   * @return {@value #CONCEAL_FORBIDDEN}: the paths whose 403s are concealed as 404s
   */
  public List<PathPattern> concealForbidden() {
    return get(Keys.CONCEAL_FORBIDDEN_KEY);
  }

  /**
   * @return {@value #CONCEAL_SAFE_HEADERS}: the header names a canonical 404 keeps
   */
  public List<String> concealSafeHeaders() {
    return get(Keys.CONCEAL_SAFE_HEADERS_KEY);
  }

  /**
   * @return {@value #RETRY_AFTER}: the default {@code Retry-After} delay in seconds
   */
  public long retryAfter() {
    return get(Keys.RETRY_AFTER_KEY);
  }

  /**
   * @return {@value #AUTHENTICATE}: the default {@code WWW-Authenticate} challenge
   */
  public String authenticate() {
    return get(Keys.AUTHENTICATE_KEY);
  }

  /**
   * @return {@value #ALLOW_PREFIX}{@code *}: explicit {@code Allow} values per path pattern,
   *     longest pattern first
   */
  public Map<PathPattern, Set<String>> allowOverrides() {
    return get(Keys.ALLOW);
  }

  /**
   * @return {@value #METHODS}: the methods the server implements
   */
  public Set<String> methods() {
    return get(Keys.METHODS_KEY);
  }

  /**
   * @return {@value #MOVED_PREFIX}{@code *}: targets per path pattern, longest pattern first
   */
  public Map<PathPattern, String> moved() {
    return get(Keys.MOVED);
  }

  /**
   * @return {@value #GONE}: the paths that are gone
   */
  public List<PathPattern> gone() {
    return get(Keys.GONE_KEY);
  }

  /**
   * @return {@value #MAINTENANCE_PATHS}: the paths of the start-up maintenance window
   */
  public List<PathPattern> maintenancePaths() {
    return get(Keys.MAINTENANCE_PATHS_KEY);
  }

  /**
   * @return {@value #MAINTENANCE_UNTIL}: when the start-up maintenance window ends, if it does
   */
  public java.util.Optional<java.time.Instant> maintenanceUntil() {
    return get(Keys.MAINTENANCE_UNTIL_KEY);
  }

  /**
   * @return {@value #MAINTENANCE_EXEMPT}: paths that pass through every maintenance window
   */
  public List<PathPattern> maintenanceExempt() {
    return get(Keys.MAINTENANCE_EXEMPT_KEY);
  }

  /**
   * @return {@value #CONSUMES_PREFIX}{@code *}: accepted body types per path pattern, longest
   *     pattern first
   */
  public Map<PathPattern, List<String>> consumes() {
    return get(Keys.CONSUMES);
  }

  /**
   * @return {@value #PRODUCES_PREFIX}{@code *}: available response types per path pattern, longest
   *     pattern first
   */
  public Map<PathPattern, List<String>> produces() {
    return get(Keys.PRODUCES);
  }

  /**
   * @return {@value #INSPECT_LIMIT}: how many bytes of a kept error body are looked at
   */
  public int inspectLimit() {
    return get(Keys.INSPECT_LIMIT_KEY);
  }
}
