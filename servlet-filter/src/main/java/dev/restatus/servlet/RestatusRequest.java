package dev.restatus.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
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
 * response, and {@code AsyncContext.complete()} first ends the wrapped response.
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
    async = res == response ? new Completing(started) : started;
    return async;
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
      delegate.addListener(listener);
    }

    @Override
    public void addListener(
        AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
      delegate.addListener(listener, servletRequest, servletResponse);
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
