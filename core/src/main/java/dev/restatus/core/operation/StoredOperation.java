package dev.restatus.core.operation;

import java.time.Instant;
import java.util.Objects;

/**
 * One operation as a store keeps it: running until it has a result.
 *
 * @param id the unguessable id (at least 128 random bits, URL-safe)
 * @param owner the fingerprint of the credentials of the request that started it, or {@code null}
 *     when it carried none (anyone who knows the id may then read it)
 * @param started when it started
 * @param retryAfter the seconds a client is told to wait between polls while it runs
 * @param finished when it finished, or {@code null} while it runs
 * @param result its result, or {@code null} while it runs
 */
public record StoredOperation(
    String id,
    String owner,
    Instant started,
    long retryAfter,
    Instant finished,
    CapturedResponse result) {

  /**
   * @param id the id
   * @param owner the owner's fingerprint, or {@code null}
   * @param started when it started
   * @param retryAfter seconds between polls
   * @param finished when it finished, or {@code null}
   * @param result the result, or {@code null}
   */
  public StoredOperation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(started, "started");
    if ((finished == null) != (result == null)) {
      throw new IllegalArgumentException("finished and result go together");
    }
  }

  /**
   * @return whether it has a result
   */
  public boolean isDone() {
    return result != null;
  }

  /**
   * @param at when it finished
   * @param response its result
   * @return the finished operation
   */
  public StoredOperation finish(Instant at, CapturedResponse response) {
    return new StoredOperation(
        id,
        owner,
        started,
        retryAfter,
        Objects.requireNonNull(at),
        Objects.requireNonNull(response));
  }

  /**
   * @return roughly how much memory it takes
   */
  public long size() {
    return 128 + (result == null ? 0 : result.size());
  }
}
