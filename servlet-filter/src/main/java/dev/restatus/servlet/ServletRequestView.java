package dev.restatus.servlet;

import dev.restatus.core.RequestView;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/** A servlet request as the core rules see it. */
final class ServletRequestView implements RequestView {

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final AllowProbe allowProbe;
  private final String path;

  ServletRequestView(
      HttpServletRequest request, HttpServletResponse response, AllowProbe allowProbe) {
    this.request = request;
    this.response = response;
    this.allowProbe = allowProbe;
    this.path = pathOf(request);
  }

  /** The context-relative path; in an ERROR dispatch, the path of the request that failed. */
  static String pathOf(HttpServletRequest request) {
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      if (uri != null) {
        return stripContext(request, uri.toString());
      }
    }
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    String p = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    return p.isEmpty() ? stripContext(request, request.getRequestURI()) : p;
  }

  private static String stripContext(HttpServletRequest request, String uri) {
    String ctx = request.getContextPath();
    String p = ctx != null && uri.startsWith(ctx) ? uri.substring(ctx.length()) : uri;
    return p.isEmpty() ? "/" : p;
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
  public String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public Set<String> allowedMethods() {
    return allowProbe.allowedMethods(request, response);
  }

  boolean isAsync() {
    return request.isAsyncStarted();
  }

  boolean isHead() {
    return "HEAD".equalsIgnoreCase(request.getMethod());
  }
}
