package dev.restatus.jaxrs;

import dev.restatus.core.Problem;
import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.Failure;
import dev.restatus.core.adapter.HeaderEdits;
import dev.restatus.core.adapter.ResponseView;
import dev.restatus.core.adapter.Restatus;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the core response rules on every response, including those of exception mappers and of
 * Jersey's own routing errors, and carries out the decision on the response context. Its priority
 * makes it the last response filter to run, so it sees what the application's filters did.
 */
@Priority(1)
final class RestatusResponseFilter implements ContainerResponseFilter {

  private static final Annotation[] NONE = new Annotation[0];

  private final Restatus engine;

  RestatusResponseFilter(Restatus engine) {
    this.engine = engine;
  }

  @Override
  public void filter(ContainerRequestContext req, ContainerResponseContext res) {
    JaxrsRequestView request =
        new JaxrsRequestView(req.getMethod(), req.getUriInfo(), req::getHeaderString);
    if (res.getEntity() instanceof Problem p) {
      // a resource returned a Problem: it is an error resource with its own status
      if (res.getStatus() == 200) {
        res.setStatus(p.status());
      }
      Failure f = engine.onApplicationProblem(request, p);
      for (Map.Entry<String, List<String>> h : f.headers().entrySet()) {
        String present = res.getHeaderString(h.getKey());
        if (h.getKey().equalsIgnoreCase("Vary") && present != null) {
          boolean listed = false;
          for (String token : present.split(",")) {
            listed |= token.trim().equalsIgnoreCase("Accept") || token.trim().equals("*");
          }
          if (!listed) {
            res.getHeaders().putSingle(h.getKey(), present + ", Accept");
          }
        } else {
          res.getHeaders().put(h.getKey(), new ArrayList<>(h.getValue()));
        }
      }
      res.setEntity(
          f.problem(),
          res.getEntityAnnotations(),
          MediaType.valueOf(engine.problemMediaType(request)));
    }
    Decision d = engine.onResponse(request, new View(res));
    if (d.status() != res.getStatus()) {
      res.setStatus(d.status());
    }
    edit(res, d.headers());
    if (d instanceof Decision.Replace r) {
      res.setEntity(r.bytes(), NONE, MediaType.valueOf(r.contentType()));
    } else if (d instanceof Decision.Drop) {
      res.setEntity(null);
      res.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    } else {
      inspect(request, res);
    }
  }

  private static void edit(ContainerResponseContext res, HeaderEdits edits) {
    for (String name : edits.remove()) {
      res.getHeaders().remove(name);
    }
    Set<String> keepOnly = edits.keepOnly();
    if (keepOnly != null) {
      // the canonical not-found: nothing the resource or a filter set may tell it apart
      res.getHeaders().keySet().removeIf(name -> !keepOnly.contains(name.toLowerCase(Locale.ROOT)));
    }
    for (Map.Entry<String, List<String>> h : edits.set().entrySet()) {
      res.getHeaders().put(h.getKey(), new ArrayList<>(h.getValue()));
    }
  }

  /**
   * A kept 5xx entity is looked at before it is written, as the servlet filter holds one back: a
   * text or byte entity up to {@code restatus.inspect-limit}, and replaced if it shows internals or
   * is longer than that; any other entity (a {@code StreamingOutput}, an object a writer turns into
   * bytes) cannot be looked at before it is written, so it is replaced too.
   */
  private void inspect(JaxrsRequestView request, ContainerResponseContext res) {
    int limit = engine.config().inspectLimit();
    int status = res.getStatus();
    if (status < 500 || limit == 0 || !res.hasEntity()) {
      return;
    }
    Object entity = res.getEntity();
    Optional<Decision.Replace> instead;
    if (entity instanceof String s && s.length() <= limit) {
      instead = engine.inspect(request, status, s);
    } else if (entity instanceof byte[] b && b.length <= limit) {
      instead = engine.inspect(request, status, b, b.length);
    } else if (entity instanceof Problem) {
      instead = Optional.empty(); // the application's own problem, rendered by the renderer
    } else {
      instead = engine.unseenErrorBody(request, status, "entity that cannot be looked at");
    }
    if (instead.isPresent()) {
      Decision.Replace r = instead.get();
      edit(res, r.headers());
      res.setEntity(r.bytes(), NONE, MediaType.valueOf(r.contentType()));
    }
  }

  private static final class View implements ResponseView {
    private final ContainerResponseContext res;

    View(ContainerResponseContext res) {
      this.res = res;
    }

    @Override
    public int status() {
      return res.getStatus();
    }

    @Override
    public String header(String name) {
      return res.getHeaderString(name);
    }

    @Override
    public String contentType() {
      MediaType t = res.getMediaType();
      return t == null ? null : t.toString();
    }

    @Override
    public boolean hasBody() {
      return res.hasEntity();
    }
  }
}
