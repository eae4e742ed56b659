package dev.restatus.jaxrs;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.restatus.core.InvalidRequestException;
import dev.restatus.core.Violation;
import dev.restatus.core.adapter.Failure;
import dev.restatus.core.adapter.Restatus;
import jakarta.annotation.Priority;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * A Bean Validation failure on a resource method (Jersey's {@code jersey-bean-validation}) becomes
 * {@code restatus.validation-status} (400 or 422) with a {@code violations} member: each {@code
 * field} named as the client named it (the JSON property path of an entity, by the application's
 * Jackson names where it has a {@code ContextResolver<ObjectMapper>}; the name of a query, path,
 * header, cookie, form or matrix parameter), never the Java method and argument index, and the
 * rejected value never echoed. A violation of the return value is the application's fault: a
 * sanitized 500. Registered only when Bean Validation is on the class path; an application's own
 * mapper for the exception wins (its default priority is higher).
 */
@Priority(Priorities.USER + 500)
final class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  private static final ObjectMapper DEFAULT = new ObjectMapper();

  private final Restatus engine;

  @Context private Request request;
  @Context private ExtendedUriInfo uriInfo;
  @Context private HttpHeaders headers;
  @Context private Providers providers;

  ConstraintViolationMapper(Restatus engine) {
    this.engine = engine;
  }

  @Override
  public Response toResponse(ConstraintViolationException e) {
    JaxrsRequestView view = new JaxrsRequestView(request, uriInfo, headers);
    List<ConstraintViolation<?>> sorted = new ArrayList<>();
    if (e.getConstraintViolations() != null) {
      sorted.addAll(e.getConstraintViolations());
    }
    sorted.sort(Comparator.comparing(v -> String.valueOf(v.getPropertyPath())));
    List<Violation> violations = new ArrayList<>();
    for (ConstraintViolation<?> v : sorted) {
      if (isReturnValue(v)) {
        return RestatusExceptionMapper.respond(engine, view, engine.onException(view, e));
      }
      String message =
          v.getMessage() == null || v.getMessage().isBlank() ? "is not valid" : v.getMessage();
      violations.add(new Violation(field(v), message));
    }
    if (violations.isEmpty()) {
      violations.add(new Violation(null, "is not valid"));
    }
    Failure f = engine.onException(view, new InvalidRequestException(violations));
    return RestatusExceptionMapper.respond(engine, view, f);
  }

  private static boolean isReturnValue(ConstraintViolation<?> v) {
    for (Path.Node n : v.getPropertyPath()) {
      if (n.getKind() == ElementKind.RETURN_VALUE) {
        return true;
      }
    }
    return false;
  }

  /**
   * The client's name for where the violation is: the parameter's name, then the JSON properties
   * below an entity or bean parameter, with {@code [i]} or {@code [key]} for container elements.
   */
  private String field(ConstraintViolation<?> v) {
    StringBuilder out = new StringBuilder();
    JavaType type = null;
    Method method = handlingMethod();
    for (Path.Node n : v.getPropertyPath()) {
      switch (n.getKind()) {
        case METHOD, CONSTRUCTOR -> {
          // the Java method: not the client's name for anything
        }
        case PARAMETER -> {
          int index = n.as(Path.ParameterNode.class).getParameterIndex();
          String name = parameterName(method, index);
          if (name != null) {
            out.append(name);
          } else if (method != null && index < method.getParameterCount()) {
            // the entity, or a @BeanParam: its properties follow
            type = mapper().constructType(method.getGenericParameterTypes()[index]);
          }
        }
        case PROPERTY, BEAN, CONTAINER_ELEMENT -> {
          if (n.isInIterable()) {
            appendIndex(out, n);
            type = type == null ? null : type.getContentType();
          }
          if (n.getName() != null && n.getKind() == ElementKind.PROPERTY) {
            String json = jsonName(type, n.getName());
            out.append(out.length() == 0 ? "" : ".").append(json);
            type = propertyType(type, n.getName());
          }
        }
        default -> {
          // cross-parameter and return value nodes carry no client name
        }
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  private static void appendIndex(StringBuilder out, Path.Node n) {
    if (n.getIndex() != null) {
      out.append('[').append(n.getIndex()).append(']');
    } else if (n.getKey() != null) {
      out.append('[').append(n.getKey()).append(']');
    }
  }

  private Method handlingMethod() {
    ResourceMethod m = uriInfo == null ? null : uriInfo.getMatchedResourceMethod();
    return m == null ? null : m.getInvocable().getHandlingMethod();
  }

  /** The name a parameter annotation gives, or null for an entity or bean parameter. */
  private static String parameterName(Method method, int index) {
    if (method == null || index >= method.getParameterCount()) {
      return null;
    }
    for (Annotation a : method.getParameterAnnotations()[index]) {
      if (a instanceof QueryParam q) {
        return q.value();
      } else if (a instanceof PathParam p) {
        return p.value();
      } else if (a instanceof HeaderParam h) {
        return h.value();
      } else if (a instanceof CookieParam c) {
        return c.value();
      } else if (a instanceof FormParam f) {
        return f.value();
      } else if (a instanceof MatrixParam m) {
        return m.value();
      }
    }
    return null;
  }

  /** The application's Jackson configuration, where it gives one, for its property names. */
  private ObjectMapper mapper() {
    if (providers != null) {
      ContextResolver<ObjectMapper> r =
          providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE);
      ObjectMapper m = r == null ? null : r.getContext(Object.class);
      if (m != null) {
        return m;
      }
    }
    return DEFAULT;
  }

  private BeanPropertyDefinition property(JavaType type, String javaName) {
    if (type == null || type.isContainerType() || type.isPrimitive()) {
      return null;
    }
    ObjectMapper m = mapper();
    for (BeanPropertyDefinition p :
        m.getDeserializationConfig().introspect(type).findProperties()) {
      if (p.getInternalName().equals(javaName)) {
        return p;
      }
    }
    return null;
  }

  private String jsonName(JavaType type, String javaName) {
    BeanPropertyDefinition p = property(type, javaName);
    return p == null ? javaName : p.getName();
  }

  private JavaType propertyType(JavaType type, String javaName) {
    BeanPropertyDefinition p = property(type, javaName);
    return p == null ? null : p.getPrimaryType();
  }
}
