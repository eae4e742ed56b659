package dev.restatus.servlet;

import dev.restatus.core.ProblemException;
import dev.restatus.core.adapter.Restatus;
import dev.restatus.core.operation.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Answers {@code 202 Accepted} for work a servlet runs itself, watched by Restatus's monitor
 * ({@code restatus.defer.monitor-path}):
 *
 * <pre>{@code
 * Operation op = Accepted.start(request, response); // 202, Location, Retry-After, status document
 * executor.submit(() -> {
 *   try {
 *     op.complete(201, "application/json", json);
 *   } catch (Exception e) {
 *     op.fail(e); // a sanitized 500 problem, logged with its error id
 *   }
 * });
 * }</pre>
 *
 * Only requests with the same credentials ({@code Authorization}, session) as this one may watch
 * the operation. Needs the {@link RestatusFilter} in front, in {@code enforce} mode.
 */
public final class Accepted {

  private Accepted() {}

  /**
   * Starts an operation polled every second and writes its 202.
   *
   * @param request the request that starts it
   * @param response its response, as the servlet got it
   * @return the operation, to complete from any thread
   * @throws IOException if writing the 202 fails
   * @throws ProblemException 503 with {@code Retry-After} when the store has no room
   * @throws IllegalStateException when no Restatus filter in {@code enforce} mode wraps the
   *     response
   */
  public static Operation start(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    return start(request, response, 1);
  }

  /**
   * Starts an operation and writes its 202.
   *
   * @param request the request that starts it
   * @param response its response, as the servlet got it
   * @param retryAfter the seconds a client waits between polls, at least 1
   * @return the operation, to complete from any thread
   * @throws IOException if writing the 202 fails
   * @throws ProblemException 503 with {@code Retry-After} when the store has no room
   * @throws IllegalStateException when no Restatus filter in {@code enforce} mode wraps the
   *     response
   */
  public static Operation start(
      HttpServletRequest request, HttpServletResponse response, long retryAfter)
      throws IOException {
    RestatusResponse wrapper = RestatusFilter.find(response);
    if (wrapper == null || wrapper.engine().config().mode() != dev.restatus.core.Mode.ENFORCE) {
      throw new IllegalStateException(
          "Accepted.start needs the Restatus filter in enforce mode in front of this servlet");
    }
    Operation op =
        wrapper
            .engine()
            .startOperation(wrapper.requestView(), owner(request), retryAfter, false)
            .orElseThrow(wrapper.engine()::noRoomForOperations);
    Replies.write(response, op.accepted(), "HEAD".equals(request.getMethod()), false);
    return op;
  }

  /** The fingerprint of the request's credentials. */
  static String owner(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return Restatus.owner(
        request.getHeader("Authorization"), session == null ? null : session.getId());
  }
}
