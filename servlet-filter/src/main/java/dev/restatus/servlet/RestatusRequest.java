package dev.restatus.servlet;

import dev.restatus.core.adapter.RequestView;
import dev.restatus.core.adapter.Restatus;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Makes asynchronous requests go through Restatus too: {@code startAsync()} is started with this
 * request and the {@link RestatusResponse}, so {@code AsyncContext.getResponse()} is the wrapped
 * response, and {@code AsyncContext.complete()} first ends the wrapped response. The application's
 * {@code AsyncListener}s are told first; a timeout or an error that none of them answered gets a
 * problem, with or without an {@code <error-page>}. Dispatchers obtained through this request let a
 * forward's target be decided afresh, and keep an included servlet's status and {@code sendError}
 * from touching the including response (the container's own dispatcher objects are left alone:
 * Tomcat's asynchronous dispatch relies on their type).
 */
final class RestatusRequest extends HttpServletRequestWrapper {

  private final RestatusResponse response;
  private final Restatus engine;
  private final RequestView view;
  private Completing async;

  /**
   * @param engine maps an exception of an asynchronous task to the failure to send, and is told of
   *     a failure left to the container ({@code report} mode)
   * @param view the request as the rules see it
   */
  RestatusRequest(
      HttpServletRequest request, RestatusResponse response, Restatus engine, RequestView view) {
    super(request);
    this.response = response;
    this.engine = engine;
    this.view = view;
  }

  @Override
  public AsyncContext startAsync() {
    return startAsync(this, response);
  }

  @Override
  public AsyncContext startAsync(ServletRequest request, ServletResponse res) {
    AsyncContext started = super.startAsync(request, res);
    if (RestatusFilter.find(res) != response) {
      return started; // the application bypasses the wrapped response: nothing to end
    }
    Completing context = new Completing(started);
    started.addListener(new Events(context));
    async = context;
    return async;
  }

  @Override
  public RequestDispatcher getRequestDispatcher(String path) {
    return dispatching(super.getRequestDispatcher(path));
  }

  private RequestDispatcher dispatching(RequestDispatcher d) {
    return d == null ? null : new Dispatching(d);
  }

  /**
   * A forward discards the uncommitted body, so the target's response is decided afresh; an include
   * may not change the status.
   */
  private final class Dispatching implements RequestDispatcher {
    private final RequestDispatcher delegate;

    Dispatching(RequestDispatcher delegate) {
      this.delegate = delegate;
    }

    @Override
    public void forward(ServletRequest req, ServletResponse res)
        throws ServletException, IOException {
      response.beforeForward();
      response.enterForward();
      try {
        delegate.forward(req, res);
      } finally {
        response.exitForward();
      }
    }

    @Override
    public void include(ServletRequest req, ServletResponse res)
        throws ServletException, IOException {
      response.enterInclude();
      try {
        delegate.include(req, res);
      } finally {
        response.exitInclude();
      }
    }
  }

  /**
   * The one listener Restatus registers with the container: it hands each event to the
   * application's listeners first (with {@link Completing} as their context), then, if none of them
   * completed or dispatched, answers a timeout or an error itself and completes.
   */
  private final class Events implements AsyncListener {
    private final Completing context;

    Events(Completing context) {
      this.context = context;
    }

    @Override
    public void onComplete(AsyncEvent event) throws IOException {
      context.relay(event, AsyncListener::onComplete);
      response.finishIfStillOpen();
    }

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
      context.relay(event, AsyncListener::onTimeout);
      if (!context.answered) {
        long ms = context.getTimeout();
        answer(new TimeoutException("asynchronous request timed out after " + ms + " ms"));
      }
    }

    @Override
    public void onError(AsyncEvent event) throws IOException {
      context.relay(event, AsyncListener::onError);
      if (!context.answered) {
        Throwable t = event.getThrowable();
        answer(t != null ? t : new IllegalStateException("asynchronous request failed"));
      }
    }

    @Override
    public void onStartAsync(AsyncEvent event) throws IOException {
      context.relay(event, AsyncListener::onStartAsync);
    }

    /**
     * Answers a timeout or error no listener answered; in {@code report} mode, or when the response
     * is committed, the container goes on as it would without Restatus.
     */
    private void answer(Throwable t) {
      if (response.isEnforcing()) {
        context.fail(t);
      } else {
        engine.onUnanswered(view, t);
      }
    }
  }

  @Override
  public AsyncContext getAsyncContext() {
    AsyncContext current = super.getAsyncContext();
    return async != null && current == async.delegate ? async : current;
  }

  /** An event for one of the application's listeners. */
  private interface Relay {
    void to(AsyncListener listener, AsyncEvent event) throws IOException;
  }

  /**
   * An {@link AsyncContext} whose {@code complete()} ends the wrapped response first, and which
   * keeps the application's listeners so that {@link Events} can tell them before acting.
   */
  private final class Completing implements AsyncContext {
    private final AsyncContext delegate;
    private final List<AsyncEvent> listeners = new ArrayList<>();
    private final List<AsyncListener> order = new ArrayList<>();

    /** Whether completed or dispatched: the exchange has an answer. */
    private volatile boolean answered;

    Completing(AsyncContext delegate) {
      this.delegate = delegate;
    }

    void relay(AsyncEvent event, Relay relay) throws IOException {
      List<AsyncListener> targets;
      List<AsyncEvent> supplied;
      synchronized (this) {
        targets = new ArrayList<>(order);
        supplied = new ArrayList<>(listeners);
      }
      for (int i = 0; i < targets.size(); i++) {
        AsyncEvent own = supplied.get(i);
        relay.to(
            targets.get(i),
            new AsyncEvent(
                this,
                own != null ? own.getSuppliedRequest() : event.getSuppliedRequest(),
                own != null ? own.getSuppliedResponse() : event.getSuppliedResponse(),
                event.getThrowable()));
      }
    }

    @Override
    public void complete() {
      answered = true;
      try {
        response.finish();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        delegate.complete();
      }
    }

    @Override
    public ServletRequest getRequest() {
      return delegate.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
      return delegate.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
      return delegate.hasOriginalRequestAndResponse();
    }

    @Override
    public void dispatch() {
      answered = true;
      delegate.dispatch();
    }

    @Override
    public void dispatch(String path) {
      answered = true;
      delegate.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
      answered = true;
      delegate.dispatch(context, path);
    }

    @Override
    public void start(Runnable run) {
      delegate.start(
          () -> {
            try {
              run.run();
            } catch (RuntimeException | Error t) {
              if (!answered && !response.isEnforcing()) {
                engine.onUnanswered(view, t);
              }
              if (answered || !response.isEnforcing() || !fail(t)) {
                throw t;
              }
            }
          });
    }

    /** Answers an exception of an asynchronous task; {@code false} if it is too late to. */
    private boolean fail(Throwable t) {
      try {
        if (!response.fail(engine.onException(view, t))) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
      complete();
      return true;
    }

    @Override
    public synchronized void addListener(AsyncListener listener) {
      order.add(listener);
      listeners.add(null);
    }

    @Override
    public synchronized void addListener(
        AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
      order.add(listener);
      listeners.add(new AsyncEvent(this, servletRequest, servletResponse));
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> clazz) throws ServletException {
      return delegate.createListener(clazz);
    }

    @Override
    public void setTimeout(long timeout) {
      delegate.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
      return delegate.getTimeout();
    }
  }
}
