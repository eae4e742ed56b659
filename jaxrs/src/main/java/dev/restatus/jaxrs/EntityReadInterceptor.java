package dev.restatus.jaxrs;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Tells a request body the JSON reader (Jackson, as {@code jersey-media-json-jackson} runs it)
 * could not read from a Jackson exception the application's own code throws: only the former is the
 * client's error, answered by {@link RestatusExceptionMapper} with a 400 saying what to fix.
 */
final class EntityReadInterceptor implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      return context.proceed();
    } catch (JsonProcessingException e) {
      throw new UnreadableEntity(e);
    }
  }

  /** A request body the reader could not read; its cause is the reader's exception. */
  static final class UnreadableEntity extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableEntity(Throwable cause) {
      super("request body could not be read", cause, false, false);
    }
  }
}
