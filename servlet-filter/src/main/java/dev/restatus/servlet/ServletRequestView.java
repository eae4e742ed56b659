package dev.restatus.servlet;

import dev.restatus.core.adapter.RequestPaths;
import dev.restatus.core.adapter.RequestView;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Set;

/** A servlet request as the core rules see it. */
final class ServletRequestView implements RequestView {

  /** Request attribute: the path the rules saw on the REQUEST dispatch, for later dispatches. */
  static final String PATH = ServletRequestView.class.getName() + ".PATH";

  private final HttpServletRequest request;
  private final AllowProbe allowProbe;
  private final String path;

  ServletRequestView(HttpServletRequest request, AllowProbe allowProbe) {
    this.request = request;
    this.allowProbe = allowProbe;
    this.path = pathOf(request);
  }

  /**
   * The context-relative path the container routed: the servlet path plus path info. In an ERROR
   * dispatch that is the error page's, so the path is the one recorded when Restatus saw the
   * failing request, or else the failing request's raw URI normalised as the container would
   * ({@link RequestPaths#normalize}): path parameters, percent-escapes and dot segments never let a
   * spelling of a path escape its pattern.
   */
  static String pathOf(HttpServletRequest request) {
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      Object seen = request.getAttribute(PATH);
      if (seen instanceof String p) {
        return p;
      }
      Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      if (uri != null) {
        return stripContext(request, RequestPaths.normalize(uri.toString()));
      }
    }
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    String p;
    if (pathInfo == null) {
      p = servletPath == null ? "" : servletPath;
    } else {
      p = servletPath == null || servletPath.isEmpty() ? pathInfo : servletPath + pathInfo;
    }
    if (p.isEmpty()) {
      p = stripContext(request, RequestPaths.normalize(request.getRequestURI()));
    }
    if (request.getDispatcherType() == DispatcherType.REQUEST) {
      request.setAttribute(PATH, p);
    }
    return p;
  }

  /** Removes the context's own (decoded) path from a normalised path. */
  private static String stripContext(HttpServletRequest request, String normalized) {
    String ctx = request.getServletContext().getContextPath();
    if (ctx == null || ctx.isEmpty()) {
      return normalized;
    }
    if (normalized.equals(ctx)) {
      return "/";
    }
    return normalized.startsWith(ctx + "/") ? normalized.substring(ctx.length()) : normalized;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String protocol() {
    return request.getProtocol();
  }

  @Override
  public String header(String name) {
    // repeated lines of a header are one comma-separated list (RFC 9110 section 5.3), as JAX-RS's
    // getHeaderString gives them; most headers asked about are absent, and on the container's own
    // request looking one up costs less than enumerating its (no) values (a wrapper might add a
    // header to getHeaders alone, so a wrapped request is always enumerated)
    if (!(request instanceof jakarta.servlet.ServletRequestWrapper)
        && request.getHeader(name) == null) {
      return null;
    }
    java.util.Enumeration<String> values = request.getHeaders(name);
    if (values == null || !values.hasMoreElements()) {
      return request.getHeader(name);
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return first;
    }
    StringBuilder all = new StringBuilder(first);
    while (values.hasMoreElements()) {
      all.append(", ").append(values.nextElement());
    }
    return all.toString();
  }

  @Override
  public String query() {
    return request.getQueryString();
  }

  @Override
  public String root() {
    return request.getContextPath();
  }

  @Override
  public Set<String> allowedMethods() {
    return allowProbe.allowedMethods(request);
  }

  boolean isAsync() {
    return request.isAsyncStarted();
  }

  /** Methods are case-sensitive (RFC 9110 section 9.1): {@code head} is not HEAD. */
  boolean isHead() {
    return "HEAD".equals(request.getMethod());
  }

  /** Invalidates a session this request created: its cookie is not sent. */
  void forgetNewSession() {
    try {
      HttpSession session = request.getSession(false);
      if (session != null && session.isNew()) {
        session.invalidate();
      }
    } catch (IllegalStateException e) {
      // already invalid, or the response committed
    }
  }

  /**
   * From the {@link dev.restatus.core.ValidatorSource} the application registered as the servlet
   * context attribute of that name; none otherwise (no sub-request: see the README).
   */
  @Override
  public java.util.Optional<dev.restatus.core.ResourceState> currentState() {
    Object source =
        request.getServletContext().getAttribute(dev.restatus.core.ValidatorSource.class.getName());
    if (source instanceof dev.restatus.core.ValidatorSource v) {
      java.util.Optional<dev.restatus.core.ResourceState> state = v.current(path());
      return state == null ? java.util.Optional.empty() : state;
    }
    return java.util.Optional.empty();
  }
}
