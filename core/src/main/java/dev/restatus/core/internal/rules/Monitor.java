package dev.restatus.core.internal.rules;

import dev.restatus.core.PathPattern;
import dev.restatus.core.Problem;
import dev.restatus.core.ProblemRenderer;
import dev.restatus.core.adapter.Failure;
import dev.restatus.core.adapter.LogText;
import dev.restatus.core.adapter.RequestView;
import dev.restatus.core.adapter.Restatus;
import dev.restatus.core.operation.CapturedResponse;
import dev.restatus.core.operation.Operation;
import dev.restatus.core.operation.OperationStore;
import dev.restatus.core.operation.StoredOperation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Operations answered {@code 202 Accepted} (docs/ARCHITECTURE.md, Deferred operations): which
 * requests are deferred ({@code restatus.defer.<path-pattern>}), the operations themselves, and the
 * monitor that answers for them under {@code restatus.defer.monitor-path}: 202 while one runs, 303
 * to its result when done, the result itself, and the canonical not-found for an id that is
 * unknown, expired, or asked for with other credentials than those that started it.
 */
final class Monitor {

  private static final System.Logger LOG = System.getLogger("dev.restatus");

  /** 18 random bytes in URL-safe base64: 144 bits, 24 characters. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{24}");

  private static final String JSON = "application/json";

  private final Map<PathPattern, Duration> defer;
  private final String monitorPath;
  private final int maxResult;
  private final OperationStore store;
  private final ExceptionRule exceptions;
  private final Problems problems;
  private final ProblemRenderer renderer;
  private final Function<RequestView, CapturedResponse> notFound;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Monitor(
      Map<PathPattern, Duration> defer,
      String monitorPath,
      int maxResult,
      OperationStore store,
      ExceptionRule exceptions,
      Problems problems,
      ProblemRenderer renderer,
      Function<RequestView, CapturedResponse> notFound,
      Clock clock) {
    this.defer = defer;
    this.monitorPath = monitorPath;
    this.maxResult = maxResult;
    this.store = store;
    this.exceptions = exceptions;
    this.problems = problems;
    this.renderer = renderer;
    this.notFound = notFound;
    this.clock = clock;
  }

  /** The time after which a request on this path is answered 202, if its path is deferred. */
  Optional<Duration> deferAfter(RequestView request) {
    if (defer.isEmpty() || covers(request.path())) {
      return Optional.empty();
    }
    return Optional.ofNullable(PathPatterns.longest(defer, request.path()));
  }

  boolean covers(String path) {
    return path.startsWith(monitorPath);
  }

  /**
   * Fingerprints credentials: a digest, so that the store never holds a token or a session id.
   *
   * @return {@code null} when there are none
   */
  static String owner(String authorization, String session) {
    if ((authorization == null || authorization.isEmpty()) && session == null) {
      return null;
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(("a:" + (authorization == null ? "" : authorization)).getBytes(UTF8));
      md.update((byte) 0);
      md.update(("s:" + (session == null ? "" : session)).getBytes(UTF8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  /**
   * Starts an operation for a request.
   *
   * @param retryAfter seconds between polls
   * @param ruled whether its result will have been through the response rules already (a deferred
   *     request's) rather than be the application's own (the operation API's)
   * @return empty if the store has no room
   */
  Optional<Operation> start(RequestView request, String owner, long retryAfter, boolean ruled) {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    StoredOperation op =
        new StoredOperation(id, owner, clock.instant(), Math.max(1, retryAfter), null, null);
    if (!store.add(op)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Restatus: no operation for {0} {1}: the store is full (restatus.defer.max-operations,"
              + " restatus.defer.max-bytes); a deferred request is answered as without Restatus",
          LogText.safe(request.method()),
          LogText.safe(request.path()));
      return Optional.empty();
    }
    return Optional.of(new Running(op, new Origin(request), ruled));
  }

  /** Answers a request under the monitor path. */
  CapturedResponse answer(RequestView request, String owner) {
    String rest = request.path().substring(monitorPath.length());
    boolean result = rest.endsWith("/result");
    String id = result ? rest.substring(0, rest.length() - "/result".length()) : rest;
    Optional<StoredOperation> found = ID.matcher(id).matches() ? store.find(id) : Optional.empty();
    if (found.isEmpty() || !sameOwner(found.get().owner(), owner)) {
      return notFound.apply(request);
    }
    StoredOperation op = found.get();
    String method = request.method();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return onlyGetAndHead(problems, renderer);
    }
    String self = request.root() + monitorPath + id;
    if (!op.isDone()) {
      return document(202, op, self)
          .with("Retry-After", Long.toString(op.retryAfter()))
          .with("Cache-Control", "no-store");
    }
    if (!result) {
      return document(303, op, self)
          .with("Location", self + "/result")
          .with("Cache-Control", "no-store");
    }
    CapturedResponse r = op.result();
    // the result is one client's: no shared cache keeps it unless the application said so
    return r.header("Cache-Control") == null ? r.with("Cache-Control", "no-store") : r;
  }

  /** The 405 of Restatus's own read-only resources (the monitor, the status-code table). */
  static CapturedResponse onlyGetAndHead(Problems problems, ProblemRenderer renderer) {
    Problem p = problems.generate(405, null);
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("Allow", List.of("GET, HEAD"));
    h.put("Content-Type", List.of(renderer.contentType()));
    h.put(Restatus.ERROR_ID_HEADER, List.of(Problems.errorId(p)));
    return new CapturedResponse(405, h, renderer.render(p));
  }

  private static boolean sameOwner(String expected, String given) {
    if (expected == null) {
      return true;
    }
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            given.getBytes(StandardCharsets.US_ASCII));
  }

  /** The status document: {@code {"id","status","monitor","started"[,"finished","result"]}}. */
  private static CapturedResponse document(int status, StoredOperation op, String self) {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"id\":\"").append(op.id()).append("\",\"status\":\"");
    if (!op.isDone()) {
      b.append("running");
    } else {
      b.append(op.result().status() < 400 ? "succeeded" : "failed");
    }
    b.append("\",\"monitor\":\"").append(escape(self));
    b.append("\",\"started\":\"").append(op.started()).append('"');
    if (op.isDone()) {
      b.append(",\"finished\":\"").append(op.finished()).append('"');
      b.append(",\"result\":\"").append(escape(self)).append("/result\"");
    }
    b.append('}');
    return CapturedResponse.of(status, JSON, b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A root from the request line may hold anything a JSON string cannot. */
  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** What a finished operation's log lines name: the request that started it. */
  private record Origin(String method, String path, String root) implements RequestView {
    Origin(RequestView r) {
      this(r.method(), r.path(), r.root());
    }

    @Override
    public String header(String name) {
      return null;
    }
  }

  /** An operation until it is complete. */
  private final class Running implements Operation {
    private final StoredOperation started;
    private final Origin origin;
    private final boolean ruled;
    private final AtomicBoolean done = new AtomicBoolean();

    Running(StoredOperation started, Origin origin, boolean ruled) {
      this.started = started;
      this.origin = origin;
      this.ruled = ruled;
    }

    @Override
    public String id() {
      return started.id();
    }

    @Override
    public String monitor() {
      return origin.root() + monitorPath + started.id();
    }

    @Override
    public CapturedResponse accepted() {
      return document(202, started, monitor())
          .with("Location", monitor())
          .with("Retry-After", Long.toString(started.retryAfter()))
          .with("Cache-Control", "no-store");
    }

    @Override
    public void complete(CapturedResponse result) {
      if (done.compareAndSet(false, true)) {
        store(sanitized(result));
      }
    }

    @Override
    public void fail(Problem problem) {
      if (done.compareAndSet(false, true)) {
        Failure f = exceptions.applicationProblem(origin, problem, Map.of(), null);
        store(rendered(f));
      }
    }

    @Override
    public void fail(Throwable thrown) {
      if (done.compareAndSet(false, true)) {
        store(rendered(exceptions.apply(origin, thrown)));
      }
    }

    @Override
    public boolean isDone() {
      return done.get();
    }

    private void store(CapturedResponse result) {
      if (Monitor.this.store.finish(started.finish(clock.instant(), result))) {
        return;
      }
      if (Monitor.this.store.find(started.id()).isPresent()) {
        // no room for it: the client learns that it is lost, not that it is still running
        Problem p = problems.generate(500, null);
        Problems.warn(
            Problems.errorId(p),
            origin,
            ": the result ("
                + result.status()
                + ", "
                + result.bodyLength()
                + " bytes) of operation "
                + started.id()
                + " does not fit in restatus.defer.max-bytes");
        CapturedResponse lost = rendered(new Failure(500, Map.of(), p));
        if (Monitor.this.store.finish(started.finish(clock.instant(), lost))) {
          return;
        }
      }
      LOG.log(
          System.Logger.Level.WARNING,
          "Restatus: the result ({0}) of operation {1} for {2} {3} was discarded: the operation"
              + " ran longer than restatus.defer.ttl",
          result.status(),
          started.id(),
          LogText.safe(origin.method()),
          LogText.safe(origin.path()));
    }

    private CapturedResponse sanitized(CapturedResponse r) {
      if (r.bodyLength() > maxResult) {
        Problem p = problems.generate(500, null);
        Problems.warn(
            Problems.errorId(p),
            origin,
            ": the result of operation "
                + started.id()
                + " ("
                + r.status()
                + ", "
                + r.bodyLength()
                + " bytes) is longer than restatus.defer.max-result="
                + maxResult);
        return rendered(new Failure(500, Map.of(), p));
      }
      if (r.status() < 400 || ruled) {
        return r;
      }
      String type = BodyRule.mediaType(r.header("Content-Type"));
      boolean problem =
          type != null && (type.endsWith("/problem+json") || type.endsWith("/problem+xml"));
      if (!problem) {
        Problem p = problems.generate(r.status(), null);
        if (r.status() >= 500) {
          Problems.warn(
              Problems.errorId(p),
              origin,
              ": operation "
                  + started.id()
                  + " completed with "
                  + r.status()
                  + " without a problem");
        }
        return rendered(new Failure(r.status(), Map.of(), p));
      }
      byte[] body = r.body();
      if (r.status() >= 500 && LeakRule.leaks(body, body.length)) {
        Problem p = problems.generate(r.status(), null);
        Problems.warn(
            Problems.errorId(p),
            origin,
            ": operation " + started.id() + " completed with a problem that showed internals");
        return rendered(new Failure(r.status(), Map.of(), p));
      }
      return r;
    }

    private CapturedResponse rendered(Failure f) {
      Map<String, List<String>> h = new LinkedHashMap<>(f.headers());
      h.put("Content-Type", List.of(renderer.contentType()));
      String id = Problems.errorId(f.problem());
      if (id != null) {
        h.put(Restatus.ERROR_ID_HEADER, List.of(id));
      }
      return new CapturedResponse(f.status(), h, renderer.render(f.problem()));
    }
  }
}
