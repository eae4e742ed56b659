package dev.restatus.servlet;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The changes Restatus makes to the container's response when it carries out a decision, with the
 * containers' quirks: setting headers with several values, removing headers, and starting an
 * uncommitted response over. {@code reset()} clears the body, the status, the headers, the
 * character encoding, the locale and (Servlet 6) the choice of writer or stream; the headers worth
 * keeping are put back. That is the one way to remove headers a container will not let go of, and
 * to replace a body without any of its charset or locale.
 */
final class ContainerEdits {

  /**
   * Headers the container sets itself and adds again at commit (Jetty lists them from the start).
   */
  private static final Set<String> CONTAINER_HEADERS = Set.of("date", "server");

  private ContainerEdits() {}

  /**
   * @param real the container's response, not committed
   * @param status the status to set after the reset
   * @param keep which headers survive, by lower-case name
   */
  static void restart(HttpServletResponse real, int status, Predicate<String> keep) {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (String name : real.getHeaderNames()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!CONTAINER_HEADERS.contains(lower) && keep.test(lower) && !kept.containsKey(name)) {
        kept.put(name, new ArrayList<>(real.getHeaders(name)));
      }
    }
    real.reset();
    real.setStatus(status);
    kept.forEach((name, values) -> values.forEach(v -> real.addHeader(name, v)));
  }

  /**
   * Sets headers, each replacing every value of its name.
   *
   * @param real the container's response
   * @param headers names and their values
   */
  static void setHeaders(HttpServletResponse real, Map<String, List<String>> headers) {
    if (headers.isEmpty()) {
      return; // a kept response: no iterator
    }
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      // setHeader replaces every value; setHeader(name, null) removes nothing in Tomcat 10.1
      List<String> values = h.getValue();
      for (int i = 0; i < values.size(); i++) {
        if (i == 0) {
          real.setHeader(h.getKey(), values.get(0));
        } else {
          real.addHeader(h.getKey(), values.get(i));
        }
      }
    }
  }

  /**
   * Removes headers. {@code setHeader(name, null)} removes a header in Jetty but not in Tomcat;
   * where it did not work, the response is started over with every other header.
   *
   * @param real the container's response
   * @param names the headers to remove
   * @return whether the response was started over (its writer and stream must be obtained again)
   */
  static boolean removeHeaders(HttpServletResponse real, List<String> names) {
    if (names.isEmpty()) {
      return false;
    }
    boolean stuck = false;
    for (String name : names) {
      if (name.equalsIgnoreCase("Content-Length")) {
        real.setContentLengthLong(-1);
      } else if (name.equalsIgnoreCase("Content-Type")) {
        real.setContentType(null);
      } else if (real.containsHeader(name)) {
        real.setHeader(name, null);
        stuck |= real.containsHeader(name);
      }
    }
    if (!stuck || real.isCommitted()) {
      return false;
    }
    String type = real.getContentType(); // Tomcat does not list it among the headers
    restart(real, real.getStatus(), lower -> !containsIgnoringCase(names, lower));
    if (type != null && !containsIgnoringCase(names, "content-type")) {
      real.setContentType(type);
    }
    return true;
  }

  private static boolean containsIgnoringCase(List<String> names, String name) {
    return names.stream().anyMatch(name::equalsIgnoreCase);
  }
}
