package dev.restatus.jaxrs;

import dev.restatus.core.Problem;
import dev.restatus.core.ProblemResponse;
import dev.restatus.core.StatusCatalog;
import dev.restatus.core.adapter.Failure;
import dev.restatus.core.adapter.Restatus;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.message.internal.HeaderValueException;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.ParamException;

/**
 * Maps every exception no more specific mapper of the application handles. A {@code
 * WebApplicationException} keeps its status and headers, and its entity if it has one; anything
 * else becomes the core's {@link Failure}: a {@code ProblemResponse} (such as {@code
 * ProblemException}) as built, a mapped exception its status, the rest a sanitized 500. {@link
 * RestatusResponseFilter} then applies the response rules to the result.
 */
final class RestatusExceptionMapper implements ExceptionMapper<Throwable> {

  private final Restatus engine;

  @Context private Request request;
  @Context private ExtendedUriInfo uriInfo;
  @Context private HttpHeaders headers;

  RestatusExceptionMapper(Restatus engine) {
    this.engine = engine;
  }

  @Override
  public Response toResponse(Throwable thrown) {
    JaxrsRequestView view = new JaxrsRequestView(request, uriInfo, headers);
    if (thrown instanceof EntityReadInterceptor.UnreadableEntity unreadable) {
      return respond(engine, view, engine.onInvalidBody(view, unreadable.getCause()));
    }
    if (thrown instanceof HeaderValueException hve
        && hve.getContext() == HeaderValueException.Context.INBOUND) {
      // a request header Jersey parses lazily (If-Match in evaluatePreconditions): Jersey's 400
      return respond(engine, view, engine.onException(view, hve, 400));
    }
    if (thrown instanceof ParamException pe && pe.getResponse() != null) {
      // the status JAX-RS prescribes (404 path and query, 400 the others), and the parameter's
      // name; never the converter's message, which names Java classes
      Failure f =
          engine.onInvalidParameter(
              view, where(pe), pe.getParameterName(), pe.getResponse().getStatus());
      return respond(engine, view, f);
    }
    if (thrown instanceof WebApplicationException wae
        && !(thrown instanceof ProblemResponse)
        && wae.getResponse() != null) {
      Response r = wae.getResponse();
      if (r.hasEntity() || r.getStatus() < 400) {
        return r; // its own body, or a redirect or 304 thrown as an exception
      }
      Failure f = engine.onException(view, wae, r.getStatus());
      Problem p = f.problem();
      if (p.status() < 500 && isDefaultMessage(wae, r.getStatus())) {
        p = p.toBuilder().detail(null).build();
      }
      Response.ResponseBuilder b = Response.fromResponse(r);
      if (wae instanceof NotAllowedException && isRoutingError()) {
        // Jersey's routing lists the resource's methods without the HEAD it serves: let the
        // Allow rule take them from the resource model instead
        b.header(HttpHeaders.ALLOW, null);
      }
      f.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
      return b.entity(p).type(engine.problemMediaType(view)).build();
    }
    return respond(engine, view, engine.onException(view, thrown));
  }

  /** The failure as a response: its status, its headers, its problem in the negotiated type. */
  static Response respond(Restatus engine, JaxrsRequestView view, Failure f) {
    Response.ResponseBuilder b = Response.status(f.status());
    for (Map.Entry<String, List<String>> h : f.headers().entrySet()) {
      for (String v : h.getValue()) {
        b.header(h.getKey(), v);
      }
    }
    return b.entity(f.problem()).type(engine.problemMediaType(view)).build();
  }

  private static String where(ParamException e) {
    if (e instanceof ParamException.PathParamException) {
      return "path";
    } else if (e instanceof ParamException.QueryParamException) {
      return "query";
    } else if (e instanceof ParamException.HeaderParamException) {
      return "header";
    } else if (e instanceof ParamException.CookieParamException) {
      return "cookie";
    } else if (e instanceof ParamException.FormParamException) {
      return "form";
    } else if (e instanceof ParamException.MatrixParamException) {
      return "matrix";
    }
    return "request";
  }

  private boolean isRoutingError() {
    return uriInfo.getMatchedResourceMethod() == null;
  }

  /** JAX-RS's own message for an exception built without one: "HTTP 404 Not Found". */
  private static boolean isDefaultMessage(WebApplicationException e, int status) {
    String m = e.getMessage();
    return m == null
        || m.startsWith("HTTP " + status + " ")
        || m.equals(StatusCatalog.reason(status));
  }
}
