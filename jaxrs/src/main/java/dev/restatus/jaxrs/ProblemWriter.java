package dev.restatus.jaxrs;

import dev.restatus.core.Problem;
import dev.restatus.core.adapter.Restatus;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes a {@link Problem} entity with the configured renderer. It declares every media type, so
 * that a problem is sent whatever the request's {@code Accept} says (RFC 9110 lets an error
 * response ignore it); {@link RestatusResponseFilter} labels it with the media type the request
 * negotiates ({@code application/problem+json}, or {@code +xml}), which this writer then renders.
 */
@Produces(MediaType.WILDCARD)
final class ProblemWriter implements MessageBodyWriter<Problem> {

  private final Restatus engine;

  ProblemWriter(Restatus engine) {
    this.engine = engine;
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return Problem.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(
      Problem problem,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> httpHeaders,
      OutputStream entityStream)
      throws IOException {
    String essence = mediaType == null ? null : mediaType.getType() + "/" + mediaType.getSubtype();
    entityStream.write(engine.render(problem, essence));
  }
}
