package dev.restatus.jaxrs;

import dev.restatus.core.adapter.Restatus;
import jakarta.ws.rs.WebApplicationException;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * In {@code report} mode no exception mapper of Restatus answers: an exception no mapper of the
 * application handles reaches the container. This listener counts each as a finding, as the servlet
 * filter does.
 */
final class UnansweredExceptions implements ApplicationEventListener {

  private final Restatus engine;

  UnansweredExceptions(Restatus engine) {
    this.engine = engine;
  }

  @Override
  public void onEvent(ApplicationEvent event) {}

  @Override
  public RequestEventListener onRequest(RequestEvent requestEvent) {
    return new Exchange();
  }

  /** One request: an exception no mapper was found for, seen when the request finishes. */
  private final class Exchange implements RequestEventListener {
    private Throwable unmapped;

    @Override
    public void onEvent(RequestEvent event) {
      switch (event.getType()) {
        case ON_EXCEPTION ->
            unmapped = carriesItsResponse(event.getException()) ? null : event.getException();
        case EXCEPTION_MAPPER_FOUND -> {
          // Jersey's own default mapper (a 500 without a body) is not the application's answer
          if (!event
              .getExceptionMapper()
              .getClass()
              .getName()
              .startsWith("org.glassfish.jersey.")) {
            unmapped = null;
          }
        }
        case FINISHED -> {
          if (unmapped != null) {
            ContainerRequest request = event.getContainerRequest();
            engine.onUnanswered(
                new JaxrsRequestView(
                    request.getMethod(), request.getUriInfo(), request::getHeaderString),
                unmapped);
          }
        }
        default -> {}
      }
    }
  }

  /** A {@code WebApplicationException} (Jersey wraps it in a {@code MappableException}). */
  private static boolean carriesItsResponse(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof WebApplicationException) {
        return true;
      }
    }
    return false;
  }
}
