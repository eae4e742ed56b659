package dev.restatus.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the methods a servlet supports without sending it anything: like {@code
 * HttpServlet.doOptions}, from the {@code doXxx} methods its class overrides. Nothing of the
 * client's request is involved, no application code runs, and the answer is computed once per
 * servlet name (at most {@value #MAX_SERVLETS} are remembered). A servlet that is not an {@code
 * HttpServlet}, or that overrides {@code service} (and so may dispatch methods its own way), is not
 * known: its 405s get no discovered {@code Allow} (set {@code restatus.allow.<pattern>}).
 */
final class AllowProbe {

  static final int MAX_SERVLETS = 512;

  private static final Map<String, String> METHODS =
      Map.of(
          "doGet", "GET",
          "doPost", "POST",
          "doPut", "PUT",
          "doDelete", "DELETE",
          "doPatch", "PATCH");

  private final Map<String, Set<String>> cache = new ConcurrentHashMap<>();

  Set<String> allowedMethods(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    String servlet = mapping == null ? null : mapping.getServletName();
    if (servlet == null) {
      return Set.of();
    }
    Set<String> known = cache.get(servlet);
    if (known != null) {
      return known;
    }
    Set<String> found = methodsOf(request.getServletContext(), servlet);
    if (cache.size() < MAX_SERVLETS) {
      cache.putIfAbsent(servlet, found);
    }
    return found;
  }

  /**
   * @return the methods {@code HttpServlet} would list in the servlet's {@code Allow}, or none if
   *     it cannot be known
   */
  static Set<String> methodsOf(ServletContext context, String servlet) {
    ServletRegistration registration = context.getServletRegistration(servlet);
    if (registration == null || registration.getClassName() == null) {
      return Set.of();
    }
    try {
      ClassLoader loader = context.getClassLoader();
      if (loader == null) {
        loader = Thread.currentThread().getContextClassLoader();
      }
      Class<?> c = Class.forName(registration.getClassName(), false, loader);
      if (!HttpServlet.class.isAssignableFrom(c)) {
        return Set.of();
      }
      Set<String> methods = new LinkedHashSet<>();
      for (; c != HttpServlet.class; c = c.getSuperclass()) {
        for (Method m : c.getDeclaredMethods()) {
          if (m.getName().equals("service")) {
            return Set.of();
          }
          String method = METHODS.get(m.getName());
          if (method != null && m.getParameterCount() == 2) {
            methods.add(method);
          }
        }
      }
      Set<String> ordered = new LinkedHashSet<>();
      for (String m : new String[] {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}) {
        if (methods.contains(m) || (m.equals("HEAD") && methods.contains("GET"))) {
          ordered.add(m);
        }
      }
      ordered.add("OPTIONS");
      ordered.add("TRACE");
      return Collections.unmodifiableSet(ordered);
    } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
      return Set.of();
    }
  }
}
