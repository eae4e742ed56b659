package dev.restatus.core.internal.config;

import static dev.restatus.core.RestatusConfig.ALLOW_PREFIX;
import static dev.restatus.core.RestatusConfig.AUTHENTICATE;
import static dev.restatus.core.RestatusConfig.AUTO_REGISTER;
import static dev.restatus.core.RestatusConfig.CLIENT_ERROR_DETAILS;
import static dev.restatus.core.RestatusConfig.CONCEAL_FORBIDDEN;
import static dev.restatus.core.RestatusConfig.CONCEAL_SAFE_HEADERS;
import static dev.restatus.core.RestatusConfig.CONSUMES_PREFIX;
import static dev.restatus.core.RestatusConfig.CONTRACT_PATH;
import static dev.restatus.core.RestatusConfig.DEFER_MAX_BYTES;
import static dev.restatus.core.RestatusConfig.DEFER_MAX_OPERATIONS;
import static dev.restatus.core.RestatusConfig.DEFER_MAX_RESULT;
import static dev.restatus.core.RestatusConfig.DEFER_MONITOR_PATH;
import static dev.restatus.core.RestatusConfig.DEFER_PREFIX;
import static dev.restatus.core.RestatusConfig.DEFER_STORE;
import static dev.restatus.core.RestatusConfig.DEFER_TTL;
import static dev.restatus.core.RestatusConfig.ERROR_PAGES;
import static dev.restatus.core.RestatusConfig.ETAG;
import static dev.restatus.core.RestatusConfig.ETAG_MAX_BUFFER;
import static dev.restatus.core.RestatusConfig.EXCEPTION_PREFIX;
import static dev.restatus.core.RestatusConfig.GONE;
import static dev.restatus.core.RestatusConfig.INSPECT_LIMIT;
import static dev.restatus.core.RestatusConfig.KEEP_ERROR_BODIES;
import static dev.restatus.core.RestatusConfig.MAINTENANCE_EXEMPT;
import static dev.restatus.core.RestatusConfig.MAINTENANCE_PATHS;
import static dev.restatus.core.RestatusConfig.MAINTENANCE_UNTIL;
import static dev.restatus.core.RestatusConfig.METHODS;
import static dev.restatus.core.RestatusConfig.MODE;
import static dev.restatus.core.RestatusConfig.MOVED_PREFIX;
import static dev.restatus.core.RestatusConfig.PRECONDITION_REQUIRED;
import static dev.restatus.core.RestatusConfig.PRODUCES_PREFIX;
import static dev.restatus.core.RestatusConfig.RENDERER;
import static dev.restatus.core.RestatusConfig.RETRY_AFTER;
import static dev.restatus.core.RestatusConfig.SERVER_ERROR_DETAILS;
import static dev.restatus.core.RestatusConfig.VALIDATION_STATUS;

import dev.restatus.core.JsonProblemRenderer;
import dev.restatus.core.Mode;
import dev.restatus.core.PathPattern;
import dev.restatus.core.ProblemRenderer;
import dev.restatus.core.operation.MemoryOperationStore;
import dev.restatus.core.operation.OperationStore;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every {@code restatus.*} key, declared once: name, type, default, parser and its line of
 * documentation, in the order of the README's table. The public names and their full documentation
 * are the constants of {@link dev.restatus.core.RestatusConfig}.
 */
public final class Keys {

  private Keys() {}

  /** {@link dev.restatus.core.RestatusConfig#MODE}. */
  public static final Key<Mode> MODE_KEY =
      new Key<>(
          MODE,
          "`enforce` \\| `report` \\| `off`",
          "enforce",
          "`enforce` fixes responses; `report` leaves the wire untouched and logs/counts"
              + " violations; `off` passes everything through",
          (s, l) -> Parsers.parseMode(s));

  /** {@link dev.restatus.core.RestatusConfig#AUTO_REGISTER}. */
  public static final Key<Boolean> AUTO_REGISTER_KEY =
      new Key<>(
          AUTO_REGISTER,
          "boolean",
          "true",
          "`false` keeps the automatically registered copies (web-fragment, Jersey"
              + " auto-discovery) inactive",
          (s, l) -> Parsers.parseBoolean(s));

  /** {@link dev.restatus.core.RestatusConfig#KEEP_ERROR_BODIES}. */
  public static final Key<List<String>> KEEP_ERROR_BODIES_KEY =
      new Key<>(
          KEEP_ERROR_BODIES,
          "media types",
          "",
          "error bodies of these types are sent as the app wrote them (problem+json always is)",
          (s, l) -> Parsers.parseMediaTypes(s));

  /** {@link dev.restatus.core.RestatusConfig#EXCEPTION_PREFIX}. */
  public static final Family<String, Integer> EXCEPTIONS =
      new Family<>(
          EXCEPTION_PREFIX,
          "<class>",
          "status 400-599",
          "uncaught exceptions of this class or a subclass get this status (nearest mapped"
              + " superclass wins)",
          (member, s) -> {
            if (!Parsers.isClassName(member)) {
              throw s.fail("a key " + EXCEPTION_PREFIX + "<fully.qualified.ClassName>");
            }
            return member;
          },
          (m, s, l) -> (int) Parsers.parseLong(s, 400, 599, "a status from 400 to 599"),
          false);

  /** {@link dev.restatus.core.RestatusConfig#CLIENT_ERROR_DETAILS}. */
  public static final Key<Boolean> CLIENT_ERROR_DETAILS_KEY =
      new Key<>(
          CLIENT_ERROR_DETAILS,
          "boolean",
          "true",
          "4xx `detail` shows the exception or `sendError` message",
          (s, l) -> Parsers.parseBoolean(s));

  /** {@link dev.restatus.core.RestatusConfig#SERVER_ERROR_DETAILS}. */
  public static final Key<Boolean> SERVER_ERROR_DETAILS_KEY =
      new Key<>(
          SERVER_ERROR_DETAILS,
          "boolean",
          "false",
          "5xx `detail` shows the exception class and message (never the stack)",
          (s, l) -> Parsers.parseBoolean(s));

  /** {@link dev.restatus.core.RestatusConfig#VALIDATION_STATUS}. */
  public static final Key<Integer> VALIDATION_STATUS_KEY =
      new Key<>(
          VALIDATION_STATUS,
          "`400` \\| `422`",
          "400",
          "status of a Bean Validation failure or `InvalidRequestException`, with its"
              + " `violations`",
          (s, l) -> {
            if (s.value().equals("400") || s.value().equals("422")) {
              return Integer.parseInt(s.value());
            }
            throw s.fail("400 or 422");
          });

  /** {@link dev.restatus.core.RestatusConfig#RENDERER}. */
  public static final Key<ProblemRenderer> RENDERER_KEY =
      new Key<>(
          RENDERER,
          "class name",
          JsonProblemRenderer.class.getName(),
          "the `ProblemRenderer` that writes error bodies (the default writes problem+xml to"
              + " clients preferring XML)",
          Parsers::parseRenderer);

  /** {@link dev.restatus.core.RestatusConfig#ERROR_PAGES}. */
  public static final Key<Set<Integer>> ERROR_PAGES_KEY =
      new Key<>(
          ERROR_PAGES,
          "statuses, `*`",
          "",
          "servlet filter: statuses the app has its own HTML error page for, registered in code"
              + " (`*`: a default page); those of `WEB-INF/web.xml` are found. A client preferring"
              + " HTML gets the page",
          (s, l) -> Parsers.parseErrorStatuses(s));

  /** {@link dev.restatus.core.RestatusConfig#CONCEAL_FORBIDDEN}. */
  public static final Key<List<PathPattern>> CONCEAL_FORBIDDEN_KEY =
      new Key<>(
          CONCEAL_FORBIDDEN,
          "path patterns",
          "",
          "on these paths every 403, 404, 405 and OPTIONS gets one canonical 404, whether the"
              + " resource exists or not (`/**` for all)",
          (s, l) -> Parsers.parsePatterns(s));

  /** {@link dev.restatus.core.RestatusConfig#CONCEAL_SAFE_HEADERS}. */
  public static final Key<List<String>> CONCEAL_SAFE_HEADERS_KEY =
      new Key<>(
          CONCEAL_SAFE_HEADERS,
          "header names",
          "",
          "headers the canonical 404 of a concealed path keeps; every other one is dropped",
          (s, l) -> Parsers.parseHeaderNames(s));

  /** {@link dev.restatus.core.RestatusConfig#RETRY_AFTER}. */
  public static final Key<Long> RETRY_AFTER_KEY =
      new Key<>(
          RETRY_AFTER,
          "seconds",
          "120",
          "`Retry-After` for every 503 and 429 that lacks a valid one",
          (s, l) -> Parsers.parseLong(s, 0, Integer.MAX_VALUE, "whole seconds"));

  /** {@link dev.restatus.core.RestatusConfig#AUTHENTICATE}. */
  public static final Key<String> AUTHENTICATE_KEY =
      new Key<>(
          AUTHENTICATE,
          "challenge",
          "Bearer realm=\"api\"",
          "`WWW-Authenticate` for every 401 that lacks one",
          (s, l) -> Parsers.parseHeaderValue(s));

  /** {@link dev.restatus.core.RestatusConfig#ALLOW_PREFIX}. */
  public static final Family<PathPattern, Set<String>> ALLOW =
      new Family<>(
          ALLOW_PREFIX,
          "<path-pattern>",
          "methods",
          "`Allow` of a 405 on matching paths, instead of the one found from the app",
          Family::pathPattern,
          (m, s, l) -> Parsers.parseMethods(s, true),
          true);

  /** {@link dev.restatus.core.RestatusConfig#METHODS}. */
  public static final Key<Set<String>> METHODS_KEY =
      new Key<>(
          METHODS,
          "methods",
          "GET HEAD POST PUT PATCH DELETE OPTIONS",
          "any other method is answered 501 before the app runs",
          (s, l) -> Parsers.parseMethods(s, false));

  /** {@link dev.restatus.core.RestatusConfig#INSPECT_LIMIT}. */
  public static final Key<Integer> INSPECT_LIMIT_KEY =
      new Key<>(
          INSPECT_LIMIT,
          "bytes 0-1048576",
          "8192",
          "how much of a kept 5xx body is held back and looked at for internals (a stack, an"
              + " exception class or message) before it is sent; one that shows any, or is longer,"
              + " is replaced",
          (s, l) -> (int) Parsers.parseLong(s, 0, 1 << 20, "bytes"));

  /** {@link dev.restatus.core.RestatusConfig#MOVED_PREFIX}. */
  public static final Family<PathPattern, String> MOVED =
      new Family<>(
          MOVED_PREFIX,
          "<path-pattern>",
          "target",
          "301 (GET, HEAD) or 308 to the target (`{1}`… the `*` segments, `{**}` the rest; query"
              + " kept; `/…` is from the app root)",
          Family::pathPattern,
          (pattern, s, l) -> Parsers.parseTarget(pattern, s),
          true);

  /** {@link dev.restatus.core.RestatusConfig#GONE}. */
  public static final Key<List<PathPattern>> GONE_KEY =
      new Key<>(
          GONE,
          "path patterns",
          "",
          "410 for any method (the longest pattern of moved and gone wins)",
          (s, l) -> Parsers.parsePatterns(s));

  /** {@link dev.restatus.core.RestatusConfig#MAINTENANCE_PATHS}. */
  public static final Key<List<PathPattern>> MAINTENANCE_PATHS_KEY =
      new Key<>(
          MAINTENANCE_PATHS,
          "path patterns",
          "",
          "503 with `Retry-After` from start-up (switch at run time: `Maintenance`, JMX"
              + " `dev.restatus:type=Maintenance`)",
          (s, l) -> Parsers.parsePatterns(s));

  /** {@link dev.restatus.core.RestatusConfig#MAINTENANCE_UNTIL}. */
  public static final Key<java.util.Optional<java.time.Instant>> MAINTENANCE_UNTIL_KEY =
      new Key<>(
          MAINTENANCE_UNTIL,
          "ISO-8601 instant",
          "",
          "the window ends by itself then; `Retry-After` counts down to it",
          (s, l) -> Parsers.parseInstant(s));

  /** {@link dev.restatus.core.RestatusConfig#MAINTENANCE_EXEMPT}. */
  public static final Key<List<PathPattern>> MAINTENANCE_EXEMPT_KEY =
      new Key<>(
          MAINTENANCE_EXEMPT,
          "path patterns",
          "",
          "pass through every maintenance window (health checks)",
          (s, l) -> Parsers.parsePatterns(s));

  /** {@link dev.restatus.core.RestatusConfig#CONSUMES_PREFIX}. */
  public static final Family<PathPattern, List<String>> CONSUMES =
      new Family<>(
          CONSUMES_PREFIX,
          "<path-pattern>",
          "media types",
          "a body of any other `Content-Type` gets 415 with `Accept-Post`/`Accept-Patch`",
          Family::pathPattern,
          (pattern, s, l) -> Parsers.parseMediaTypes(s),
          true);

  /** {@link dev.restatus.core.RestatusConfig#PRODUCES_PREFIX}. */
  public static final Family<PathPattern, List<String>> PRODUCES =
      new Family<>(
          PRODUCES_PREFIX,
          "<path-pattern>",
          "media types",
          "an `Accept` that excludes all of them gets 406",
          Family::pathPattern,
          (pattern, s, l) -> Parsers.parseConcreteMediaTypes(s),
          true);

  /** {@link dev.restatus.core.RestatusConfig#PRECONDITION_REQUIRED}. */
  public static final Key<List<PathPattern>> PRECONDITION_REQUIRED_KEY =
      new Key<>(
          PRECONDITION_REQUIRED,
          "path patterns",
          "",
          "PUT, PATCH and DELETE without `If-Match` or a valid `If-Unmodified-Since` get 428 (a"
              + " create-only PUT may send `If-None-Match: *`)",
          (s, l) -> Parsers.parsePatterns(s));

  /** {@link dev.restatus.core.RestatusConfig#ETAG}. */
  public static final Key<List<PathPattern>> ETAG_KEY =
      new Key<>(
          ETAG,
          "path patterns",
          "",
          "200 GET responses without an `ETag` get a strong one computed from the body (held back"
              + " up to `restatus.etag.max-buffer`), so `If-None-Match` gets 304",
          (s, l) -> Parsers.parsePatterns(s));

  /** {@link dev.restatus.core.RestatusConfig#ETAG_MAX_BUFFER}. */
  public static final Key<Integer> ETAG_MAX_BUFFER_KEY =
      new Key<>(
          ETAG_MAX_BUFFER,
          "bytes 0-16777216",
          "65536",
          "a longer body streams through untouched, without a generated `ETag`",
          (s, l) -> (int) Parsers.parseLong(s, 0, 1 << 24, "bytes"));

  /** {@link dev.restatus.core.RestatusConfig#DEFER_PREFIX}. */
  public static final Family<PathPattern, java.time.Duration> DEFER =
      new Family<>(
          DEFER_PREFIX,
          "<path-pattern>",
          "duration",
          "a request not answered after this (`2s`, `500ms`) gets 202 with `Location` (its"
              + " monitor) and `Retry-After`; the app goes on, its response is kept for the monitor",
          Family::pathPattern,
          (pattern, s, l) -> Parsers.parseDuration(s, false),
          true);

  /** {@link dev.restatus.core.RestatusConfig#DEFER_MONITOR_PATH}. */
  public static final Key<String> DEFER_MONITOR_PATH_KEY =
      new Key<>(
          DEFER_MONITOR_PATH,
          "path",
          "/restatus/operations/",
          "where operations answered 202 are watched: 202 while running, 303 to `…/result` when"
              + " done; unknown ids and other credentials get the canonical 404",
          (s, l) -> Parsers.parseMonitorPath(s));

  /** {@link dev.restatus.core.RestatusConfig#DEFER_MAX_RESULT}. */
  public static final Key<Integer> DEFER_MAX_RESULT_KEY =
      new Key<>(
          DEFER_MAX_RESULT,
          "bytes 0-268435456",
          "1048576",
          "an operation's result with a longer body becomes a 500 problem (logged)",
          (s, l) -> (int) Parsers.parseLong(s, 0, 1 << 28, "bytes"));

  /** {@link dev.restatus.core.RestatusConfig#DEFER_TTL}. */
  public static final Key<java.time.Duration> DEFER_TTL_KEY =
      new Key<>(
          DEFER_TTL,
          "duration",
          "1h",
          "how long a result is kept after its operation finished; one still running after it is"
              + " dropped (its monitor answers 404)",
          (s, l) -> Parsers.parseDuration(s, false));

  /** {@link dev.restatus.core.RestatusConfig#DEFER_MAX_OPERATIONS}. */
  public static final Key<Integer> DEFER_MAX_OPERATIONS_KEY =
      new Key<>(
          DEFER_MAX_OPERATIONS,
          "count 1-1000000",
          "1000",
          "operations kept at once, running or finished; when full, a request that would be"
              + " deferred is answered as without Restatus (no result goes before its time)",
          (s, l) -> (int) Parsers.parseLong(s, 1, 1_000_000, "a count"));

  /** {@link dev.restatus.core.RestatusConfig#DEFER_MAX_BYTES}. */
  public static final Key<Long> DEFER_MAX_BYTES_KEY =
      new Key<>(
          DEFER_MAX_BYTES,
          "bytes 0-1099511627776",
          "67108864",
          "bytes results take at once beyond 1 KiB each (at least `restatus.defer.max-result`); a"
              + " result that does not fit becomes a 500 problem saying so",
          (s, l) -> Parsers.parseLong(s, 0, 1L << 40, "bytes"));

  /** {@link dev.restatus.core.RestatusConfig#DEFER_STORE}. */
  public static final Key<java.util.function.Function<OperationStore.Bounds, OperationStore>>
      DEFER_STORE_KEY =
          new Key<>(
              DEFER_STORE,
              "class name",
              MemoryOperationStore.class.getName(),
              "the `OperationStore` (public constructor taking its `Bounds`); a cluster behind a"
                  + " load balancer needs one every instance shares",
              Parsers::parseStore);

  /** {@link dev.restatus.core.RestatusConfig#CONTRACT_PATH}. */
  public static final Key<String> CONTRACT_PATH_KEY =
      new Key<>(
          CONTRACT_PATH,
          "path",
          "",
          "a GET there answers with the API's status-code table written from these settings"
              + " (JSON, HTML or Markdown by `Accept`); off when empty",
          (s, l) -> Parsers.parsePathOrNothing(s));

  /** Every declaration, in the README's order. */
  public static final List<Declared> ALL =
      List.of(
          MODE_KEY,
          AUTO_REGISTER_KEY,
          KEEP_ERROR_BODIES_KEY,
          EXCEPTIONS,
          CLIENT_ERROR_DETAILS_KEY,
          SERVER_ERROR_DETAILS_KEY,
          VALIDATION_STATUS_KEY,
          RENDERER_KEY,
          ERROR_PAGES_KEY,
          CONCEAL_FORBIDDEN_KEY,
          CONCEAL_SAFE_HEADERS_KEY,
          RETRY_AFTER_KEY,
          AUTHENTICATE_KEY,
          ALLOW,
          METHODS_KEY,
          INSPECT_LIMIT_KEY,
          MOVED,
          GONE_KEY,
          MAINTENANCE_PATHS_KEY,
          MAINTENANCE_UNTIL_KEY,
          MAINTENANCE_EXEMPT_KEY,
          CONSUMES,
          PRODUCES,
          PRECONDITION_REQUIRED_KEY,
          ETAG_KEY,
          ETAG_MAX_BUFFER_KEY,
          DEFER,
          DEFER_MONITOR_PATH_KEY,
          DEFER_MAX_RESULT_KEY,
          DEFER_TTL_KEY,
          DEFER_MAX_OPERATIONS_KEY,
          DEFER_MAX_BYTES_KEY,
          DEFER_STORE_KEY,
          CONTRACT_PATH_KEY);

  /**
   * @return the single-valued keys
   */
  public static List<Key<?>> keys() {
    return ALL.stream()
        .filter(d -> d instanceof Key)
        .<Key<?>>map(d -> (Key<?>) d)
        .collect(Collectors.toList());
  }

  /**
   * @param name a key
   * @return whether it is a single-valued key (not a member of a family sharing its prefix)
   */
  static boolean isKeyName(String name) {
    return KEY_NAMES.contains(name);
  }

  private static final Set<String> KEY_NAMES =
      keys().stream().map(Key::name).collect(Collectors.toUnmodifiableSet());

  /**
   * @return the families of keys
   */
  public static List<Family<?, ?>> families() {
    return ALL.stream()
        .filter(d -> d instanceof Family)
        .<Family<?, ?>>map(d -> (Family<?, ?>) d)
        .collect(Collectors.toList());
  }

  /**
   * @return the README's key table, header row included
   */
  public static String markdownTable() {
    return "| key | type | default | meaning |\n|---|---|---|---|\n"
        + ALL.stream().map(Declared::markdownRow).collect(Collectors.joining("\n"));
  }
}
