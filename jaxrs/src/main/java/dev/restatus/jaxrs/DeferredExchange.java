package dev.restatus.jaxrs;

import dev.restatus.core.operation.CapturedResponse;
import dev.restatus.core.operation.Operation;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;

/**
 * The response of a deferred request's copy, which Jersey processes on a worker thread
 * (docs/ARCHITECTURE.md, Deferred operations). The request's own thread waits for it: when it ends
 * in time it is answered with it; when the time is up first, with a 202, and the result goes to the
 * operation; when its body outgrows {@code restatus.defer.max-result} in time, it streams through
 * to the client as it is written, undeferred.
 */
final class DeferredExchange implements ContainerResponseWriter {

  enum State {
    RUNNING,
    STREAMING,
    DONE,
    FAILED
  }

  private static final byte[] END = new byte[0];

  private final int limit;
  private State state = State.RUNNING;
  private int status;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private boolean overflow;
  private long written;
  private Throwable failure;
  private Operation operation;
  private final BlockingQueue<byte[]> pipe = new ArrayBlockingQueue<>(16);

  DeferredExchange(int limit) {
    this.limit = limit;
  }

  /** Waits until the copy is answered, streams, or fails, or until the deadline. */
  synchronized State await(long deadlineNanos) throws InterruptedException {
    while (state == State.RUNNING) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return state;
  }

  /**
   * The time is up: an operation is started, and the result goes to it.
   *
   * @return the operation, or empty if the copy ended meanwhile or the store has no room
   */
  synchronized java.util.Optional<Operation> detach(
      java.util.function.Supplier<java.util.Optional<Operation>> start) {
    if (state != State.RUNNING) {
      return java.util.Optional.empty();
    }
    java.util.Optional<Operation> op = start.get(); // under the lock: the copy cannot end meanwhile
    op.ifPresent(o -> operation = o);
    return op;
  }

  synchronized Throwable failure() {
    return failure;
  }

  /** The answer, when the copy ended in time. */
  synchronized Response response() {
    return builder().entity(body.toByteArray()).build();
  }

  /** The answer when the body streams: what was held, then the rest as the copy writes it. */
  synchronized Response streaming() {
    return builder()
        .entity(
            (StreamingOutput)
                out -> {
                  try {
                    for (byte[] chunk = pipe.take(); chunk != END; chunk = pipe.take()) {
                      out.write(chunk);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while streaming");
                  }
                  if (failure() != null) {
                    throw new IOException("the response failed after it had started");
                  }
                })
        .build();
  }

  private Response.ResponseBuilder builder() {
    return Deferrals.builder(status, headers);
  }

  private CapturedResponse captured() {
    return new CapturedResponse(status, headers, body.toByteArray());
  }

  @Override
  public synchronized OutputStream writeResponseStatusAndHeaders(
      long contentLength, ContainerResponse response) {
    status = response.getStatus();
    headers.clear();
    response.getStringHeaders().forEach((n, v) -> headers.put(n, List.copyOf(v)));
    return new Out();
  }

  @Override
  public boolean suspend(
      long timeOut, TimeUnit timeUnit, ContainerResponseWriter.TimeoutHandler timeoutHandler) {
    return true; // an AsyncResponse resource: its thread answers later, which the exchange awaits
  }

  @Override
  public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
    // no timeout: the deferral's own time decides
  }

  @Override
  public void commit() {
    Operation op;
    CapturedResponse result;
    synchronized (this) {
      if (state == State.STREAMING) {
        end();
        return;
      }
      if (state != State.RUNNING) {
        return;
      }
      state = State.DONE;
      notifyAll();
      op = operation;
      result = op == null || overflow ? null : captured();
    }
    if (op != null) {
      if (result != null) {
        op.complete(result);
      } else {
        op.fail(new dev.restatus.core.operation.ResultTooLongException(written, limit));
      }
    }
  }

  @Override
  public void failure(Throwable error) {
    Operation op;
    synchronized (this) {
      failure = error;
      if (state == State.STREAMING) {
        end();
        return;
      }
      if (state != State.RUNNING) {
        return;
      }
      state = State.FAILED;
      notifyAll();
      op = operation;
    }
    if (op != null) {
      op.fail(error);
    }
  }

  @Override
  public boolean enableResponseBuffering() {
    return false;
  }

  private void end() {
    if (!pipe.offer(END)) {
      pipe.clear(); // nobody is reading: the streaming side is gone
      pipe.offer(END);
    }
  }

  private void send(byte[] chunk) throws IOException {
    try {
      if (!pipe.offer(chunk, 60, TimeUnit.SECONDS)) {
        throw new IOException("the client stopped reading the streamed response");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while streaming");
    }
  }

  /** The copy's body: held, sent on to the stream, or kept for the operation. */
  private final class Out extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      byte[] held = null;
      synchronized (DeferredExchange.this) {
        written += len;
        if (state == State.RUNNING && (operation != null || body.size() + (long) len <= limit)) {
          if (body.size() + (long) len <= limit) {
            body.write(b, off, len);
          } else {
            overflow = true;
          }
          return;
        }
        if (state == State.RUNNING) {
          // too long to hold in time: it streams, undeferred, as without Restatus
          state = State.STREAMING;
          held = body.toByteArray();
          body.reset();
          DeferredExchange.this.notifyAll();
        } else if (state != State.STREAMING) {
          return;
        }
      }
      if (held != null && held.length > 0) {
        send(held);
      }
      send(java.util.Arrays.copyOfRange(b, off, off + len));
    }
  }
}
