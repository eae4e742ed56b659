package dev.restatus.core;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * Recognises the exceptions a servlet container throws while the application reads a bad request
 * (an invalid percent-escape in the query or form, too many or too large form fields, a malformed
 * multipart or chunked body): they are the client's errors, and the bare container answers them
 * with a 4xx. Matched by class name along the superclass chain, so no container class is loaded:
 *
 * <ul>
 *   <li>Jetty: any exception under {@code org.eclipse.jetty.} with a public {@code int getCode()}
 *       (its {@code HttpException}s, such as {@code BadMessageException}) that returns a 4xx;
 *   <li>Tomcat: {@code InvalidParameterException} (a parameter that cannot be parsed), {@code
 *       BadRequestException} (a request body that cannot be read), and the file-upload exceptions
 *       of its multipart parser (413 for the size limits, 400 otherwise).
 * </ul>
 */
final class ClientErrors {

  private static final Map<String, Integer> BY_NAME =
      Map.of(
          "org.apache.tomcat.util.http.InvalidParameterException", 400,
          "org.apache.catalina.connector.BadRequestException", 400,
          "org.apache.tomcat.util.http.fileupload.impl.SizeException", 413,
          "org.apache.tomcat.util.http.fileupload.impl.FileUploadSizeException", 413,
          "org.apache.tomcat.util.http.fileupload.FileUploadException", 400,
          "org.apache.tomcat.util.http.fileupload.impl.FileUploadIOException", 400,
          "org.apache.tomcat.util.http.fileupload.MultipartStream$MalformedStreamException", 400);

  private ClientErrors() {}

  /**
   * @param t a throwable (not its causes)
   * @return the 4xx status the bare container would answer for it, or {@code null} if it is not a
   *     container's client-error exception
   */
  static Integer statusOf(Throwable t) {
    for (Class<?> c = t.getClass(); c != null && c != Throwable.class; c = c.getSuperclass()) {
      Integer s = BY_NAME.get(c.getName());
      if (s != null) {
        return s;
      }
    }
    if (t.getClass().getName().startsWith("org.eclipse.jetty.")) {
      Integer code = intProperty(t, "getCode");
      if (code != null && code >= 400 && code <= 499) {
        return code;
      }
    }
    return null;
  }

  private static Integer intProperty(Throwable t, String name) {
    try {
      Method m = t.getClass().getMethod(name);
      if (m.getReturnType() == int.class
          && m.getParameterCount() == 0
          && Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
        return (Integer) m.invoke(t);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // not such an exception
    }
    return null;
  }
}
