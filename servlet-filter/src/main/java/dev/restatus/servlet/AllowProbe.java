package dev.restatus.servlet;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds what a servlet supports by asking it: the first 405 of a servlet sends it an {@code
 * OPTIONS} request through its named dispatcher (no filters run) into a response that records the
 * {@code Allow} header and writes nothing; {@code HttpServlet} answers from the {@code doXxx}
 * methods it overrides. The answer is cached per servlet name, at most {@value #MAX_SERVLETS}.
 */
final class AllowProbe {

  static final int MAX_SERVLETS = 512;
  private static final System.Logger LOG = System.getLogger("dev.restatus");

  private final Map<String, Set<String>> cache = new ConcurrentHashMap<>();

  Set<String> allowedMethods(HttpServletRequest request, HttpServletResponse response) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    String servlet = mapping == null ? null : mapping.getServletName();
    if (servlet == null) {
      return Set.of();
    }
    Set<String> known = cache.get(servlet);
    if (known != null) {
      return known;
    }
    Set<String> found = probe(request, response, servlet);
    if (cache.size() < MAX_SERVLETS) {
      cache.put(servlet, found);
    }
    return found;
  }

  private static Set<String> probe(
      HttpServletRequest request, HttpServletResponse response, String servlet) {
    if (!dispatchesByMethod(request.getServletContext(), servlet)) {
      return Set.of();
    }
    RequestDispatcher dispatcher = request.getServletContext().getNamedDispatcher(servlet);
    if (dispatcher == null) {
      return Set.of();
    }
    Recorder recorder = new Recorder(response);
    try {
      dispatcher.forward(new OptionsRequest(request), recorder);
    } catch (Exception | StackOverflowError e) {
      LOG.log(Level.DEBUG, "Restatus: OPTIONS probe of servlet " + servlet + " failed", e);
      return Set.of();
    }
    Set<String> methods = new LinkedHashSet<>();
    if (recorder.allow != null && recorder.status < 300) {
      for (String m : recorder.allow.split(",")) {
        if (!m.isBlank()) {
          methods.add(m.trim().toUpperCase(Locale.ROOT));
        }
      }
    }
    return java.util.Collections.unmodifiableSet(methods);
  }

  /**
   * Whether the servlet is an {@code HttpServlet} that leaves {@code service} to {@code
   * HttpServlet}: only then does an {@code OPTIONS} request reach nothing but {@code doOptions}. A
   * servlet with its own {@code service} might run its business logic for any method.
   */
  static boolean dispatchesByMethod(ServletContext context, String servlet) {
    ServletRegistration registration = context.getServletRegistration(servlet);
    if (registration == null || registration.getClassName() == null) {
      return false;
    }
    try {
      ClassLoader loader = context.getClassLoader();
      if (loader == null) {
        loader = Thread.currentThread().getContextClassLoader();
      }
      Class<?> c = Class.forName(registration.getClassName(), false, loader);
      if (!HttpServlet.class.isAssignableFrom(c)) {
        return false;
      }
      for (; c != HttpServlet.class; c = c.getSuperclass()) {
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
          if (m.getName().equals("service")) {
            return false;
          }
        }
      }
      return true;
    } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
      return false;
    }
  }

  /** The request seen by the probed servlet: the same, but {@code OPTIONS}. */
  private static final class OptionsRequest extends HttpServletRequestWrapper {
    OptionsRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getMethod() {
      return "OPTIONS";
    }
  }

  /** Records status and {@code Allow}; lets nothing reach the real response. */
  private static final class Recorder extends HttpServletResponseWrapper {
    String allow;
    int status = 200;
    private final ServletOutputStream sink =
        new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}

          @Override
          public void write(int b) {}
        };

    Recorder(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if ("Allow".equalsIgnoreCase(name)) {
        allow = value;
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if ("Allow".equalsIgnoreCase(name)) {
        allow = allow == null ? value : allow + ", " + value;
      }
    }

    @Override
    public void setIntHeader(String name, int value) {}

    @Override
    public void addIntHeader(String name, int value) {}

    @Override
    public void setDateHeader(String name, long date) {}

    @Override
    public void addDateHeader(String name, long date) {}

    @Override
    public void addCookie(jakarta.servlet.http.Cookie cookie) {}

    @Override
    public void setStatus(int sc) {
      status = sc;
    }

    @Override
    public void sendError(int sc) {
      status = sc;
    }

    @Override
    public void sendError(int sc, String msg) {
      status = sc;
    }

    @Override
    public void sendRedirect(String location) {
      status = 302;
    }

    @Override
    public void setContentType(String type) {}

    @Override
    public void setContentLength(int len) {}

    @Override
    public void setContentLengthLong(long len) {}

    @Override
    public void setCharacterEncoding(String charset) {}

    @Override
    public void setBufferSize(int size) {}

    @Override
    public void setLocale(java.util.Locale loc) {}

    @Override
    public ServletOutputStream getOutputStream() {
      return sink;
    }

    @Override
    public PrintWriter getWriter() {
      return new PrintWriter(OutputStream.nullOutputStream());
    }

    @Override
    public void flushBuffer() {}

    @Override
    public void reset() {}

    @Override
    public void resetBuffer() {}

    @Override
    public boolean isCommitted() {
      return false;
    }
  }
}
