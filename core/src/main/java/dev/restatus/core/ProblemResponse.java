package dev.restatus.core;

import java.util.List;
import java.util.Map;

/**
 * Implemented by an exception that carries its own response, as Spring's {@code ErrorResponse}
 * does: wherever it is thrown, both adapters answer with {@link #problem()}, its status, and {@link
 * #responseHeaders()}, whatever {@code restatus.exception.*} says; the response rules still run on
 * the result (a concealed path, a missing challenge). Any exception class can implement it, so a
 * domain exception need not extend {@link ProblemException}, which is a ready-made one.
 *
 * <p>A 5xx problem is sent as built: the application chose its {@code detail}. The exception itself
 * (class, message, stack) only goes to the log.
 */
public interface ProblemResponse {

  /**
   * @return the body to send; its status is the response status
   */
  Problem problem();

  /**
   * @return headers to set on the response (a {@code Retry-After}, a challenge); none by default
   */
  default Map<String, List<String>> responseHeaders() {
    return Map.of();
  }
}
