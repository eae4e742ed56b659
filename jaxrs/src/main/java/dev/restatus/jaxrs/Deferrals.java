package dev.restatus.jaxrs;

import dev.restatus.core.adapter.Restatus;
import dev.restatus.core.operation.CapturedResponse;
import dev.restatus.core.operation.Operation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Deferred requests for JAX-RS (docs/ARCHITECTURE.md, Deferred operations): the request is copied
 * (method, URI, headers, body, security context) and the copy runs through the application on a
 * worker thread, while the request's own thread waits the configured time. Then it is answered with
 * the copy's response, or with 202 while the copy goes on. A resource that needs its servlet
 * request ({@code @Context HttpServletRequest}) does not have it in the copy: defer such paths with
 * the servlet filter in front, which this adapter then leaves them to.
 */
final class Deferrals {

  /** Marks the copy, so that it is never deferred itself. */
  static final String COPY = Deferrals.class.getName() + ".copy";

  /** Marks a request answered by Restatus itself, whose answer the response rules leave alone. */
  static final String ANSWERED = Deferrals.class.getName() + ".answered";

  /** Set by the servlet filter on requests it handles (the value of RestatusFilter.APPLIED). */
  private static final String SERVLET_FILTER = "dev.restatus.servlet.RestatusFilter.APPLIED";

  private final Restatus engine;
  private final AtomicReference<ApplicationHandler> handler;
  private final Semaphore running;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "restatus-defer");
            t.setDaemon(true);
            return t;
          });

  Deferrals(Restatus engine, AtomicReference<ApplicationHandler> handler) {
    this.engine = engine;
    this.handler = handler;
    this.running = new Semaphore(engine.config().deferMaxOperations());
  }

  /** Whether the servlet filter in front handles this request (and so its monitor and deferral). */
  static boolean behindServletFilter(ContainerRequestContext req) {
    return req.getProperty(SERVLET_FILTER) != null;
  }

  /**
   * @return the answer to abort with, or empty to let the request run as usual
   */
  Optional<Response> monitor(ContainerRequestContext req, JaxrsRequestView view) {
    if (req.getProperty(COPY) != null || behindServletFilter(req)) {
      return Optional.empty();
    }
    return engine
        .onMonitor(view, () -> Restatus.owner(req.getHeaderString(HttpHeaders.AUTHORIZATION), null))
        .map(r -> answered(req, r));
  }

  /**
   * @return the answer to abort with, or empty to let the request run as usual
   */
  Optional<Response> defer(ContainerRequestContext req, JaxrsRequestView view)
      throws InterruptedException {
    Optional<Duration> after = engine.deferAfter(view);
    if (after.isEmpty() || req.getProperty(COPY) != null || behindServletFilter(req)) {
      return Optional.empty();
    }
    ApplicationHandler h = handler.get();
    if (h == null
        || !(req instanceof ContainerRequest original)
        || "OPTIONS".equals(req.getMethod())) {
      return Optional.empty();
    }
    int limit = engine.config().deferMaxResult();
    byte[] entity = readUpTo(req, limit);
    if (entity == null || !running.tryAcquire()) {
      return Optional.empty(); // a body too long to copy, or too many running: as without Restatus
    }
    DeferredExchange exchange = new DeferredExchange(limit);
    ContainerRequest copy =
        new ContainerRequest(
            original.getBaseUri(),
            original.getRequestUri(),
            original.getMethod(),
            original.getSecurityContext(),
            new MapPropertiesDelegate(),
            h.getConfiguration());
    original.getHeaders().forEach(copy::headers);
    copy.setEntityStream(new ByteArrayInputStream(entity));
    copy.setProperty(COPY, Boolean.TRUE);
    copy.setWriter(exchange);
    long deadline = System.nanoTime() + after.get().toNanos();
    workers.execute(
        () -> {
          try {
            h.handle(copy);
          } catch (RuntimeException | Error e) {
            exchange.failure(e);
          } finally {
            running.release();
          }
        });
    String owner = Restatus.owner(req.getHeaderString(HttpHeaders.AUTHORIZATION), null);
    long retryAfter = Math.max(1, (after.get().toMillis() + 999) / 1000);
    DeferredExchange.State state = exchange.await(deadline);
    if (state == DeferredExchange.State.RUNNING) {
      Optional<Operation> op =
          exchange.detach(() -> engine.startOperation(view, owner, retryAfter, true));
      if (op.isPresent()) {
        return Optional.of(answered(req, op.get().accepted()));
      }
      state = exchange.await(Long.MAX_VALUE); // no room: answered as without Restatus
    }
    req.setProperty(ANSWERED, Boolean.TRUE);
    switch (state) {
      case DONE:
        return Optional.of(exchange.response());
      case STREAMING:
        return Optional.of(exchange.streaming());
      default:
        Throwable t = exchange.failure();
        if (t instanceof RuntimeException e) {
          throw e;
        }
        if (t instanceof Error e) {
          throw e;
        }
        throw new IllegalStateException(t);
    }
  }

  private static Response answered(ContainerRequestContext req, CapturedResponse r) {
    req.setProperty(ANSWERED, Boolean.TRUE);
    return builder(r.status(), r.headers()).entity(r.body()).build();
  }

  /**
   * A response with a status and headers Restatus holds (a monitor's answer, a 202, a deferred
   * copy's response); its {@code Content-Length} is Jersey's to set for the entity it writes.
   */
  static Response.ResponseBuilder builder(int status, Map<String, List<String>> headers) {
    Response.ResponseBuilder b = Response.status(status);
    headers.forEach(
        (name, values) -> {
          if (!name.equalsIgnoreCase("Content-Length")) {
            values.forEach(v -> b.header(name, v));
          }
        });
    return b;
  }

  /**
   * Reads the request body for the copy.
   *
   * @return the body, or {@code null} if it is longer than the limit (the request's stream then
   *     gives it whole, as if unread)
   */
  private static byte[] readUpTo(ContainerRequestContext req, int limit) {
    if (!req.hasEntity()) {
      return new byte[0];
    }
    try {
      InputStream in = req.getEntityStream();
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      int n;
      while ((n = in.read(chunk)) >= 0) {
        buf.write(chunk, 0, n);
        if (buf.size() > limit) {
          req.setEntityStream(
              new SequenceInputStream(new ByteArrayInputStream(buf.toByteArray()), in));
          return null;
        }
      }
      req.setEntityStream(new ByteArrayInputStream(buf.toByteArray()));
      return buf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void close() {
    workers.shutdownNow();
  }
}
