package dev.restatus.jaxrs;

import dev.restatus.core.MultiStatus;
import dev.restatus.core.adapter.Restatus;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes a {@link MultiStatus} entity as its 207 document ({@link Restatus#renderMultiStatus}), so
 * that its error items get their problems, error ids and sanitising from the engine. It declares
 * every media type, so that the document is written whatever the request's {@code Accept} says;
 * {@link RestatusResponseFilter} sets the status to 207 and the media type to {@value
 * MultiStatus#MEDIA_TYPE}, which this writer also sets itself.
 */
@Produces(MediaType.WILDCARD)
final class MultiStatusWriter implements MessageBodyWriter<MultiStatus> {

  /** Renders for applications without an active feature: the document, nothing else changed. */
  private static final class Fallback {
    static final Restatus ENGINE =
        Restatus.create(
            dev.restatus.core.RestatusConfig.of(
                java.util.Map.of(dev.restatus.core.RestatusConfig.MODE, "off")),
            null);
  }

  @Context private jakarta.ws.rs.core.Configuration configuration;
  @Context private Request request;
  @Context private UriInfo uriInfo;
  @Context private HttpHeaders headers;

  /**
   * The active feature's engine when there is one (it is an application property), else one that
   * only renders: every copy of the writer renders alike.
   */
  private Restatus engine() {
    Object e = configuration == null ? null : configuration.getProperty(Accepted.ENGINE);
    return e instanceof Restatus r ? r : Fallback.ENGINE;
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return MultiStatus.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(
      MultiStatus multiStatus,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> httpHeaders,
      OutputStream entityStream)
      throws IOException {
    byte[] body =
        engine().renderMultiStatus(new JaxrsRequestView(request, uriInfo, headers), multiStatus);
    httpHeaders.putSingle(HttpHeaders.CONTENT_TYPE, MultiStatus.MEDIA_TYPE);
    entityStream.write(body);
  }
}
