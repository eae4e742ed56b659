package dev.restatus.jaxrs;

import dev.restatus.core.adapter.RequestPaths;
import dev.restatus.core.adapter.RequestView;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/** A JAX-RS request as the core rules see it; the path is relative to the application. */
final class JaxrsRequestView implements RequestView {

  private final String method;
  private final UriInfo uriInfo;
  private final Function<String, String> headers;
  private final java.util.function.Supplier<java.util.Optional<dev.restatus.core.ResourceState>>
      state;

  private String path;

  JaxrsRequestView(String method, UriInfo uriInfo, Function<String, String> headers) {
    this(method, uriInfo, headers, java.util.Optional::empty);
  }

  JaxrsRequestView(
      String method,
      UriInfo uriInfo,
      Function<String, String> headers,
      java.util.function.Supplier<java.util.Optional<dev.restatus.core.ResourceState>> state) {
    this.method = method;
    this.uriInfo = uriInfo;
    this.headers = headers;
    this.state = state;
  }

  /**
   * From the application's validator source, else the resource's own GET ({@link CurrentStates}).
   */
  @Override
  public java.util.Optional<dev.restatus.core.ResourceState> currentState() {
    return state.get();
  }

  JaxrsRequestView(Request request, UriInfo uriInfo, HttpHeaders headers) {
    this(request.getMethod(), uriInfo, headers::getHeaderString);
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String path() {
    if (path == null) {
      // matrix parameters, percent-escapes and dot segments never let a spelling escape a pattern
      path = RequestPaths.normalize("/" + uriInfo.getPath(false));
    }
    return path; // read by most rules: normalised once per request
  }

  @Override
  public String header(String name) {
    return headers.apply(name);
  }

  @Override
  public String query() {
    return uriInfo.getRequestUri().getRawQuery();
  }

  @Override
  public String root() {
    String root = uriInfo.getBaseUri().getRawPath();
    if (root == null) {
      return "";
    }
    return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  /** From Jersey's resource model: the matched resource's methods, HEAD with GET, OPTIONS. */
  @Override
  public Set<String> allowedMethods() {
    if (!(uriInfo instanceof ExtendedUriInfo ext)) {
      return Set.of();
    }
    Set<String> methods = new LinkedHashSet<>();
    Resource resource = ext.getMatchedModelResource();
    if (resource != null) {
      for (ResourceMethod m : resource.getResourceMethods()) {
        methods.add(m.getHttpMethod());
      }
    } else if (!ext.getMatchedRuntimeResources().isEmpty()) {
      // routing found the path but no method: Jersey's own 405
      for (ResourceMethod m : ext.getMatchedRuntimeResources().get(0).getResourceMethods()) {
        methods.add(m.getHttpMethod());
      }
    }
    if (methods.isEmpty()) {
      return Set.of();
    }
    if (methods.contains(HttpMethod.GET)) {
      methods.add(HttpMethod.HEAD);
    }
    methods.add(HttpMethod.OPTIONS);
    return methods;
  }

  /** From Jersey's resource model: the {@code @Consumes} of the matched resource's methods. */
  @Override
  public List<String> consumes() {
    return declared(ResourceMethod::getConsumedTypes);
  }

  /** From Jersey's resource model: the {@code @Produces} of the matched resource's methods. */
  @Override
  public List<String> produces() {
    return declared(ResourceMethod::getProducedTypes);
  }

  /**
   * The media types the methods of the matched resource that serve this request's method declare;
   * empty if any of them takes any type, or nothing matched.
   */
  private List<String> declared(Function<ResourceMethod, List<MediaType>> types) {
    if (!(uriInfo instanceof ExtendedUriInfo ext)) {
      return List.of();
    }
    List<ResourceMethod> methods;
    Resource resource = ext.getMatchedModelResource();
    if (resource != null) {
      methods = resource.getResourceMethods();
    } else if (!ext.getMatchedRuntimeResources().isEmpty()) {
      methods = ext.getMatchedRuntimeResources().get(0).getResourceMethods();
    } else {
      return List.of();
    }
    String served = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
    Set<String> out = new LinkedHashSet<>();
    for (ResourceMethod m : methods) {
      if (!m.getHttpMethod().equals(served)) {
        continue;
      }
      for (MediaType t : types.apply(m)) {
        if (t.isWildcardType()) {
          return List.of(); // takes anything: no hint to give
        }
        out.add(t.getType() + "/" + t.getSubtype());
      }
    }
    return List.copyOf(out);
  }
}
