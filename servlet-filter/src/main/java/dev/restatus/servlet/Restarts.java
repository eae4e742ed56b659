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
 * Starting an uncommitted response over: {@code reset()} clears the body, the status, the headers,
 * the character encoding, the locale and (Servlet 6) the choice of writer or stream; the headers
 * worth keeping are put back. The one way Restatus removes headers that a container will not let go
 * of, and replaces a body without any of its charset or locale.
 */
final class Restarts {

  /**
   * Headers the container sets itself and adds again at commit (Jetty lists them from the start).
   */
  private static final Set<String> CONTAINER_HEADERS = Set.of("date", "server");

  private Restarts() {}

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
}
