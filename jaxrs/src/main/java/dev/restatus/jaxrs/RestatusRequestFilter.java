package dev.restatus.jaxrs;

import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.Restatus;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Runs the core request rules before resource matching and answers early when they say so. */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
final class RestatusRequestFilter implements ContainerRequestFilter {

  private final Restatus engine;
  private final CurrentStates states;
  private final Deferrals deferrals;

  RestatusRequestFilter(Restatus engine, CurrentStates states, Deferrals deferrals) {
    this.engine = engine;
    this.states = states;
    this.deferrals = deferrals;
  }

  @Override
  public void filter(ContainerRequestContext req) {
    JaxrsRequestView[] view = new JaxrsRequestView[1];
    view[0] =
        new JaxrsRequestView(
            req.getMethod(),
            req.getUriInfo(),
            req::getHeaderString,
            () -> states.current(req, view[0].path()));
    Optional<Response> monitored = deferrals.monitor(req, view[0]);
    if (monitored.isPresent()) {
      req.abortWith(monitored.get());
      return;
    }
    Optional<Decision.Replace> early = engine.onRequest(view[0]);
    if (early.isPresent()) {
      Decision.Replace d = early.get();
      Response.ResponseBuilder b = Response.status(d.status());
      d.headers().set().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
      req.abortWith(b.entity(d.problem()).type(d.contentType()).build());
      return;
    }
    try {
      deferrals.defer(req, view[0]).ifPresent(req::abortWith);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a deferred request", e);
    }
  }
}
