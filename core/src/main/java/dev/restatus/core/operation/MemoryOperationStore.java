package dev.restatus.core.operation;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The default {@link OperationStore}: this instance's memory. A result is kept for the time-to-live
 * after it finished and is never pushed out before: when the store is full, a new operation is
 * refused instead. An operation running longer than the time-to-live is dropped (its result is then
 * discarded and logged by the monitor). Every operation may hold {@link #SMALL} bytes (its
 * bookkeeping and a small result, such as a problem); {@code maxBytes} bounds what results take
 * beyond that. Thread-safe.
 */
public final class MemoryOperationStore implements OperationStore {

  private final Bounds bounds;
  private final Clock clock;
  private final Map<String, StoredOperation> operations = new LinkedHashMap<>();
  private long bytes;
  private long large;

  /**
   * @param bounds the limits
   */
  public MemoryOperationStore(Bounds bounds) {
    this(bounds, Clock.systemUTC());
  }

  /**
   * @param bounds the limits
   * @param clock the time, for tests
   */
  public MemoryOperationStore(Bounds bounds, Clock clock) {
    this.bounds = bounds;
    this.clock = clock;
  }

  /** What every operation may take without counting against {@code maxBytes}: 1 KiB and more. */
  public static final int SMALL = 1024 + 128;

  @Override
  public synchronized boolean add(StoredOperation operation) {
    expire();
    if (operations.containsKey(operation.id())
        || operations.size() >= bounds.maxOperations()
        || large + beyond(operation) > bounds.maxBytes()) {
      return false;
    }
    operations.put(operation.id(), operation);
    bytes += operation.size();
    large += beyond(operation);
    return true;
  }

  @Override
  public synchronized Optional<StoredOperation> find(String id) {
    expire();
    return Optional.ofNullable(operations.get(id));
  }

  @Override
  public synchronized boolean finish(StoredOperation finished) {
    expire();
    StoredOperation running = operations.get(finished.id());
    if (running == null || running.isDone()) {
      return false;
    }
    long grow = beyond(finished) - beyond(running);
    if (large + grow > bounds.maxBytes()) {
      return false;
    }
    operations.put(finished.id(), finished);
    bytes += finished.size() - running.size();
    large += grow;
    return true;
  }

  @Override
  public synchronized int count() {
    return operations.size();
  }

  @Override
  public synchronized long bytes() {
    return bytes;
  }

  private static long beyond(StoredOperation o) {
    return Math.max(0, o.size() - SMALL);
  }

  private void expire() {
    Instant now = clock.instant();
    for (Iterator<StoredOperation> it = operations.values().iterator(); it.hasNext(); ) {
      StoredOperation o = it.next();
      Instant from = o.isDone() ? o.finished() : o.started();
      if (!from.plus(bounds.ttl()).isAfter(now)) {
        it.remove();
        bytes -= o.size();
        large -= beyond(o);
      }
    }
  }
}
