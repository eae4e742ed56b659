package dev.restatus.core.internal.rules;

import dev.restatus.core.FindingsMXBean;
import dev.restatus.core.JsonProblemRenderer;
import dev.restatus.core.Mode;
import dev.restatus.core.Problem;
import dev.restatus.core.ProblemRenderer;
import dev.restatus.core.RestatusConfig;
import dev.restatus.core.XmlProblemRenderer;
import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.Failure;
import dev.restatus.core.adapter.RequestView;
import dev.restatus.core.adapter.ResponseView;
import dev.restatus.core.adapter.Restatus;
import dev.restatus.core.internal.http.ErrorNegotiation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine behind {@link Restatus}: the rules in their order, the problems they generate, the
 * findings they record. Internal: adapters use {@link Restatus}, which delegates here.
 */
public final class Engine {

  private final RestatusConfig config;
  private final Problems problems = new Problems();
  private final ExceptionRule exceptions;
  private final Rule[] rules;
  private final Findings findings;
  private final MaintenanceRule maintenance;
  private final MediaTypeRule mediaTypes;
  private final ConditionalRule conditional;
  private final BodyRule body;
  private final GeneratedETags etags;

  /**
   * Whether error bodies are negotiated: with the default renderer, a client preferring XML gets
   * {@code application/problem+xml}; a renderer of the application's own writes every problem.
   */
  private final boolean negotiates;

  private final ProblemRenderer xml = new XmlProblemRenderer();

  private final Monitor monitor;

  /** {@code restatus.contract-path}, or {@code null}: looked at on every request. */
  private final String contractPath;

  private final java.util.Set<String> safeHeaders;

  /**
   * @param config the settings
   * @param name the findings MBean name, or {@code null} for none
   */
  public Engine(RestatusConfig config, String name) {
    this.config = config;
    this.exceptions = new ExceptionRule(config, problems);
    this.maintenance =
        new MaintenanceRule(
            config.maintenancePaths(),
            config.maintenanceUntil(),
            config.maintenanceExempt(),
            config.retryAfter(),
            java.time.Clock.systemUTC());
    this.mediaTypes = new MediaTypeRule(config.consumes(), config.produces());
    this.conditional = new ConditionalRule(config.preconditionRequired());
    this.body = new BodyRule(config.keepErrorBodies(), config.clientErrorDetails());
    this.etags = new GeneratedETags(config.etagPaths(), config.etagMaxBuffer());
    this.negotiates = config.renderer().getClass() == JsonProblemRenderer.class;
    // The order is the contract (docs/ARCHITECTURE.md, Where each rule lives): an unimplemented
    // method is answered 501 before anything else, then moved and gone paths, then maintenance;
    // concealment before every rule that adds headers or keeps a body (a canonical 404 gets no
    // challenge, no Allow, no kept body), the conditional rule before the body rule (a 304 it
    // makes loses its body there), and the body rule after the header rules it must not undo.
    this.rules =
        new Rule[] {
          new NotImplementedRule(config.methods()),
          new MovedRule(config.moved(), config.gone()),
          maintenance,
          new ConcealForbiddenRule(
              config.concealForbidden(),
              ConcealForbiddenRule.lowerCase(config.concealSafeHeaders())),
          mediaTypes,
          new ChallengeRule(config.authenticate()),
          new AllowRule(config.allowOverrides(), config.methods()),
          new RetryAfterRule(config.retryAfter()),
          conditional,
          body,
          new CreatedRule(),
          new MultiStatusRule() // last: it judges the 207 as it goes out
        };
    if (config.deferMaxBytes() < config.deferMaxResult()) {
      throw new dev.restatus.core.ConfigException(
          "Setting "
              + RestatusConfig.DEFER_MAX_BYTES
              + " = \""
              + config.deferMaxBytes()
              + "\" is smaller than "
              + RestatusConfig.DEFER_MAX_RESULT
              + " = \""
              + config.deferMaxResult()
              + "\"; allowed: at least "
              + RestatusConfig.DEFER_MAX_RESULT);
    }
    for (dev.restatus.core.PathPattern p : config.defer().keySet()) {
      String probe = config.deferMonitorPath() + "AAAAAAAAAAAAAAAAAAAAAAAA";
      if (p.matches(probe) || p.matches(probe + "/result")) {
        throw new dev.restatus.core.ConfigException(
            "Setting "
                + RestatusConfig.DEFER_PREFIX
                + p
                + " covers the monitor's paths ("
                + RestatusConfig.DEFER_MONITOR_PATH
                + " = \""
                + config.deferMonitorPath()
                + "\"), which Restatus answers itself; allowed: patterns outside the monitor path");
      }
    }
    this.contractPath = config.contractPath().isEmpty() ? null : config.contractPath();
    this.safeHeaders = ConcealForbiddenRule.lowerCase(config.concealSafeHeaders());
    this.monitor =
        new Monitor(
            config.defer(),
            config.deferMonitorPath(),
            config.deferMaxResult(),
            config.deferStore(),
            exceptions,
            problems,
            config.renderer(),
            this::notFound,
            java.time.Clock.systemUTC());
    this.findings =
        new Findings(
            config.mode(), name == null ? "none" : name.startsWith("jaxrs") ? "jaxrs" : "servlet");
    if (name != null && config.mode() != Mode.OFF) {
      findings.register(name);
      maintenance.register(name);
    }
  }

  /**
   * @return the settings this engine runs with
   */
  public RestatusConfig config() {
    return config;
  }

  /**
   * @return the findings counted so far (the same object as the MBean)
   */
  public FindingsMXBean findings() {
    return findings;
  }

  /**
   * The request rules. In {@code report} mode a violation is only recorded.
   *
   * @param request the request
   * @return the complete answer to send instead of calling the application, or empty
   */
  public Optional<Decision.Replace> onRequest(RequestView request) {
    if (config.mode() == Mode.OFF) {
      return Optional.empty();
    }
    Draft d = new Draft(request);
    for (Rule rule : rules) {
      rule.onRequest(d);
      if (d.answered()) {
        break;
      }
    }
    record(d);
    if (!d.answered() || config.mode() == Mode.REPORT) {
      return Optional.empty();
    }
    return Optional.of(replace(d, problems.generate(d.status, d.detail, d.extensions())));
  }

  /**
   * @return the time after which a request is answered 202 ({@code restatus.defer}), in {@code
   *     enforce} mode on a matching path
   */
  public Optional<java.time.Duration> deferAfter(RequestView request) {
    return config.mode() == Mode.ENFORCE ? monitor.deferAfter(request) : Optional.empty();
  }

  /**
   * Starts an operation answered 202.
   *
   * @param request the request that starts it
   * @param owner the fingerprint of its credentials, or {@code null}
   * @param retryAfter seconds between polls
   * @param ruled whether its result will have been through the response rules
   * @return empty if the store has no room
   */
  public Optional<dev.restatus.core.operation.Operation> startOperation(
      RequestView request, String owner, long retryAfter, boolean ruled) {
    return monitor.start(request, owner, retryAfter, ruled);
  }

  /**
   * @return the monitor's answer for a request under {@code restatus.defer.monitor-path}, in {@code
   *     enforce} mode
   */
  public Optional<dev.restatus.core.operation.CapturedResponse> onMonitor(
      RequestView request, java.util.function.Supplier<String> owner) {
    if (config.mode() != Mode.ENFORCE) {
      return Optional.empty();
    }
    if (contractPath != null && contractPath.equals(request.path())) {
      return Optional.of(contract(request));
    }
    if (!monitor.covers(request.path())) {
      return Optional.empty();
    }
    return Optional.of(monitor.answer(request, owner.get()));
  }

  /**
   * @return the fingerprint of a request's credentials, or {@code null} for none
   */
  public static String owner(String authorization, String session) {
    return Monitor.owner(authorization, session);
  }

  /** The status-code table at {@code restatus.contract-path}, in the format {@code Accept} asks. */
  private dev.restatus.core.operation.CapturedResponse contract(RequestView request) {
    String method = request.method();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return Monitor.onlyGetAndHead(problems, config.renderer());
    }
    dev.restatus.core.ContractTable table = dev.restatus.core.ContractTable.of(config);
    // the format the client weights highest (RFC 9110 q-values); Markdown on a tie or without
    int markdown = 1;
    int json = 0;
    int html = 0;
    String accept = request.header("Accept");
    if (accept != null) {
      try {
        List<dev.restatus.core.internal.http.MediaRange> ranges =
            dev.restatus.core.internal.http.MediaRange.parseAccept(accept);
        markdown = weight(ranges, "text/markdown");
        json = weight(ranges, "application/json");
        html = weight(ranges, "text/html");
      } catch (IllegalArgumentException e) {
        // a malformed Accept: the default
      }
    }
    String type;
    String text;
    if (json > markdown && json >= html) {
      type = "application/json";
      text = table.json();
    } else if (html > markdown && html > json) {
      type = "text/html;charset=utf-8";
      text = table.html();
    } else {
      type = "text/markdown;charset=utf-8";
      text = table.markdown();
    }
    return dev.restatus.core.operation.CapturedResponse.of(
            200, type, text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .with("Vary", "Accept");
  }

  private static int weight(List<dev.restatus.core.internal.http.MediaRange> ranges, String type) {
    return dev.restatus.core.internal.http.MediaRange.weightOf(
        ranges, dev.restatus.core.internal.http.MediaRange.parseContentType(type));
  }

  /** The canonical not-found, as a concealed path answers it. */
  private dev.restatus.core.operation.CapturedResponse notFound(RequestView request) {
    Draft d = new Draft(request);
    d.answer(404, null);
    d.keepOnly = safeHeaders;
    Decision.Replace r = replace(d, problems.generate(404, null, d.extensions()));
    Map<String, List<String>> h = new java.util.LinkedHashMap<>(r.headers().set());
    h.put("Content-Type", List.of(r.contentType()));
    return new dev.restatus.core.operation.CapturedResponse(404, h, r.bytes());
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
    return counted(request, negotiated(request, exceptions.apply(request, thrown)));
  }

  /** An exception answered with a problem counts on the meters as a fix (no log, no JMX key). */
  private Failure counted(RequestView request, Failure f) {
    if (config.mode() == Mode.ENFORCE) {
      findings.meter(
          new Finding(
              "exception",
              "uncaught exception answered with a problem",
              request.method(),
              request.path(),
              f.status()));
    }
    return f;
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
    return counted(request, negotiated(request, exceptions.apply(request, thrown, status)));
  }

  /**
   * A request body the JSON reader (Jackson) could not read: a 400 problem saying what to fix,
   * without a Java class or Jackson's message: malformed JSON (line and column), a field that is
   * unknown, missing, null or of the wrong kind (members {@code field} and {@code pointer}). A
   * failure that is not the client's (a type Jackson cannot build) is answered as any exception.
   *
   * @param request the request
   * @param thrown what reading the body threw
   * @return status, headers and problem
   */
  public Failure onInvalidBody(RequestView request, Throwable thrown) {
    return negotiated(request, exceptions.applyJson(request, thrown));
  }

  /**
   * A request parameter the framework cannot convert (a JAX-RS {@code @QueryParam int} given {@code
   * abc}): the status the framework prescribes, and a {@code violations} entry naming the
   * parameter; never the converter's message.
   *
   * @param request the request
   * @param in where the parameter is ({@code query}, {@code path}, {@code header}, {@code cookie},
   *     {@code form}, {@code matrix})
   * @param name the parameter's name
   * @param status the status the framework prescribes
   * @return status, headers and problem
   */
  public Failure onInvalidParameter(RequestView request, String in, String name, int status) {
    return negotiated(request, exceptions.applyParameter(request, in, name, status));
  }

  /**
   * Whether the body of a response just decided should be held back for a generated {@code ETag}
   * ({@code restatus.etag}): a 200 to a GET on a matching path without an {@code ETag} of the
   * application's, in {@code enforce} mode.
   *
   * @param request the request
   * @param response the response as decided
   * @param decided the decision {@link #onResponse} gave
   * @return the most bytes (or characters) to hold, or 0 to stream as decided
   */
  public int etagBuffer(RequestView request, ResponseView response, Decision decided) {
    return config.mode() == Mode.ENFORCE ? etags.buffer(request, response, decided) : 0;
  }

  /**
   * @param body the held body
   * @param length how many bytes of it are valid
   * @param contentType the response's {@code Content-Type}
   * @return the strong entity-tag of the body, quoted
   */
  public String etagOf(byte[] body, int length, String contentType) {
    return GeneratedETags.of(body, length, contentType);
  }

  /**
   * @param body the held body, written as characters
   * @param contentType the response's {@code Content-Type}
   * @return the strong entity-tag of the body, quoted
   */
  public String etagOf(CharSequence body, String contentType) {
    return GeneratedETags.of(body, contentType);
  }

  /**
   * The conditional rule again, now that a held body has its generated {@code ETag}: 304 for a
   * matching {@code If-None-Match}, 412 for a failed {@code If-Match}, else the 200 with the {@code
   * ETag}.
   *
   * @param request the request
   * @param response the response as decided (a 200)
   * @param etag the generated entity-tag
   * @return what to do with the held body
   */
  public Decision onGeneratedETag(RequestView request, ResponseView response, String etag) {
    ResponseView tagged =
        new ResponseView() {
          @Override
          public int status() {
            return response.status();
          }

          @Override
          public String header(String name) {
            return name.equalsIgnoreCase("ETag") ? etag : response.header(name);
          }

          @Override
          public String contentType() {
            return response.contentType();
          }

          @Override
          public boolean hasBody() {
            return true;
          }
        };
    Draft d = new Draft(request, tagged);
    d.setHeader("ETag", etag);
    conditional.onResponse(d);
    body.onResponse(d);
    record(d);
    return decide(d);
  }

  /**
   * @param status a sub-request's status
   * @param etag its {@code ETag}, or {@code null}
   * @param lastModified its {@code Last-Modified}, or {@code null}
   * @return missing for a 404 or 410, the validators for a 2xx, else empty
   */
  public Optional<dev.restatus.core.ResourceState> stateFrom(
      int status, String etag, String lastModified) {
    if (status == 404 || status == 410) {
      return Optional.of(dev.restatus.core.ResourceState.missing());
    }
    if (status < 200 || status > 299) {
      return Optional.empty();
    }
    return Optional.of(
        dev.restatus.core.ResourceState.of(
            etag, dev.restatus.core.internal.http.HttpDates.parse(lastModified).orElse(null)));
  }

  /**
   * A {@code Problem} the application returned as its response (a JAX-RS entity). A 5xx one gets an
   * error id, and is replaced by a generic problem if it shows internals; the response varies on
   * {@code Accept}, since the adapter renders it as {@link #problemMediaType} says. In {@code
   * report} mode a leak is only recorded; in {@code off} mode nothing changes.
   *
   * @param request the request
   * @param response the response carrying it: its status becomes the problem's, its {@code Vary} is
   *     kept
   * @param problem the problem
   * @return status, headers to add and the problem to send
   */
  public Failure onApplicationProblem(RequestView request, ResponseView response, Problem problem) {
    int status = response.status();
    if (config.mode() == Mode.ENFORCE && status != problem.status()) {
      // the body's status is the response's (RFC 9457 section 3.1.2)
      Problem.Builder b =
          Problem.builder(status)
              .type(problem.type())
              .detail(problem.detail())
              .instance(problem.instance());
      if (problem.title() != null
          && !problem.title().equals(dev.restatus.core.StatusCatalog.title(problem.status()))) {
        b.title(problem.title());
      }
      problem.extensions().forEach(b::extension);
      problem = b.build();
    }
    if (config.mode() != Mode.ENFORCE) {
      if (config.mode() == Mode.REPORT
          && problem.status() >= 500
          && LeakRule.leaks(ExceptionRule.visibleText(problem))) {
        findings.record(
            new Finding(
                "server-error-leak",
                problem.status() + " problem shows a stack trace or exception class",
                request.method(),
                request.path()));
      }
      return new Failure(problem.status(), Map.of(), problem);
    }
    return negotiated(
        new Draft(request, response),
        exceptions.applicationProblem(request, problem, Map.of(), null));
  }

  /**
   * A failure's problem is rendered by the adapter as {@link #problemMediaType} says, so it varies
   * on {@code Accept}; a 415 or 406 (JAX-RS's own) gets the media-type hints.
   */
  private Failure negotiated(RequestView request, Failure f) {
    return negotiated(new Draft(request, f.status()), f);
  }

  /** The same on a draft of the response that carries the failure (its {@code Vary} is kept). */
  private Failure negotiated(Draft d, Failure f) {
    Problem traced = Problems.traced(d.request, f.problem());
    if (traced != f.problem()) {
      f = new Failure(f.status(), f.headers(), traced);
    }
    mediaTypes.onResponse(d);
    if (negotiates) {
      d.varyOnAccept();
    }
    Map<String, List<String>> set = d.edits(Map.of(), List.of()).set();
    boolean detail =
        d.detail != null && f.problem().detail() == null && config.clientErrorDetails();
    if (set.isEmpty() && d.extensions().isEmpty() && !detail) {
      return f;
    }
    Problem p = f.problem();
    if (!d.extensions().isEmpty() || detail) {
      Problem.Builder b = p.toBuilder();
      d.extensions().forEach(b::extension);
      if (detail) {
        b.detail(d.detail); // a framework's 415 or 406 says what it takes
      }
      p = b.build();
    }
    Map<String, List<String>> headers = new java.util.LinkedHashMap<>(f.headers());
    headers.putAll(set);
    return new Failure(f.status(), headers, p);
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
    if (config.mode() == Mode.OFF || idle(request, response)) {
      return Decision.keep(response.status()); // the common success: no draft, no allocation
    }
    Draft d = new Draft(request, response);
    for (Rule rule : rules) {
      rule.onResponse(d);
    }
    record(d);
    if (config.mode() == Mode.REPORT) {
      return Decision.keep(response.status());
    }
    return decide(d);
  }

  /**
   * @return the rules in the order they run (for RuleIdlenessTest)
   */
  List<Rule> rules() {
    return List.of(rules);
  }

  /** Whether no rule would change this response or find anything in it (Rule#idle). */
  private boolean idle(RequestView request, ResponseView response) {
    for (Rule rule : rules) {
      if (!rule.idle(request, response)) {
        return false;
      }
    }
    return true;
  }

  private void record(Draft d) {
    List<Finding> found = d.findings();
    for (int i = 0; i < found.size(); i++) {
      findings.record(found.get(i));
    }
  }

  /** The one step from a draft to a decision; every generated problem is rendered here. */
  private Decision decide(Draft d) {
    return switch (d.body) {
      case KEEP ->
          d.noHeaderEdits()
              ? Decision.keep(d.status)
              : new Decision.Keep(d.status, d.edits(Map.of(), List.of()));
      case DROP -> new Decision.Drop(d.status, d.edits(Map.of(), List.of()));
      case PROBLEM -> replace(d, problems.generate(d.status, d.detail, d.extensions()));
    };
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
    return inspect(
        request, status, new String(head, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1));
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
    if (config.mode() == Mode.OFF || status < 500 || head.length() == 0 || !LeakRule.leaks(head)) {
      return Optional.empty();
    }
    findings.record(
        new Finding(
            "server-error-leak",
            status + " body shows a stack trace or exception class",
            request.method(),
            request.path()));
    if (config.mode() == Mode.REPORT) {
      return Optional.empty();
    }
    return Optional.of(replacedLeak(request, status));
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
    if (config.mode() == Mode.OFF) {
      return Optional.empty();
    }
    findings.record(
        new Finding("server-error-leak", status + " " + why, request.method(), request.path()));
    if (config.mode() == Mode.REPORT) {
      return Optional.empty();
    }
    return Optional.of(replacedLeak(request, status));
  }

  /** A 5xx body replaced for showing internals (or for being unseen), with its log line. */
  private Decision.Replace replacedLeak(RequestView request, int status) {
    Problem p = problems.generate(status, null);
    Problems.warn(
        Problems.errorId(p),
        request,
        ": the " + status + " body was replaced (it showed internals, or could not be looked at)");
    return replace(new Draft(request, status), p);
  }

  /**
   * In {@code report} mode nothing answers an uncaught exception (or an asynchronous timeout): the
   * container does, with whatever page it has. Records that as a finding.
   *
   * @param request the request
   * @param thrown what reached the container
   */
  public void onUnanswered(RequestView request, Throwable thrown) {
    if (config.mode() == Mode.REPORT) {
      findings.record(
          new Finding(
              "exception",
              "uncaught exception left to the container",
              request.method(),
              request.path(),
              500));
    }
  }

  /**
   * @param thrown what an application's call threw
   * @return whether it says the client went away (logged at DEBUG, never answered)
   */
  public boolean isClientAbort(Throwable thrown) {
    return ClientErrors.isAbort(thrown);
  }

  /**
   * @param request the request
   * @return the media type of a problem for this request: {@code application/problem+xml} for a
   *     client that prefers XML to JSON (with the default renderer), else the renderer's
   */
  public String problemMediaType(RequestView request) {
    return negotiates && ErrorNegotiation.of(request.header("Accept")).xml()
        ? xml.contentType()
        : config.renderer().contentType();
  }

  /**
   * Renders a problem the application supplied itself (a {@link ProblemException}, a JAX-RS entity,
   * an exception's failure).
   *
   * @param problem the problem
   * @param mediaType what {@link #problemMediaType} said
   * @return the bytes
   */
  public byte[] render(Problem problem, String mediaType) {
    return negotiates && xml.contentType().equals(mediaType)
        ? xml.render(problem)
        : config.renderer().render(problem);
  }

  /**
   * The draft's header changes with the problem's: its error id set, the replaced body's
   * representation headers removed.
   */
  private Decision.Replace replace(Draft d, Problem p) {
    p = Problems.traced(d.request, p);
    Map<String, List<String>> id = Map.of();
    String errorId = Problems.errorId(p);
    if (errorId != null) {
      id = Map.of(Restatus.ERROR_ID_HEADER, List.of(errorId));
    }
    List<String> removed = new java.util.ArrayList<>();
    for (String h : Restatus.REPRESENTATION_HEADERS) {
      // the Content-Range of a 416 says what the range was not satisfiable against (RFC 9110
      // section 15.5.17): it belongs to the status, not to the replaced body
      if (d.status != 416 || !h.equals("Content-Range")) {
        removed.add(h);
      }
    }
    ProblemRenderer r = config.renderer();
    if (negotiates && !d.canonical()) {
      // the canonical not-found is the same whatever Accept says; every other problem follows it
      d.varyOnAccept();
      if (d.negotiation().xml()) {
        r = xml;
      }
    }
    return new Decision.Replace(d.status, d.edits(id, removed), p, r.render(p), r.contentType());
  }

  /**
   * @return the maintenance switch
   */
  public dev.restatus.core.Maintenance maintenance() {
    return maintenance;
  }

  /**
   * Renders a 207 Multi-Status document ({@link MultiStatusRule}): every 4xx and 5xx item with a
   * problem (generated from its status where the application gave none, with an error id; a 5xx one
   * held to the rules of any 5xx problem, by the mode).
   *
   * @param request the request the document answers
   * @param multiStatus the document
   * @return its bytes, {@code application/json}
   */
  public byte[] renderMultiStatus(RequestView request, dev.restatus.core.MultiStatus multiStatus) {
    return MultiStatusRule.render(request, multiStatus, config, problems, findings::record);
  }

  /** Unregisters the MBeans. */
  public void close() {
    findings.unregister();
    maintenance.unregister();
  }
}
