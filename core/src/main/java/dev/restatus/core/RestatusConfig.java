package dev.restatus.core;

import dev.restatus.core.internal.config.Parsers;
import dev.restatus.core.internal.config.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * <p>Why this file is long: it holds every key's constant with its documentation, its README row
 * and its accessor, and merges the sources; the parsing lives in {@code internal.config}. Declaring
 * each key once and deriving the rest is the next step of the reshape.
 */
public final class RestatusConfig {

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
   * {@code restatus.renderer}: class name of a {@link ProblemRenderer} with a public no-argument
   * constructor; default {@link JsonProblemRenderer}.
   */
  public static final String RENDERER = "restatus.renderer";

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

  /** One documented key: what the README's table shows. */
  public record Key(String name, String type, String defaultValue, String meaning) {}

  private static final List<Key> KEYS =
      List.of(
          new Key(
              MODE,
              "`enforce` \\| `report` \\| `off`",
              "enforce",
              "`enforce` fixes responses; `report` leaves the wire untouched and logs/counts"
                  + " violations; `off` passes everything through"),
          new Key(
              AUTO_REGISTER,
              "boolean",
              "true",
              "`false` keeps the automatically registered copies (web-fragment, Jersey"
                  + " auto-discovery) inactive"),
          new Key(
              KEEP_ERROR_BODIES,
              "media types",
              "",
              "error bodies of these types are sent as the app wrote them (problem+json always"
                  + " is)"),
          new Key(
              EXCEPTION_PREFIX + "<class>",
              "status 400-599",
              "",
              "uncaught exceptions of this class or a subclass get this status (nearest mapped"
                  + " superclass wins)"),
          new Key(
              CLIENT_ERROR_DETAILS,
              "boolean",
              "true",
              "4xx `detail` shows the exception or `sendError` message"),
          new Key(
              SERVER_ERROR_DETAILS,
              "boolean",
              "false",
              "5xx `detail` shows the exception class and message (never the stack)"),
          new Key(
              RENDERER,
              "class name",
              JsonProblemRenderer.class.getName(),
              "the `ProblemRenderer` that writes error bodies"),
          new Key(
              CONCEAL_FORBIDDEN,
              "path patterns",
              "",
              "on these paths every 403, 404, 405 and OPTIONS gets one canonical 404, whether the"
                  + " resource exists or not (`/**` for all)"),
          new Key(
              CONCEAL_SAFE_HEADERS,
              "header names",
              "",
              "headers the canonical 404 of a concealed path keeps; every other one is dropped"),
          new Key(
              RETRY_AFTER,
              "seconds",
              "120",
              "`Retry-After` for every 503 and 429 that lacks a valid one"),
          new Key(
              AUTHENTICATE,
              "challenge",
              "Bearer realm=\"api\"",
              "`WWW-Authenticate` for every 401 that lacks one"),
          new Key(
              ALLOW_PREFIX + "<path-pattern>",
              "methods",
              "",
              "`Allow` of a 405 on matching paths, instead of the one found from the app"),
          new Key(
              METHODS,
              "methods",
              "GET HEAD POST PUT PATCH DELETE OPTIONS",
              "any other method is answered 501 before the app runs"),
          new Key(
              INSPECT_LIMIT,
              "bytes 0-1048576",
              "8192",
              "how much of a kept 5xx body is held back and looked at for internals (a stack, an"
                  + " exception class or message) before it is sent; one that shows any, or is"
                  + " longer, is replaced"));

  private final Mode mode;
  private final boolean autoRegister;
  private final List<String> keepErrorBodies;
  private final Map<String, Integer> exceptionStatuses;
  private final boolean clientErrorDetails;
  private final boolean serverErrorDetails;
  private final ProblemRenderer renderer;
  private final List<PathPattern> concealForbidden;
  private final List<String> concealSafeHeaders;
  private final long retryAfter;
  private final String authenticate;
  private final Map<PathPattern, Set<String>> allowOverrides;
  private final Set<String> methods;
  private final int inspectLimit;

  private RestatusConfig(Map<String, Setting> s, ClassLoader loader) {
    this.mode = Parsers.parseMode(s.get(MODE));
    this.autoRegister = Parsers.parseBoolean(s.get(AUTO_REGISTER));
    this.keepErrorBodies = Parsers.parseMediaTypes(s.get(KEEP_ERROR_BODIES));
    this.clientErrorDetails = Parsers.parseBoolean(s.get(CLIENT_ERROR_DETAILS));
    this.serverErrorDetails = Parsers.parseBoolean(s.get(SERVER_ERROR_DETAILS));
    this.renderer = Parsers.parseRenderer(s.get(RENDERER), loader);
    this.concealForbidden = Parsers.parsePatterns(s.get(CONCEAL_FORBIDDEN));
    this.concealSafeHeaders = Parsers.parseHeaderNames(s.get(CONCEAL_SAFE_HEADERS));
    this.retryAfter = Parsers.parseLong(s.get(RETRY_AFTER), 0, Integer.MAX_VALUE, "whole seconds");
    this.authenticate = Parsers.parseHeaderValue(s.get(AUTHENTICATE));
    this.methods = Parsers.parseMethods(s.get(METHODS), false);
    this.inspectLimit = (int) Parsers.parseLong(s.get(INSPECT_LIMIT), 0, 1 << 20, "bytes");
    Map<String, Integer> exceptions = new LinkedHashMap<>();
    Map<PathPattern, Set<String>> allow = new LinkedHashMap<>();
    for (Map.Entry<String, Setting> e : s.entrySet()) {
      String key = e.getKey();
      if (key.startsWith(EXCEPTION_PREFIX)) {
        String cls = key.substring(EXCEPTION_PREFIX.length());
        if (!Parsers.isClassName(cls)) {
          throw e.getValue().fail("a key " + EXCEPTION_PREFIX + "<fully.qualified.ClassName>");
        }
        exceptions.put(
            cls, (int) Parsers.parseLong(e.getValue(), 400, 599, "a status from 400 to 599"));
      } else if (key.startsWith(ALLOW_PREFIX)) {
        PathPattern pattern;
        try {
          pattern = PathPattern.compile(key.substring(ALLOW_PREFIX.length()));
        } catch (IllegalArgumentException ex) {
          throw e.getValue()
              .fail("a key " + ALLOW_PREFIX + "<path-pattern> (" + ex.getMessage() + ")");
        }
        allow.put(pattern, Parsers.parseMethods(e.getValue(), true));
      }
    }
    this.exceptionStatuses = Collections.unmodifiableMap(exceptions);
    List<Map.Entry<PathPattern, Set<String>>> byLength = new ArrayList<>(allow.entrySet());
    byLength.sort((a, b) -> b.getKey().toString().length() - a.getKey().toString().length());
    Map<PathPattern, Set<String>> sorted = new LinkedHashMap<>();
    byLength.forEach(e -> sorted.put(e.getKey(), e.getValue()));
    this.allowOverrides = Collections.unmodifiableMap(sorted);
  }

  /**
   * @return every documented key, in README order
   */
  public static List<Key> keys() {
    return KEYS;
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
    for (Key k : KEYS) {
      if (!k.name().endsWith(">")) {
        m.put(k.name(), new Setting(k.name(), k.defaultValue(), "built-in default"));
      }
    }
    return m;
  }

  private static void merge(Map<String, Setting> into, Map<String, String> from, String source) {
    for (Map.Entry<String, String> e : from.entrySet()) {
      String key = e.getKey().trim();
      boolean prefixed = key.startsWith(EXCEPTION_PREFIX) || key.startsWith(ALLOW_PREFIX);
      if (!prefixed && !into.containsKey(key)) {
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
    KEYS.forEach(k -> names.add(k.name()));
    return String.join(", ", names);
  }

  private static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> byEnvName = new LinkedHashMap<>();
    for (Key k : KEYS) {
      if (!k.name().endsWith(">")) {
        byEnvName.put(envName(k.name()), k.name());
      }
    }
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      if (!e.getKey().startsWith("RESTATUS_")) {
        continue;
      }
      String key = byEnvName.get(e.getKey());
      if (key == null) {
        throw new ConfigException(
            "Unknown environment variable "
                + e.getKey()
                + " = \""
                + Setting.printable(e.getValue())
                + "\"; known: "
                + String.join(", ", byEnvName.keySet())
                + " (restatus.exception.* and restatus.allow.* keys cannot be set from the"
                + " environment: use restatus.properties or a system property)");
      }
      out.put(key, e.getValue());
    }
    return out;
  }

  /**
   * @param key a fixed key such as {@code restatus.retry-after}
   * @return its environment variable name, {@code RESTATUS_RETRY_AFTER}
   */
  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * @return what Restatus does with violations
   */
  public Mode mode() {
    return mode;
  }

  /**
   * @return whether automatically registered copies are active
   */
  public boolean autoRegister() {
    return autoRegister;
  }

  /**
   * @return media types whose error bodies are kept as written
   */
  public List<String> keepErrorBodies() {
    return keepErrorBodies;
  }

  /**
   * @return exception class name to status
   */
  public Map<String, Integer> exceptionStatuses() {
    return exceptionStatuses;
  }

  /**
   * @return whether 4xx details show exception and {@code sendError} messages
   */
  public boolean clientErrorDetails() {
    return clientErrorDetails;
  }

  /**
   * @return whether 5xx details show the exception class and message
   */
  public boolean serverErrorDetails() {
    return serverErrorDetails;
  }

  /**
   * @return the renderer of error bodies
   */
  public ProblemRenderer renderer() {
    return renderer;
  }

  /**
   * @return the paths whose 403s are concealed as 404s
   */
  public List<PathPattern> concealForbidden() {
    return concealForbidden;
  }

  /**
   * @return {@value #CONCEAL_SAFE_HEADERS}: the header names a canonical 404 keeps
   */
  public List<String> concealSafeHeaders() {
    return concealSafeHeaders;
  }

  /**
   * @return the default {@code Retry-After} delay in seconds
   */
  public long retryAfter() {
    return retryAfter;
  }

  /**
   * @return the default {@code WWW-Authenticate} challenge
   */
  public String authenticate() {
    return authenticate;
  }

  /**
   * @return explicit {@code Allow} values per path pattern, longest pattern first
   */
  public Map<PathPattern, Set<String>> allowOverrides() {
    return allowOverrides;
  }

  /**
   * @return the methods the server implements
   */
  public Set<String> methods() {
    return methods;
  }

  /**
   * @return how many bytes of a passed-through error body are inspected
   */
  public int inspectLimit() {
    return inspectLimit;
  }

  /** Escapes control characters so that a bad value cannot split a log line. */
}
