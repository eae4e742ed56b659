package dev.restatus.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A deferred request as the application sees it: an application that goes asynchronous itself is
 * not deferred (it frees its thread already), so {@code startAsync} first passes the held response
 * through. After the 202 the container's response is committed, so the container can create no
 * session: one the application asks for then lives for this request only (its cookie could not
 * reach the client anyway), rather than failing the request.
 */
final class DeferredRequest extends HttpServletRequestWrapper {

  private final DeferredResponse capture;

  DeferredRequest(HttpServletRequest request, DeferredResponse capture) {
    super(request);
    this.capture = capture;
  }

  @Override
  public AsyncContext startAsync() {
    pass();
    return super.startAsync();
  }

  @Override
  public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
    pass();
    return super.startAsync(request, response);
  }

  private jakarta.servlet.http.HttpSession local;

  @Override
  public jakarta.servlet.http.HttpSession getSession() {
    return getSession(true);
  }

  @Override
  public jakarta.servlet.http.HttpSession getSession(boolean create) {
    if (local != null) {
      return local;
    }
    try {
      return super.getSession(create);
    } catch (IllegalStateException e) {
      if (!create || capture.mode() != DeferredResponse.Mode.DETACHED) {
        throw e;
      }
      local = new RequestSession(getServletContext());
      return local;
    }
  }

  private void pass() {
    try {
      capture.passThrough();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
