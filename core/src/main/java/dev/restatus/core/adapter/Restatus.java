package dev.restatus.core.adapter;

import dev.restatus.core.FindingsMXBean;
import dev.restatus.core.Problem;
import dev.restatus.core.RestatusConfig;
import dev.restatus.core.internal.rules.Engine;
import java.util.List;
import java.util.Optional;

/**
 * The rules of docs/ARCHITECTURE.md (One exchange; Where each rule lives), applied to one exchange
 * at a time. Adapters translate their framework's request and response into {@link RequestView} and
 * {@link ResponseView}, call the three entry points and carry out the {@link Decision}; they decide
 * nothing themselves.
 *
 * <ol>
 *   <li>{@link #onRequest} before the application: may answer early (a 501, or the canonical
 *       not-found of an {@code OPTIONS} on a concealed path);
 *   <li>{@link #onException} when the application throws: the status, headers and problem to send
 *       as if the application had sent them;
 *   <li>{@link #onResponse} when the response is about to commit: status, headers and body.
 * </ol>
 *
 * Thread-safe; create one per adapter instance and {@link #close()} it when the adapter stops. This
 * is the one way into the rules: it delegates to the internal engine.
 */
public final class Restatus implements AutoCloseable {

  /** The response header carrying the error id of a problem Restatus generated. */
  public static final String ERROR_ID_HEADER = "Restatus-Error-Id";

  /**
   * Headers that describe the application's body and are wrong for a problem that replaces it (a
   * gzip filter's {@code Content-Encoding}, a download's {@code Content-Disposition}, ...).
   */
  public static final List<String> REPRESENTATION_HEADERS =
      List.of(
          "Content-Length",
          "Content-Encoding",
          "Content-Range",
          "Content-Disposition",
          "Content-Language",
          "Content-Location",
          "ETag",
          "Last-Modified");

  /** The extension member carrying the same error id in the problem body. */
  public static final String ERROR_ID_MEMBER = "errorId";

  private final Engine engine;

  private Restatus(RestatusConfig config, String name) {
    this.engine = new Engine(config, name);
  }

  /**
   * @param config the settings
   * @param name the instance name for the findings MBean ({@code
   *     dev.restatus:type=Findings,name=<name>}); {@code null} registers none
   * @return the engine
   */
  public static Restatus create(RestatusConfig config, String name) {
    return new Restatus(config, name);
  }

  /**
   * @return the settings this engine runs with
   */
  public RestatusConfig config() {
    return engine.config();
  }

  /**
   * @return the findings counted so far (the same object as the MBean)
   */
  public FindingsMXBean findings() {
    return engine.findings();
  }

  /**
   * The request rules. In {@code report} mode a violation is only recorded.
   *
   * @param request the request
   * @return the complete answer to send instead of calling the application, or empty
   */
  public Optional<Decision.Replace> onRequest(RequestView request) {
    return engine.onRequest(request);
  }

  /**
   * Whether a request is deferred ({@code restatus.defer.<path-pattern>}, {@code enforce} mode):
   * the adapter answers it {@code 202 Accepted} through {@link #startOperation} when the
   * application has not answered it after the returned time, and completes the operation with the
   * response the application then gives (after the response rules).
   *
   * @param request the request
   * @return the time to wait, or empty if the request is not deferred
   */
  public Optional<java.time.Duration> deferAfter(RequestView request) {
    return engine.deferAfter(request);
  }

  /**
   * Starts an operation answered {@code 202 Accepted} ({@link
   * dev.restatus.core.operation.Operation#accepted()}) and watched by the monitor.
   *
   * @param request the request that starts it (its root places the monitor; its method and path
   *     name it in log lines)
   * @param owner {@link #owner(String, String)} of the request's credentials: only requests with
   *     the same ones may watch it
   * @param retryAfter seconds between polls, at least 1
   * @param ruled {@code true} if the result given to it will have been through the response rules
   *     already (a deferred request's), {@code false} for an application's own result, which is
   *     then held to them (a 4xx or 5xx gets a problem, a 5xx that shows internals is replaced)
   * @return the operation, or empty if the store has no room ({@code
   *     restatus.defer.max-operations}, {@code restatus.defer.max-bytes})
   */
  public Optional<dev.restatus.core.operation.Operation> startOperation(
      RequestView request, String owner, long retryAfter, boolean ruled) {
    return engine.startOperation(request, owner, retryAfter, ruled);
  }

  /**
   * @return what an application that asked for an operation gets when the store has no room: a 503
   *     problem with {@code Retry-After} ({@code restatus.retry-after})
   */
  public dev.restatus.core.ProblemException noRoomForOperations() {
    return new dev.restatus.core.ProblemException(
        Problem.builder(503)
            .detail("Too many operations are running or kept; try again later.")
            .build(),
        java.util.Map.of("Retry-After", List.of(Long.toString(config().retryAfter()))),
        null);
  }

  /**
   * The monitor ({@code restatus.defer.monitor-path}, {@code enforce} mode): for a request under
   * its path, the complete answer to send instead of calling the application (on a HEAD request,
   * its headers only).
   *
   * @param request the request
   * @param owner {@link #owner(String, String)} of the request's credentials, asked only for a
   *     request under the monitor's path
   * @return the answer, or empty if the request is not for the monitor
   */
  public Optional<dev.restatus.core.operation.CapturedResponse> onMonitor(
      RequestView request, java.util.function.Supplier<String> owner) {
    return engine.onMonitor(request, owner);
  }

  /**
   * The fingerprint of a request's credentials (a digest: neither is kept).
   *
   * @param authorization the {@code Authorization} header, or {@code null}
   * @param session the session id, or {@code null}
   * @return the fingerprint, or {@code null} when the request carries neither
   */
  public static String owner(String authorization, String session) {
    return Engine.owner(authorization, session);
  }

  /**
   * Maps an uncaught exception and logs it (5xx at ERROR with its stack and error id, 4xx at
   * DEBUG). The adapter sends the result as the application's response, so {@link #onResponse}
   * still runs on it.
   *
   * @param request the request
   * @param thrown what the application threw
   * @return status, headers and problem
   */
  public Failure onException(RequestView request, Throwable thrown) {
    return engine.onException(request, thrown);
  }

  /**
   * Like {@link #onException(RequestView, Throwable)} for an exception that carries its own status,
   * such as a JAX-RS {@code WebApplicationException}: the problem gets that status, and its {@code
   * detail} follows {@code restatus.client-error-details} and {@code
   * restatus.server-error-details}.
   *
   * @param request the request
   * @param thrown the exception; its message is the candidate detail
   * @param status the status the exception carries
   * @return status, the error id header and problem
   */
  public Failure onException(RequestView request, Throwable thrown, int status) {
    return engine.onException(request, thrown, status);
  }

  /**
   * A request body the JSON reader (Jackson) could not read: a 400 problem saying what to fix
   * (malformed JSON at a line and column; a field, named as in the document, that is unknown,
   * missing, null or of the wrong kind, also as members {@code field} and {@code pointer}), never a
   * Java class or Jackson's own message. A failure that is not the client's (a type Jackson cannot
   * build) is answered as {@link #onException(RequestView, Throwable)} answers it.
   *
   * @param request the request
   * @param thrown what reading the body threw (a Jackson exception, or one that wraps it)
   * @return status, headers and problem
   */
  public Failure onInvalidBody(RequestView request, Throwable thrown) {
    return engine.onInvalidBody(request, thrown);
  }

  /**
   * A request parameter the framework cannot convert (a JAX-RS {@code @QueryParam int} given {@code
   * abc}): the status the framework prescribes (JAX-RS: 404 for path and query, 400 for header,
   * cookie and form), and a problem whose {@code violations} entry names the parameter; never the
   * converter's message, which names Java classes.
   *
   * @param request the request
   * @param in where the parameter is ({@code query}, {@code path}, {@code header}, {@code cookie},
   *     {@code form}, {@code matrix})
   * @param name the parameter's name
   * @param status the status the framework prescribes
   * @return status, headers and problem
   */
  public Failure onInvalidParameter(RequestView request, String in, String name, int status) {
    return engine.onInvalidParameter(request, in, name, status);
  }

  /**
   * A {@code Problem} the application returned as its response (a JAX-RS entity): a 5xx one gets an
   * error id (body and header), and is replaced by a generic problem if it shows a stack, an
   * exception class or message; the headers include {@code Vary: Accept} where the problem is
   * negotiated. In {@code report} mode a leak is only recorded; in {@code off} mode nothing
   * changes.
   *
   * @param request the request
   * @param response the response carrying it: in {@code enforce} mode the problem's {@code status}
   *     becomes the response's, and the {@code Vary} to set keeps the response's own
   * @param problem the problem
   * @return status, headers to set and the problem to send
   */
  public Failure onApplicationProblem(RequestView request, ResponseView response, Problem problem) {
    return engine.onApplicationProblem(request, response, problem);
  }

  /**
   * Whether the body of a response just decided should be held back for a generated {@code ETag}
   * ({@code restatus.etag}): a 200 to a GET on a matching path without an {@code ETag} of the
   * application's, in {@code enforce} mode. The adapter holds at most that much; a longer body
   * streams on untouched, without an {@code ETag}.
   *
   * @param request the request
   * @param response the response as decided
   * @param decided the decision {@link #onResponse} gave
   * @return the most bytes (or characters) to hold, or 0 to stream as decided
   */
  public int etagBuffer(RequestView request, ResponseView response, Decision decided) {
    return engine.etagBuffer(request, response, decided);
  }

  /**
   * @param body the held body
   * @param length how many bytes of it are valid
   * @param contentType the response's {@code Content-Type}
   * @return the strong entity-tag of the body (a digest of it and its type), quoted
   */
  public String etagOf(byte[] body, int length, String contentType) {
    return engine.etagOf(body, length, contentType);
  }

  /**
   * @param body the held body, written as characters
   * @param contentType the response's {@code Content-Type}
   * @return the strong entity-tag of the body (a digest of it and its type), quoted
   */
  public String etagOf(CharSequence body, String contentType) {
    return engine.etagOf(body, contentType);
  }

  /**
   * The conditional rule, once a held body has its generated {@code ETag}: 304 ({@link
   * Decision.Drop}) for a matching {@code If-None-Match}, a 412 problem for a failed {@code
   * If-Match}, else the 200 ({@link Decision.Keep}) with the {@code ETag} to set.
   *
   * @param request the request
   * @param response the response as decided (a 200)
   * @param etag the generated entity-tag
   * @return what to do with the held body
   */
  public Decision onGeneratedETag(RequestView request, ResponseView response, String etag) {
    return engine.onGeneratedETag(request, response, etag);
  }

  /**
   * What a safe sub-request (a GET of the resource a conditional write targets) says of its current
   * state: missing for a 404 or 410, its validators for a 2xx, unknown otherwise.
   *
   * @param status the sub-request's status
   * @param etag its {@code ETag}, or {@code null}
   * @param lastModified its {@code Last-Modified}, or {@code null}
   * @return the state, or empty if the answer tells nothing
   */
  public Optional<dev.restatus.core.ResourceState> stateFrom(
      int status, String etag, String lastModified) {
    return engine.stateFrom(status, etag, lastModified);
  }

  /**
   * The response rules, run once per response when it is about to commit: at the first write or
   * flush of the body, or when the application finishes without one.
   *
   * @param request the request
   * @param response the response so far
   * @return what to do; in {@code report} and {@code off} mode it changes nothing
   */
  public Decision onResponse(RequestView request, ResponseView response) {
    return engine.onResponse(request, response);
  }

  /**
   * Looks at the start of an error body the application sent itself (a kept body, or any body in
   * {@code report} mode) for internals: a stack frame, an exception class name, an exception
   * message line. A 5xx body that shows any is recorded as a finding and, in {@code enforce} mode,
   * replaced: the adapter holds such a body back until this has run.
   *
   * @param request the request
   * @param status the response status
   * @param head the first bytes of the body, at most {@link RestatusConfig#inspectLimit()}
   * @param length how many bytes of {@code head} are valid
   * @return in {@code enforce} mode, for a leaking 5xx body, the problem to send instead
   */
  public Optional<Decision.Replace> inspect(
      RequestView request, int status, byte[] head, int length) {
    return engine.inspect(request, status, head, length);
  }

  /**
   * {@link #inspect(RequestView, int, byte[], int)} for a body written as characters.
   *
   * @param request the request
   * @param status the response status
   * @param head the first characters of the body
   * @return in {@code enforce} mode, for a leaking 5xx body, the problem to send instead
   */
  public Optional<Decision.Replace> inspect(RequestView request, int status, CharSequence head) {
    return engine.inspect(request, status, head);
  }

  /**
   * A 5xx whose status was set after its body had started to go out (still uncommitted): the start
   * was never looked at, so in {@code enforce} mode the body is replaced by a problem.
   *
   * @param request the request
   * @param status the 5xx status
   * @param why why the body was not looked at, for the finding ("set after its body had started")
   * @return in {@code enforce} mode the problem to send instead; the finding is recorded in {@code
   *     report} mode too
   */
  public Optional<Decision.Replace> unseenErrorBody(RequestView request, int status, String why) {
    return engine.unseenErrorBody(request, status, why);
  }

  /**
   * In {@code report} mode nothing answers an uncaught exception (or an asynchronous timeout): the
   * container does, with whatever page it has. Records that as a finding; does nothing in other
   * modes.
   *
   * @param request the request
   * @param thrown what reached the container
   */
  public void onUnanswered(RequestView request, Throwable thrown) {
    engine.onUnanswered(request, thrown);
  }

  /**
   * @param thrown what an application's call threw
   * @return whether it says the client went away (Tomcat's {@code ClientAbortException}, Jetty's
   *     {@code EofException} but for its early EOF of a malformed request body): nothing is left to
   *     answer, and it is no server error
   */
  public boolean isClientAbort(Throwable thrown) {
    return engine.isClientAbort(thrown);
  }

  /**
   * @param request the request
   * @return the media type to render a problem in for this request: {@code application/problem+xml}
   *     for a client that prefers XML to JSON (with the default renderer), else the configured
   *     renderer's; such a response varies on {@code Accept}
   */
  public String problemMediaType(RequestView request) {
    return engine.problemMediaType(request);
  }

  /**
   * Renders a problem the application supplied itself (a {@code ProblemException}, a JAX-RS entity,
   * an exception's {@link Failure}).
   *
   * @param problem the problem
   * @param mediaType what {@link #problemMediaType} said for the request
   * @return the bytes
   */
  public byte[] render(Problem problem, String mediaType) {
    return engine.render(problem, mediaType);
  }

  /**
   * @return the maintenance switch of this instance: adapters publish it to applications
   */
  public dev.restatus.core.Maintenance maintenance() {
    return engine.maintenance();
  }

  /**
   * Renders a {@code 207 Multi-Status} document: {@code {"results":[...]}}, each result with its
   * {@code id}, {@code status}, and its {@code body} or, on every 4xx and 5xx item, its {@code
   * problem}. An error item the application gave no problem gets one generated from its status,
   * with an error id (a 5xx one also a generic detail and a log line). A 5xx problem of the
   * application's is held to the rules of a returned {@code Problem} entity: in {@code enforce}
   * mode it gets an error id (and its log line) and is replaced by a generic problem if it shows a
   * stack, an exception class or message; in {@code report} mode that is only recorded. The adapter
   * sends the bytes with status {@link dev.restatus.core.MultiStatus#STATUS} and {@code
   * Content-Type} {@link dev.restatus.core.MultiStatus#MEDIA_TYPE}.
   *
   * @param request the request the document answers (it names the log lines)
   * @param multiStatus the document
   * @return its bytes: JSON, every non-ASCII character escaped
   */
  public byte[] renderMultiStatus(RequestView request, dev.restatus.core.MultiStatus multiStatus) {
    return engine.renderMultiStatus(request, multiStatus);
  }

  /** Unregisters the MBeans. */
  @Override
  public void close() {
    engine.close();
  }
}
