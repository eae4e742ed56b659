package dev.restatus.core.internal.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Recognises the exceptions a servlet container throws while the application reads a bad request
 * (an invalid percent-escape in the query or form, too many or too large form fields, a malformed
 * multipart or chunked body): they are the client's errors, and the bare container answers them
 * with a 4xx (or, for Tomcat's multipart parser, a 500 that should have been a 400). Matched
 * without loading any container class:
 *
 * <ul>
 *   <li>Jetty: an exception under {@code org.eclipse.jetty.} whose {@code int getCode()} (its
 *       {@code HttpException} interface: {@code BadMessageException}, {@code
 *       HttpException$IllegalArgumentException}, the early-EOF of a bad chunk) is a 4xx;
 *   <li>Tomcat: an exception under {@code org.apache.} whose {@code int getErrorCode()} is a 4xx
 *       (Tomcat 11's {@code InvalidParameterException}: 400, or 413 for a form too large), its
 *       {@code BadRequestException}s, and its multipart parser's {@code FileUploadException}s.
 * </ul>
 *
 * The outermost such exception wins, as the container answers from it.
 */
final class ClientErrors {

  private static final Map<String, Integer> BY_NAME =
      Map.of(
          "org.apache.coyote.BadRequestException", 400,
          "org.apache.catalina.connector.BadRequestException", 400,
          "org.apache.tomcat.util.http.fileupload.impl.SizeException", 413,
          "org.apache.tomcat.util.http.fileupload.FileUploadException", 400,
          "org.apache.tomcat.util.http.fileupload.MultipartStream$MalformedStreamException", 400);

  private ClientErrors() {}

  /**
   * @param t a throwable (not its causes)
   * @return the 4xx status the container answers for it, or {@code null} if it is not a container's
   *     client-error exception
   */
  static Integer statusOf(Throwable t) {
    for (Class<?> c = t.getClass(); c != null && c != Throwable.class; c = c.getSuperclass()) {
      Integer s = BY_NAME.get(c.getName());
      if (s != null) {
        return s;
      }
    }
    String name = t.getClass().getName();
    Integer code = null;
    if (name.startsWith("org.eclipse.jetty.")) {
      code = intProperty(t, "getCode");
    } else if (name.startsWith("org.apache.")) {
      code = intProperty(t, "getErrorCode");
    }
    return code != null && code >= 400 && code <= 499 ? code : null;
  }

  /**
   * Calls a public {@code int} getter through a public type that declares it: the exception's own
   * class may not be public (Jetty's early-EOF exception), its interface is.
   */
  private static Integer intProperty(Throwable t, String getter) {
    Deque<Class<?>> types = new ArrayDeque<>();
    types.add(t.getClass());
    while (!types.isEmpty()) {
      Class<?> c = types.poll();
      if (Modifier.isPublic(c.getModifiers())) {
        try {
          Method m = c.getMethod(getter);
          if (m.getReturnType() == int.class) {
            return (Integer) m.invoke(t);
          }
        } catch (ReflectiveOperationException | RuntimeException e) {
          // not declared here
        }
      }
      if (c.getSuperclass() != null && c.getSuperclass() != Throwable.class) {
        types.add(c.getSuperclass());
      }
      types.addAll(List.of(c.getInterfaces()));
    }
    return null;
  }

  /**
   * Whether the client went away while the response was written: Tomcat's {@code
   * ClientAbortException}, Jetty's {@code EofException}. Jetty's early EOF of a malformed chunked
   * request body is an {@code EofException} too, but one with a client-error code ({@code
   * HttpException}): that is the client's error, not its absence.
   *
   * @param t what the application's call threw
   * @return whether it, or one of its causes, is a client abort
   */
  static boolean isAbort(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getClass().getName().endsWith(".ClientAbortException")) {
        return true;
      }
      if (extendsNamed(c.getClass(), "org.eclipse.jetty.io.EofException")
          && !implementsNamed(c.getClass(), "org.eclipse.jetty.http.HttpException")) {
        return true;
      }
    }
    return false;
  }

  private static boolean extendsNamed(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean implementsNamed(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.getName().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }
}
