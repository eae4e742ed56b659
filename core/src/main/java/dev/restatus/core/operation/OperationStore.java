package dev.restatus.core.operation;

import java.time.Duration;
import java.util.Optional;

/**
 * Keeps operations and their results, bounded in count, bytes and age. The default, {@link
 * MemoryOperationStore}, serves one instance; an application behind a load balancer without sticky
 * sessions needs one that every instance shares (a database table, Redis), named by {@code
 * restatus.defer.store}. An implementation has a public constructor taking {@link Bounds}, and is
 * thread-safe.
 */
public interface OperationStore {

  /**
   * The limits a store is created with.
   *
   * @param maxOperations the most operations kept at once, running or finished ({@code
   *     restatus.defer.max-operations})
   * @param maxBytes the most bytes results take at once beyond a small allowance per operation
   *     ({@code restatus.defer.max-bytes})
   * @param ttl how long a result is kept after it finished, and the longest an operation may run
   *     ({@code restatus.defer.ttl})
   */
  record Bounds(int maxOperations, long maxBytes, Duration ttl) {}

  /**
   * Adds a running operation. Expired operations go first; an unexpired one is never pushed out to
   * make room (a client was promised its result).
   *
   * @param operation the operation, not yet done
   * @return {@code false} if there is no room for it
   */
  boolean add(StoredOperation operation);

  /**
   * @param id an id, as a client sent it
   * @return the operation, or empty if unknown or expired
   */
  Optional<StoredOperation> find(String id);

  /**
   * Replaces a running operation by its finished version. A small result (a problem) always fits.
   *
   * @param finished the operation with its result
   * @return {@code false} if the operation is gone (expired) or its result does not fit
   */
  boolean finish(StoredOperation finished);

  /**
   * @return how many operations are kept
   */
  int count();

  /**
   * @return how many bytes the kept operations take, roughly
   */
  long bytes();
}
