package dev.restatus.jaxrs;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * {@code /vault/secret} exists and refuses everyone: GET answers 403 with everything a real 404
 * lacks, POST throws a mapped {@code SecurityException}, DELETE a {@code ForbiddenException}; PUT
 * and PATCH are Jersey's 405. Everything else below {@code /vault/} is missing.
 */
@Path("vault/secret")
public class VaultResource {

  @GET
  public Response get() {
    return Response.status(403)
        .header("Cache-Control", "private, max-age=60")
        .header("Vary", "Cookie")
        .header("WWW-Authenticate", "Basic realm=\"vault\"")
        .header("Location", "/vault/login")
        .header("X-Vault", "sealed")
        .cookie(new NewCookie.Builder("vault").value("1").build())
        .language(Locale.FRENCH)
        .type("text/html;charset=ISO-8859-1")
        .entity("<html>forbidden: the vault exists</html>")
        .build();
  }

  @POST
  public Response post() {
    throw new SecurityException("no posting to the vault");
  }

  @DELETE
  public Response delete() {
    throw new jakarta.ws.rs.ForbiddenException("no deleting the vault");
  }

  /** Kept 5xx entities (application/vnd.legacy+json is a kept type in the shared settings). */
  @Path("/kept")
  public static class Kept {
    private static final String TYPE = "application/vnd.legacy+json";

    @GET
    @Path("stream")
    public Response stream() {
      jakarta.ws.rs.core.StreamingOutput out =
          o ->
              o.write(
                  "{\"error\":\"java.sql.SQLException: pw=hunter2\"}"
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return Response.status(500).type(TYPE).entity(out).build();
    }

    @GET
    @Path("long")
    public Response longer() {
      return Response.status(500)
          .type(TYPE)
          .entity("{\"pad\":\"" + "x".repeat(9000) + "\"}")
          .build();
    }

    @GET
    @Path("small")
    public Response small() {
      return Response.status(500).type(TYPE).entity("{\"error\":\"legacy shape\"}").build();
    }
  }
}
