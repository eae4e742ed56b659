package dev.restatus.jaxrs;

import dev.restatus.core.Problem;
import dev.restatus.core.ProblemException;
import dev.restatus.core.scenario.Scenarios;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.InputMismatchException;

/** The JAX-RS fixture: the shared scenario table's endpoints in JAX-RS idiom, plus Jersey cases. */
@Path("/")
public class FixtureResource {

  @GET
  @Path("ok")
  @Produces(MediaType.TEXT_PLAIN)
  public String ok() {
    return "ok";
  }

  @GET
  @Path("slow/{ms}")
  public Response slowGet(@PathParam("ms") long ms) {
    return slow(ms);
  }

  /** Answers 201 after {@code ms} milliseconds (deferred after 400 ms). */
  @POST
  @Path("slow/{ms}")
  public Response slow(@PathParam("ms") long ms) {
    sleep(ms);
    return Response.status(201)
        .header("Location", "things/1")
        .type(MediaType.APPLICATION_JSON)
        .entity("{\"done\":true}")
        .build();
  }

  /** The fixture's 207, returned as an entity. */
  @GET
  @Path("multi-status")
  public dev.restatus.core.MultiStatus multiStatus() {
    return Scenarios.multiStatus();
  }

  /** Throws after {@code ms} milliseconds (deferred after 400 ms). */
  @GET
  @Path("slow-fail/{ms}")
  public Response slowFail(@PathParam("ms") long ms) {
    sleep(ms);
    throw new IllegalStateException("secret-1234 in com.acme.Db");
  }

  /** An operation the resource runs itself, completed after {@code ms} milliseconds. */
  @POST
  @Path("work/{ms}")
  public Response work(
      @PathParam("ms") long ms,
      @jakarta.ws.rs.core.Context jakarta.ws.rs.container.ContainerRequestContext request) {
    dev.restatus.core.operation.Operation op = Accepted.start(request);
    String location = request.getUriInfo().getBaseUri().getPath() + "things/1";
    Thread worker =
        new Thread(
            () -> {
              sleep(ms);
              op.complete(
                  dev.restatus.core.operation.CapturedResponse.of(
                          201,
                          "application/json",
                          "{\"done\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                      .with("Location", location));
            });
    worker.setDaemon(true);
    worker.start();
    return Accepted.response(op);
  }

  /** An operation that fails at once. */
  @POST
  @Path("work-fail")
  public Response workFail(
      @jakarta.ws.rs.core.Context jakarta.ws.rs.container.ContainerRequestContext request) {
    dev.restatus.core.operation.Operation op = Accepted.start(request);
    op.fail(new IllegalStateException("secret-1234 in com.acme.Db"));
    return Accepted.response(op);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @GET
  @Path("status/{n}")
  public Response status(@PathParam("n") int n) {
    return Response.status(n).build();
  }

  @GET
  @Path("html/{n}")
  public Response html(@PathParam("n") int n) {
    return Response.status(n)
        .entity("<html><body><h1>legacy error page</h1></body></html>")
        .type(MediaType.TEXT_HTML)
        .build();
  }

  @GET
  @Path("generated/{n}")
  @Produces(MediaType.TEXT_PLAIN)
  public String generated(@PathParam("n") int n) {
    return Scenarios.generated(n);
  }

  @GET
  @Path("versioned")
  public Response versioned() {
    return Response.ok(Scenarios.VERSIONED_BODY, MediaType.TEXT_PLAIN)
        .header("ETag", "\"v1\"")
        .header("Last-Modified", Scenarios.VERSIONED_LAST_MODIFIED)
        .header("Cache-Control", "max-age=60")
        .header("Content-Language", "en")
        .build();
  }

  @jakarta.ws.rs.PUT
  @Path("versioned")
  public Response putVersioned() {
    return Response.noContent().build();
  }

  @jakarta.ws.rs.PATCH
  @Path("versioned")
  public Response patchVersioned() {
    return Response.noContent().build();
  }

  @jakarta.ws.rs.DELETE
  @Path("versioned")
  public Response deleteVersioned() {
    return Response.noContent().build();
  }

  @GET
  @Path("invalid")
  public String invalid() {
    throw dev.restatus.core.InvalidRequestException.of("qty", "must be greater than 0")
        .and("sku", "must not be blank");
  }

  @GET
  @Path("html-stack/{n}")
  public Response htmlStack(@PathParam("n") int n) {
    return Response.status(n).entity(Scenarios.HTML_STACK).type(MediaType.TEXT_HTML).build();
  }

  @GET
  @Path("problem/{n}")
  public Response problem(@PathParam("n") int n) {
    return Response.status(n)
        .entity(
            "{\"type\":\"https://example.test/probs/app\",\"title\":\"App problem\",\"status\":"
                + n
                + ",\"detail\":\"kept as written\"}")
        .type("application/problem+json")
        .build();
  }

  @GET
  @Path("legacy-json/{n}")
  public Response legacyJson(@PathParam("n") int n) {
    return Response.status(n)
        .entity("{\"error\":\"legacy shape\"}")
        .type("application/json")
        .build();
  }

  @GET
  @Path("legacy-vnd/{n}")
  public Response legacyVnd(@PathParam("n") int n) {
    return Response.status(n)
        .entity("{\"error\":\"legacy shape\"}")
        .type("application/vnd.legacy+json")
        .build();
  }

  @GET
  @Path("throw/{what}")
  public String fail(@PathParam("what") String what) throws IOException {
    switch (what) {
      case "runtime" -> throw new RuntimeException("secret-1234 in com.acme.Db");
      case "error" -> throw new AssertionError("secret-1234");
      case "checked" -> throw new IOException("secret-1234");
      case "mapped" -> throw new NumberFormatException("not a number: x");
      case "nearest" -> throw new InputMismatchException("mismatch");
      case "wrapped" ->
          throw new RuntimeException(
              "outer secret-1234", new IllegalArgumentException("wrapped cause"));
      case "problem" ->
          throw ProblemException.of(409, "version 7 is current", "X-Current-Version", "7");
      case "problem-leak" -> throw ProblemException.of(500, Scenarios.LEAKING_DETAIL);
      case "problem-503" -> throw ProblemException.of(503, "back soon");
      case "problem-200" -> throw ProblemException.of(200, "fine");
      case "problem-cause" -> throw Scenarios.problemShowingItsCause();
      case "problem-npe" -> throw ProblemException.of(500, "NullPointerException");
      case "carrier" -> throw new dev.restatus.core.scenario.OutOfStock();
      case "wae" -> throw new WebApplicationException(409);
      case "bad-request" -> throw new BadRequestException("name is required");
      case "wae-entity" ->
          throw new WebApplicationException(
              Response.status(409)
                  .entity("{\"type\":\"about:blank\",\"status\":409,\"title\":\"Own\"}")
                  .type("application/problem+json")
                  .build());
      default -> throw new IllegalStateException(what);
    }
  }

  @GET
  @Path("body/{n}")
  public Response body(@PathParam("n") int n) {
    return Response.status(n).entity("stray").type(MediaType.TEXT_PLAIN).build();
  }

  @GET
  @Path("challenge/401")
  public Response challenge() {
    return Response.status(401).header("WWW-Authenticate", "Basic realm=\"legacy\"").build();
  }

  @GET
  @Path("retry/{v}")
  public Response retry(@PathParam("v") String v) {
    return Response.status(503).header("Retry-After", v.equals("valid") ? "30" : "soon").build();
  }

  @GET
  @Path("conceal/{what}")
  public Response conceal(@PathParam("what") String what) {
    switch (what) {
      case "secret" -> throw new ForbiddenException("secret exists");
      case "status" -> {
        return Response.status(403).build();
      }
      case "throw" -> throw new SecurityException("secret exists");
      default -> throw new NotFoundException();
    }
  }

  @GET
  @Path("fixed")
  public Response fixed() {
    return Response.status(405).build();
  }

  @GET
  @Path("forbidden")
  public Response forbidden() {
    return Response.status(403).build();
  }

  @GET
  @Path("created")
  public Response created() {
    return Response.status(201).entity("created").type(MediaType.TEXT_PLAIN).build();
  }

  @GET
  @Path("stack")
  public Response stack() {
    return Response.status(500)
        .entity("java.lang.IllegalStateException: boom\n\tat com.acme.Foo.bar(Foo.java:12)\n")
        .type(MediaType.TEXT_PLAIN)
        .build();
  }

  @GET
  @Path("problem-entity-leak")
  public Problem problemEntityLeak() {
    return Problem.builder(500).detail(Scenarios.LEAKING_DETAIL).build();
  }

  @GET
  @Path("problem-entity-mismatch")
  public Response problemEntityMismatch() {
    return Response.status(500)
        .entity(Problem.builder(409).detail("a conflict, it says").build())
        .build();
  }

  @GET
  @Path("jersey-preconditions")
  public Response jerseyPreconditions(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.Request req) {
    Response.ResponseBuilder b = req.evaluatePreconditions(new jakarta.ws.rs.core.EntityTag("v1"));
    return b != null
        ? b.build()
        : Response.ok("current").tag(new jakarta.ws.rs.core.EntityTag("v1")).build();
  }

  @GET
  @Path("problem-entity")
  public Problem problemEntity() {
    return Problem.builder(409).detail("from entity").build();
  }

  @GET
  @Path("readonly")
  @Produces(MediaType.TEXT_PLAIN)
  public String readonly() {
    return "read me";
  }

  @PUT
  @Path("readonly")
  public Response refuse() {
    return Response.status(405).build();
  }

  @POST
  @Path("json")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public String json(String body) {
    return body;
  }
}
