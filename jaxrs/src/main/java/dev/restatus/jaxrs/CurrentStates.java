package dev.restatus.jaxrs;

import dev.restatus.core.ResourceState;
import dev.restatus.core.ValidatorSource;
import dev.restatus.core.adapter.Restatus;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;

/**
 * The current state of a resource a conditional write targets: from the application's {@link
 * ValidatorSource} (the application property {@code dev.restatus.core.ValidatorSource}), else from
 * the resource's own GET, run in-process through Jersey as a sub-request with the same headers (but
 * the conditional and content ones) and security context, its body discarded.
 */
final class CurrentStates {

  /** Marks a sub-request, so that it never asks for one itself. */
  static final String SUB_REQUEST = CurrentStates.class.getName() + ".sub-request";

  private static final System.Logger LOG = System.getLogger("dev.restatus");

  private final Restatus engine;
  private final ValidatorSource source;
  private final AtomicReference<ApplicationHandler> handler;

  CurrentStates(Restatus engine, Object source, AtomicReference<ApplicationHandler> handler) {
    this.engine = engine;
    this.source = source instanceof ValidatorSource v ? v : null;
    this.handler = handler;
  }

  Optional<ResourceState> current(ContainerRequestContext req, String path) {
    if (source != null) {
      Optional<ResourceState> s = source.current(path);
      if (s != null && s.isPresent()) {
        return s;
      }
    }
    ApplicationHandler h = handler.get();
    if (h == null
        || req.getProperty(SUB_REQUEST) != null
        || !(req instanceof ContainerRequest original)) {
      return Optional.empty();
    }
    ContainerRequest get =
        new ContainerRequest(
            original.getBaseUri(),
            original.getRequestUri(),
            "GET",
            original.getSecurityContext(),
            new MapPropertiesDelegate(),
            h.getConfiguration());
    for (Map.Entry<String, List<String>> e : original.getHeaders().entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (!name.startsWith("if-")
          && !name.startsWith("content-")
          && !name.equals("transfer-encoding")) {
        get.headers(e.getKey(), e.getValue());
      }
    }
    get.setProperty(SUB_REQUEST, Boolean.TRUE);
    try {
      ContainerResponse r = h.apply(get, OutputStream.nullOutputStream()).get(30, TimeUnit.SECONDS);
      return engine.stateFrom(
          r.getStatus(),
          r.getHeaderString(HttpHeaders.ETAG),
          r.getHeaderString(HttpHeaders.LAST_MODIFIED));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      LOG.log(Level.DEBUG, "Restatus: the GET for a conditional write failed", e);
      return Optional.empty();
    }
  }
}
