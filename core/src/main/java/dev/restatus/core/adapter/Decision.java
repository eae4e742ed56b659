package dev.restatus.core.adapter;

import dev.restatus.core.Problem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an adapter must do to a response: the status, headers to set and to remove, and what happens
 * to the body. Immutable.
 *
 * @param status the status to send
 * @param setHeaders headers to set, replacing any value of the same name
 * @param removeHeaders headers to remove
 * @param body what to do with the application's body
 * @param problem the problem to send when {@code body} is {@link Body#PROBLEM}, else {@code null}
 * @param bytes the rendered problem when {@code body} is {@link Body#PROBLEM}, else {@code null}
 * @param contentType the {@code Content-Type} of {@code bytes}, else {@code null}
 * @param keepOnlyHeaders when not {@code null}, the lower-case names of the only headers the
 *     application or container set that may stay: every other one is removed (the canonical
 *     not-found of a concealed path); {@code setHeaders}, {@code Content-Type} and {@code
 *     Content-Length} are sent as decided
 */
public record Decision(
    int status,
    Map<String, String> setHeaders,
    List<String> removeHeaders,
    Body body,
    Problem problem,
    byte[] bytes,
    String contentType,
    Set<String> keepOnlyHeaders) {

  /** What happens to the application's body. */
  public enum Body {
    /** Send what the application writes, streamed as it is written. */
    KEEP,
    /** Send no body: discard what the application writes ({@code 204}, {@code 304}, HEAD). */
    DROP,
    /**
     * Discard what the application writes and send {@link Decision#bytes()} instead; on a HEAD
     * request the adapter sends the headers only.
     */
    PROBLEM
  }

  /** Copies the collections so a decision cannot change after it is made. */
  public Decision {
    setHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(setHeaders));
    removeHeaders = List.copyOf(removeHeaders);
    keepOnlyHeaders = keepOnlyHeaders == null ? null : Set.copyOf(keepOnlyHeaders);
  }

  /**
   * @param status the status the application set
   * @return a decision that changes nothing
   */
  public static Decision keep(int status) {
    return new Decision(status, Map.of(), List.of(), Body.KEEP, null, null, null, null);
  }

  /**
   * @return whether this decision keeps the body and touches no header (the status is compared by
   *     the caller, which knows what the application set)
   */
  public boolean isNoOp() {
    return body == Body.KEEP
        && setHeaders.isEmpty()
        && removeHeaders.isEmpty()
        && keepOnlyHeaders == null;
  }
}
