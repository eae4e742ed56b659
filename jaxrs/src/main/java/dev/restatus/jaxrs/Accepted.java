package dev.restatus.jaxrs;

import dev.restatus.core.ProblemException;
import dev.restatus.core.adapter.Restatus;
import dev.restatus.core.operation.CapturedResponse;
import dev.restatus.core.operation.Operation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Answers {@code 202 Accepted} for work a resource runs itself, watched by Restatus's monitor
 * ({@code restatus.defer.monitor-path}):
 *
 * <pre>{@code
 * @POST
 * public Response export(@Context ContainerRequestContext request) {
 *   Operation op = Accepted.start(request);
 *   executor.submit(() -> op.complete(201, "application/json", run()));
 *   return Accepted.response(op); // 202, Location, Retry-After, status document
 * }
 * }</pre>
 *
 * Only requests with the same {@code Authorization} as this one may watch the operation. Needs the
 * {@link RestatusFeature} in {@code enforce} mode.
 */
public final class Accepted {

  /** The application property holding the engine, set by the feature. */
  static final String ENGINE = Accepted.class.getName() + ".engine";

  private Accepted() {}

  /**
   * Starts an operation polled every second.
   *
   * @param request the request that starts it ({@code @Context ContainerRequestContext})
   * @return the operation, to complete from any thread
   * @throws ProblemException 503 with {@code Retry-After} when the store has no room
   * @throws IllegalStateException when the Restatus feature is not active in {@code enforce} mode
   */
  public static Operation start(ContainerRequestContext request) {
    return start(request, 1);
  }

  /**
   * Starts an operation.
   *
   * @param request the request that starts it ({@code @Context ContainerRequestContext})
   * @param retryAfter the seconds a client waits between polls, at least 1
   * @return the operation, to complete from any thread
   * @throws ProblemException 503 with {@code Retry-After} when the store has no room
   * @throws IllegalStateException when the Restatus feature is not active in {@code enforce} mode
   */
  public static Operation start(ContainerRequestContext request, long retryAfter) {
    Object e =
        request instanceof ContainerRequest c ? c.getConfiguration().getProperty(ENGINE) : null;
    if (!(e instanceof Restatus engine)
        || engine.config().mode() != dev.restatus.core.Mode.ENFORCE) {
      throw new IllegalStateException(
          "Accepted.start needs the Restatus feature in enforce mode in this application");
    }
    JaxrsRequestView view =
        new JaxrsRequestView(request.getMethod(), request.getUriInfo(), request::getHeaderString);
    return engine
        .startOperation(
            view,
            Restatus.owner(request.getHeaderString(HttpHeaders.AUTHORIZATION), null),
            retryAfter,
            false)
        .orElseThrow(engine::noRoomForOperations);
  }

  /**
   * @param operation a started operation
   * @return its {@code 202 Accepted}: {@code Location}, {@code Retry-After}, {@code Cache-Control:
   *     no-store} and the status document
   */
  public static Response response(Operation operation) {
    CapturedResponse r = operation.accepted();
    return Deferrals.builder(r.status(), r.headers()).entity(r.body()).build();
  }
}
