package dev.restatus.servlet;

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

/**
 * Makes asynchronous requests go through Restatus too: {@code startAsync()} is started with this
 * request and the {@link RestatusResponse}, so {@code AsyncContext.getResponse()} is the wrapped
 * response, and {@code AsyncContext.complete()} first ends the wrapped response, also when an
 * {@code AsyncListener} calls it through its event. A forward through {@link #getRequestDispatcher}
 * lets the target's response be decided afresh.
 */
final class RestatusRequest extends HttpServletRequestWrapper {

  private final RestatusResponse response;
  private AsyncContext async;

  RestatusRequest(HttpServletRequest request, RestatusResponse response) {
    super(request);
    this.response = response;
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
    // a completion that bypasses Completing (the container's own context): end what we can
    started.addListener(new FinishOnComplete());
    async = new Completing(started);
    return async;
  }

  @Override
  public RequestDispatcher getRequestDispatcher(String path) {
    RequestDispatcher d = super.getRequestDispatcher(path);
    return d == null ? null : new Forwarding(d);
  }

  /** A forward discards the uncommitted body, so the target's response is decided afresh. */
  private final class Forwarding implements RequestDispatcher {
    private final RequestDispatcher delegate;

    Forwarding(RequestDispatcher delegate) {
      this.delegate = delegate;
    }

    @Override
    public void forward(ServletRequest req, ServletResponse res)
        throws ServletException, IOException {
      response.beforeForward();
      delegate.forward(req, res);
    }

    @Override
    public void include(ServletRequest req, ServletResponse res)
        throws ServletException, IOException {
      delegate.include(req, res);
    }
  }

  /** Ends the wrapped response when the container completes without going through us. */
  private final class FinishOnComplete implements AsyncListener {
    @Override
    public void onComplete(AsyncEvent event) {
      response.finishIfStillOpen();
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }

  /** Hands the application's listeners events whose context is {@link Completing}. */
  private final class Relaying implements AsyncListener {
    private final AsyncListener listener;
    private final Completing context;

    Relaying(AsyncListener listener, Completing context) {
      this.listener = listener;
      this.context = context;
    }

    private AsyncEvent relay(AsyncEvent e) {
      return new AsyncEvent(
          context, e.getSuppliedRequest(), e.getSuppliedResponse(), e.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) throws IOException {
      listener.onComplete(relay(event));
    }

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
      listener.onTimeout(relay(event));
    }

    @Override
    public void onError(AsyncEvent event) throws IOException {
      listener.onError(relay(event));
    }

    @Override
    public void onStartAsync(AsyncEvent event) throws IOException {
      listener.onStartAsync(relay(event));
    }
  }

  @Override
  public AsyncContext getAsyncContext() {
    AsyncContext current = super.getAsyncContext();
    return async != null && current == unwrap(async) ? async : current;
  }

  private static AsyncContext unwrap(AsyncContext ctx) {
    return ctx instanceof Completing c ? c.delegate : ctx;
  }

  /** An {@link AsyncContext} whose {@code complete()} ends the wrapped response first. */
  private final class Completing implements AsyncContext {
    private final AsyncContext delegate;

    Completing(AsyncContext delegate) {
      this.delegate = delegate;
    }

    @Override
    public void complete() {
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
      delegate.dispatch();
    }

    @Override
    public void dispatch(String path) {
      delegate.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
      delegate.dispatch(context, path);
    }

    @Override
    public void start(Runnable run) {
      delegate.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
      delegate.addListener(new Relaying(listener, this));
    }

    @Override
    public void addListener(
        AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
      delegate.addListener(new Relaying(listener, this), servletRequest, servletResponse);
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
