package dev.restatus.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An exception an application throws to answer with a ready problem: status, headers and body. Both
 * adapters send it as is (after the response rules), whatever the exception mappings say. Its own
 * exception types can implement {@link ProblemResponse} instead.
 *
 * <p>Its message is the problem's {@code detail} (or title); it is never written anywhere but the
 * problem body the application built itself.
 */
public class ProblemException extends RuntimeException implements ProblemResponse {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;
  private final transient Map<String, List<String>> headers;

  /**
   * @param problem the body to send; its status is the response status
   */
  public ProblemException(Problem problem) {
    this(problem, Map.of(), null);
  }

  /**
   * @param problem the body to send; its status is the response status
   * @param headers response headers to set, for example {@code Retry-After}
   * @param cause the underlying failure, logged but never sent; may be {@code null}
   */
  public ProblemException(Problem problem, Map<String, List<String>> headers, Throwable cause) {
    super(message(problem), cause);
    this.problem = Objects.requireNonNull(problem, "problem");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.headers = Collections.unmodifiableMap(copy);
  }

  private static String message(Problem p) {
    Objects.requireNonNull(p, "problem");
    return p.status() + " " + (p.detail() != null ? p.detail() : p.title());
  }

  /**
   * Shorthand for a problem with a status, a detail and optional header pairs.
   *
   * @param status the HTTP status
   * @param detail the explanation sent to the client
   * @param headerPairs name, value, name, value...
   * @return the exception, to throw
   */
  public static ProblemException of(int status, String detail, String... headerPairs) {
    if (headerPairs.length % 2 != 0) {
      throw new IllegalArgumentException("header pairs must come as name, value");
    }
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (int i = 0; i < headerPairs.length; i += 2) {
      h.computeIfAbsent(headerPairs[i], k -> new ArrayList<>()).add(headerPairs[i + 1]);
    }
    return new ProblemException(Problem.builder(status).detail(detail).build(), h, null);
  }

  /**
   * @return the problem to send
   */
  @Override
  public Problem problem() {
    return problem;
  }

  /**
   * @return the headers to set on the response; never {@code null}
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * @return the same as {@link #headers()}
   */
  @Override
  public Map<String, List<String>> responseHeaders() {
    return headers;
  }
}
