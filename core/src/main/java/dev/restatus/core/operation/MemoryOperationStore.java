package dev.restatus.core.operation;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The default {@link OperationStore}: this instance's memory, oldest first. A result is kept for
 * the time-to-live after it finished; an operation running longer than that is dropped (its result
 * is then discarded and logged by the monitor). Thread-safe.
 */
public final class MemoryOperationStore implements OperationStore {

  private final Bounds bounds;
  private final Clock clock;
  private final Map<String, StoredOperation> operations = new LinkedHashMap<>();
  private long bytes;

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

  @Override
  public synchronized boolean add(StoredOperation operation) {
    expire();
    if (operations.containsKey(operation.id())) {
      return false;
    }
    while (operations.size() >= bounds.maxOperations() || bytes + operation.size() > budget()) {
      if (!evictOldestFinished(null)) {
        return false;
      }
    }
    operations.put(operation.id(), operation);
    bytes += operation.size();
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
    long grow = finished.size() - running.size();
    while (bytes + grow > budget()) {
      if (!evictOldestFinished(finished.id())) {
        return false;
      }
    }
    operations.put(finished.id(), finished);
    bytes += grow;
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

  /** Room for results and the bookkeeping of every operation that may run. */
  private long budget() {
    return bounds.maxBytes() + 128L * bounds.maxOperations();
  }

  private boolean evictOldestFinished(String keep) {
    for (Iterator<StoredOperation> it = operations.values().iterator(); it.hasNext(); ) {
      StoredOperation o = it.next();
      if (o.isDone() && !o.id().equals(keep)) {
        it.remove();
        bytes -= o.size();
        return true;
      }
    }
    return false;
  }

  private void expire() {
    Instant now = clock.instant();
    for (Iterator<StoredOperation> it = operations.values().iterator(); it.hasNext(); ) {
      StoredOperation o = it.next();
      Instant from = o.isDone() ? o.finished() : o.started();
      if (!from.plus(bounds.ttl()).isAfter(now)) {
        it.remove();
        bytes -= o.size();
      }
    }
  }
}
