package dev.restatus.core.adapter;

import dev.restatus.core.Problem;

/**
 * What an adapter must do to a response: one of three outcomes, each with the status to send and
 * the {@link HeaderEdits} to make. Immutable.
 *
 * <ul>
 *   <li>{@link Keep}: send what the application writes, streamed as it is written;
 *   <li>{@link Drop}: send no body ({@code 204}, {@code 304}): what the application writes is
 *       discarded;
 *   <li>{@link Replace}: discard what the application writes and send a rendered problem instead;
 *       on a HEAD request, its headers only.
 * </ul>
 */
public sealed interface Decision permits Decision.Keep, Decision.Drop, Decision.Replace {

  /**
   * @return the status to send
   */
  int status();

  /**
   * @return the header changes to make
   */
  HeaderEdits headers();

  /**
   * @param status the status the application set
   * @return a decision that changes nothing
   */
  static Keep keep(int status) {
    return status >= 100 && status <= 599
        ? Keeps.ALL[status - 100]
        : new Keep(status, HeaderEdits.NONE);
  }

  /**
   * @param applicationStatus the status the application set
   * @return whether carrying this decision out would leave the response exactly as it is
   */
  default boolean changesNothing(int applicationStatus) {
    return this instanceof Keep && status() == applicationStatus && headers().isEmpty();
  }

  /**
   * Send the application's body.
   *
   * @param status the status to send
   * @param headers the header changes
   */
  record Keep(int status, HeaderEdits headers) implements Decision {}

  /**
   * Send no body.
   *
   * @param status the status to send
   * @param headers the header changes
   */
  record Drop(int status, HeaderEdits headers) implements Decision {}

  /**
   * Send a problem instead of the application's body.
   *
   * @param status the status to send
   * @param headers the header changes; {@code Content-Type} and {@code Content-Length} are those of
   *     {@code bytes}
   * @param problem the problem
   * @param bytes the problem as rendered by the configured renderer
   * @param contentType the {@code Content-Type} of {@code bytes}
   */
  record Replace(int status, HeaderEdits headers, Problem problem, byte[] bytes, String contentType)
      implements Decision {}
}
