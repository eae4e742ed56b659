package dev.restatus.core.operation;

import dev.restatus.core.Problem;

/**
 * An operation answered {@code 202 Accepted}: its monitor answers {@code 202} with {@code
 * Retry-After} while it runs, and {@code 303 See Other} to its result once it is complete. Complete
 * it exactly once, from any thread; later calls are ignored. Thread-safe.
 *
 * <p>Servlets start one with {@code dev.restatus.servlet.Accepted.start(request, response)}, JAX-RS
 * resources with {@code dev.restatus.jaxrs.Accepted.start(request)}.
 */
public interface Operation {

  /**
   * @return the unguessable id (128 random bits, URL-safe base64)
   */
  String id();

  /**
   * @return the monitor's path from the host root ({@code /app/restatus/operations/<id>}), the
   *     {@code Location} of the 202
   */
  String monitor();

  /**
   * @return the {@code 202 Accepted} to send for it: {@code Location}, {@code Retry-After}, {@code
   *     Cache-Control: no-store} and the status document
   */
  CapturedResponse accepted();

  /**
   * Completes it with the application's response. A 4xx or 5xx that is not a problem gets a
   * generated one; a 5xx problem that shows internals is replaced; a body longer than {@code
   * restatus.defer.max-result} becomes a 500 problem (and a log line).
   *
   * @param result the response
   */
  void complete(CapturedResponse result);

  /**
   * Completes it with a response.
   *
   * @param status the status
   * @param contentType the body's media type, or {@code null}
   * @param body the body
   */
  default void complete(int status, String contentType, byte[] body) {
    complete(CapturedResponse.of(status, contentType, body));
  }

  /**
   * Completes it with a problem (a 5xx one sanitized like any 5xx).
   *
   * @param problem the problem
   */
  void fail(Problem problem);

  /**
   * Completes it with the problem the exception maps to, as if a request had thrown it (a 5xx is
   * logged with an error id and shows nothing of the exception).
   *
   * @param thrown what the work threw
   */
  void fail(Throwable thrown);

  /**
   * @return whether it has been completed
   */
  boolean isDone();
}
