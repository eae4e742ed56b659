package dev.restatus.servlet;

import dev.restatus.core.Maintenance;
import dev.restatus.core.Mode;
import dev.restatus.core.RestatusConfig;
import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.LogText;
import dev.restatus.core.adapter.Restatus;
import dev.restatus.core.operation.CapturedResponse;
import dev.restatus.core.operation.Operation;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies the Restatus rules to every request of a Servlet 6 application: every 4xx and 5xx leaves
 * with a problem body, uncaught exceptions become sanitized problems, and the policy rules of
 * {@code restatus.*} hold.
 *
 * <p>Map it to {@code /*} for the {@code REQUEST}, {@code ASYNC} and {@code ERROR} dispatcher
 * types, ahead of the filters whose errors it should cover. Its jar carries a {@code
 * web-fragment.xml} that does exactly that; settings come from {@code restatus.*} init-params and
 * the other sources of {@link RestatusConfig}. Programmatic set-up: {@code new
 * RestatusFilter(RestatusConfig.load(Map.of(...), "my code"))}, which also reads {@code
 * restatus.properties}, the environment and system properties ({@code RestatusConfig.of} takes
 * exactly the given properties).
 *
 * <p>Errors the container produces before any filter runs (a malformed request line, oversized
 * headers, a security constraint) reach the filter only through an error page: the web-fragment
 * declares none, so add {@code <error-page><location>/restatus-error</location></error-page>} (any
 * location: the filter answers it) to cover them.
 *
 * <p>A client that prefers HTML to JSON (a browser) gets the application's own error pages: those
 * of {@code WEB-INF/web.xml}, and those {@code restatus.error-pages} names for pages registered in
 * code. Restatus then passes {@code sendError} on to the container and judges the page in its
 * {@code ERROR} dispatch (a 5xx page that shows internals is replaced).
 */
public class RestatusFilter implements Filter {

  /** Request attribute set once Restatus has handled a request. */
  public static final String APPLIED = RestatusFilter.class.getName() + ".APPLIED";

  /**
   * Init-param set by the jar's {@code web-fragment.xml} on the copy it registers, so that {@code
   * restatus.auto-register=false} can switch that copy off.
   */
  public static final String AUTO_REGISTERED_PARAM = "dev.restatus.auto-registered";

  private static final System.Logger LOG = System.getLogger("dev.restatus");

  private final RestatusConfig given;
  private Restatus engine;
  private ErrorPages errorPages;
  private final AllowProbe allowProbe = new AllowProbe();
  private ScheduledExecutorService timers;

  /** For web.xml, web-fragment and {@code addFilter(name, Class)}: settings from init-params. */
  public RestatusFilter() {
    this.given = null;
  }

  /**
   * For programmatic registration with settings built in code; init-params are then ignored.
   *
   * @param config the settings
   */
  public RestatusFilter(RestatusConfig config) {
    this.given = config;
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    RestatusConfig config = given;
    if (config == null) {
      Map<String, String> params = new LinkedHashMap<>();
      for (String name : Collections.list(filterConfig.getInitParameterNames())) {
        params.put(name, filterConfig.getInitParameter(name));
      }
      config = RestatusConfig.load(params, "init-param of filter " + filterConfig.getFilterName());
    }
    boolean auto = Boolean.parseBoolean(filterConfig.getInitParameter(AUTO_REGISTERED_PARAM));
    if (config.mode() == Mode.OFF || (auto && !config.autoRegister())) {
      LOG.log(Level.INFO, "Restatus filter {0} is inactive", filterConfig.getFilterName());
      return;
    }
    String context = filterConfig.getServletContext().getContextPath();
    engine =
        Restatus.create(
            config, filterConfig.getFilterName() + "@" + (context.isEmpty() ? "/" : context));
    errorPages = ErrorPages.of(filterConfig.getServletContext(), config.errorPages());
    // the maintenance switch, for the application's own code (also an MXBean)
    filterConfig
        .getServletContext()
        .setAttribute(Maintenance.class.getName(), engine.maintenance());
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (engine == null
        || !(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      chain.doFilter(req, res);
      return;
    }
    RestatusResponse wrapped = find(response);
    if (wrapped != null) {
      // an ASYNC dispatch of a request we wrapped, or a second copy of this filter
      run(request, wrapped, request, chain);
      return;
    }
    boolean enforce = engine.config().mode() == Mode.ENFORCE;
    boolean error = request.getDispatcherType() == DispatcherType.ERROR;
    if (error && !enforce && request.getAttribute(APPLIED) != null) {
      chain.doFilter(req, res); // reported already on the dispatch that failed
      return;
    }
    request.setAttribute(APPLIED, Boolean.TRUE);
    ServletRequestView view = new ServletRequestView(request, allowProbe);
    if (!error) {
      Optional<CapturedResponse> monitored = engine.onMonitor(view, () -> Accepted.owner(request));
      if (monitored.isPresent()) {
        Replies.write(response, monitored.get(), "HEAD".equals(request.getMethod()), false);
        return;
      }
      Optional<Decision.Replace> early = engine.onRequest(view);
      if (early.isPresent()) {
        new RestatusResponse(response, view, engine, null, errorPages).answer(early.get());
        return;
      }
      Optional<Duration> after = engine.deferAfter(view);
      if (after.isPresent() && !"OPTIONS".equals(request.getMethod())) {
        defer(request, response, view, after.get(), chain);
        return;
      }
    }
    RestatusResponse wrapper =
        new RestatusResponse(response, view, engine, errorStatus(request), errorPages);
    if (error && enforce && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null) {
      // an exception no filter of ours saw: map it, log it with an error id, answer
      Throwable t = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
      wrapper.fail(engine.onException(view, t));
      wrapper.finish();
      return;
    }
    // An OPTIONS request needs no async or dispatcher bookkeeping, and Tomcat's HttpServlet lists
    // TRACE in its Allow unless it sees its own request object: pass that one on, as bare.
    HttpServletRequest forChain =
        "OPTIONS".equals(request.getMethod()) ? request : wrap(request, wrapper, view);
    run(request, wrapper, forChain, chain);
  }

  /**
   * A deferred request (docs/ARCHITECTURE.md, Deferred operations): the application runs on this
   * thread as always, writing to a {@link DeferredResponse}; if it has not finished when the time
   * is up, the timer answers 202 on the container's response, and what the application ends with
   * becomes the operation's result.
   */
  private void defer(
      HttpServletRequest request,
      HttpServletResponse response,
      ServletRequestView view,
      Duration after,
      FilterChain chain)
      throws IOException, ServletException {
    DeferredResponse capture =
        new DeferredResponse(response, engine.config().deferMaxResult(), request.getRequestURI());
    RestatusResponse wrapper = new RestatusResponse(capture, view, engine, null, errorPages);
    HttpServletRequest forChain = new DeferredRequest(wrap(request, wrapper, view), capture);
    String owner = Accepted.owner(request);
    long retryAfter = Math.max(1, (after.toMillis() + 999) / 1000);
    boolean head = "HEAD".equals(request.getMethod());
    AtomicReference<Operation> operation = new AtomicReference<>();
    ScheduledFuture<?> timer =
        timers()
            .schedule(
                () -> accept(capture, response, view, owner, retryAfter, head, operation),
                after.toMillis(),
                TimeUnit.MILLISECONDS);
    try {
      run(request, wrapper, forChain, chain);
    } catch (IOException | ServletException | RuntimeException | Error t) {
      synchronized (capture) {
        timer.cancel(false);
        if (capture.mode() == DeferredResponse.Mode.DETACHED) {
          operation.get().fail(t); // the client has its 202; the monitor tells the failure
          return;
        }
        if (capture.mode() == DeferredResponse.Mode.CAPTURING
            && engine.config().mode() == Mode.ENFORCE) {
          // nothing reached the client: answer as an undeferred failure would be
          RestatusResponse direct = new RestatusResponse(response, view, engine, null, errorPages);
          direct.fail(engine.onException(view, t));
          direct.finish();
          return;
        }
      }
      throw t;
    }
    synchronized (capture) {
      timer.cancel(false);
      switch (capture.mode()) {
        case CAPTURING -> capture.replay();
        case DETACHED -> {
          if (capture.overflowed()) {
            operation
                .get()
                .fail(
                    new dev.restatus.core.operation.ResultTooLongException(
                        capture.written(), engine.config().deferMaxResult()));
          } else {
            operation.get().complete(capture.captured());
          }
        }
        default -> {
          // passed through: the container's response is complete as the application left it
        }
      }
    }
  }

  /** The timer's side: time is up, so the client gets its 202 now. */
  private void accept(
      DeferredResponse capture,
      HttpServletResponse response,
      ServletRequestView view,
      String owner,
      long retryAfter,
      boolean head,
      AtomicReference<Operation> operation) {
    synchronized (capture) {
      if (capture.mode() != DeferredResponse.Mode.CAPTURING) {
        return;
      }
      Optional<Operation> op = engine.startOperation(view, owner, retryAfter, true);
      if (op.isEmpty()) {
        return; // answered when the application finishes, as without Restatus
      }
      capture.detach();
      operation.set(op.get());
      try {
        Replies.write(response, op.get().accepted(), head, true);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.DEBUG, "Restatus: the 202 could not be sent", e);
      }
    }
  }

  private synchronized ScheduledExecutorService timers() {
    if (timers == null) {
      ScheduledThreadPoolExecutor t =
          new ScheduledThreadPoolExecutor(
              2,
              r -> {
                Thread th = new Thread(r, "restatus-defer");
                th.setDaemon(true);
                return th;
              });
      t.setRemoveOnCancelPolicy(true);
      timers = t;
    }
    return timers;
  }

  /** The request as the chain sees it: asynchronous work and dispatches go through Restatus. */
  private RestatusRequest wrap(
      HttpServletRequest request, RestatusResponse wrapper, ServletRequestView view) {
    return new RestatusRequest(request, wrapper, engine, view);
  }

  private void run(
      HttpServletRequest request,
      RestatusResponse wrapper,
      HttpServletRequest forChain,
      FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(forChain, wrapper);
    } catch (IOException | ServletException | RuntimeException | Error t) {
      if (engine.isClientAbort(t)) {
        LOG.log(
            Level.DEBUG,
            "Restatus: client went away during {0} {1}: {2}",
            LogText.safe(request.getMethod()),
            LogText.safe(request.getRequestURI()),
            LogText.safe(t.toString()));
        return; // nobody is listening: nothing more to write
      }
      if (!handle(wrapper, t)) {
        throw t;
      }
    }
    if (!request.isAsyncStarted()) {
      wrapper.finish();
    }
  }

  /**
   * @return {@code true} if the throwable was answered (or deliberately swallowed), {@code false}
   *     if it must propagate
   */
  private boolean handle(RestatusResponse wrapper, Throwable t) throws IOException {
    if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
      return false;
    }
    if (engine.config().mode() != Mode.ENFORCE) {
      engine.onUnanswered(wrapper.requestView(), t); // counted; the container answers
      return false;
    }
    if (wrapper.isCommittedToContainer()) {
      // too late for a problem: let the container abort the response, as it would without
      // Restatus, so the client sees it cut short instead of a complete-looking success; the
      // container logs the exception
      return false;
    }
    wrapper.fail(engine.onException(wrapper.requestView(), t));
    return true;
  }

  private static Integer errorStatus(HttpServletRequest request) {
    if (request.getDispatcherType() != DispatcherType.ERROR) {
      return null;
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return code instanceof Integer i && i >= 400 && i <= 599 ? i : null;
  }

  static RestatusResponse find(ServletResponse response) {
    ServletResponse r = response;
    while (r instanceof jakarta.servlet.ServletResponseWrapper w) {
      if (r instanceof RestatusResponse rr) {
        return rr;
      }
      r = w.getResponse();
    }
    return null;
  }

  @Override
  public void destroy() {
    synchronized (this) {
      if (timers != null) {
        timers.shutdownNow();
        timers = null;
      }
    }
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }
}
