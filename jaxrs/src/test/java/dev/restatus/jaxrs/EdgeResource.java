package dev.restatus.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** JAX-RS edge cases found in review: redirects, streams, async, the application's own mappers. */
@Path("/edge")
public class EdgeResource {

  @GET
  @Path("redirect")
  public String redirect() {
    throw new RedirectionException(Response.Status.SEE_OTHER, URI.create("/elsewhere"));
  }

  @GET
  @Path("not-modified")
  public String notModified() {
    throw new WebApplicationException(Response.notModified("\"v1\"").build());
  }

  @GET
  @Path("stream-throws")
  @Produces(MediaType.TEXT_PLAIN)
  public StreamingOutput streamThrows() {
    return out -> {
      throw new IllegalStateException("secret-1234 stream failed");
    };
  }

  @GET
  @Path("stream-error")
  public Response streamError() {
    StreamingOutput s = out -> out.write("<html>oops</html>".getBytes(StandardCharsets.UTF_8));
    return Response.status(500).entity(s).type(MediaType.TEXT_HTML).build();
  }

  @GET
  @Path("async-timeout")
  public void asyncTimeout(@Suspended AsyncResponse ar) {
    ar.setTimeout(200, TimeUnit.MILLISECONDS);
  }

  @GET
  @Path("async-throw")
  public void asyncThrow(@Suspended AsyncResponse ar) {
    new Thread(() -> ar.resume(new RuntimeException("secret-1234 async"))).start();
  }

  @GET
  @Path("app-mapped")
  public String appMapped() {
    throw new UnsupportedOperationException("secret-1234 via app mapper");
  }

  /** An app mapper that renders exceptions its own way (text with the message). */
  public static final class AppMapper implements ExceptionMapper<UnsupportedOperationException> {
    @Override
    public Response toResponse(UnsupportedOperationException e) {
      return Response.status(501).entity(e.toString()).type(MediaType.TEXT_PLAIN).build();
    }
  }
}
