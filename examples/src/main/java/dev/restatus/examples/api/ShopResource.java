package dev.restatus.examples.api;

import dev.restatus.core.Problem;
import dev.restatus.core.ProblemException;
import dev.restatus.examples.Shop;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The shop's JAX-RS resources: the same paths and failures as the legacy servlets, each the JAX-RS
 * way, plus what only JAX-RS has ({@code Problem} entities, {@code ProblemException}, Jersey's own
 * 404, 405, 406 and 415).
 *
 * <ul>
 *   <li>{@code GET /orders/42}: 200; with {@code Accept: text/csv}: Jersey's 406
 *   <li>{@code GET /orders/7}: {@code NotFoundException}
 *   <li>{@code GET /orders/abc}: {@code BadRequestException} with a message
 *   <li>{@code GET /orders/0}: an {@code IllegalArgumentException}, unmapped by the application
 *   <li>{@code GET /orders/13}: an {@code IllegalStateException} whose message holds a password
 *   <li>{@code GET /orders/99}: a 410 with a problem+json body the resource builds itself
 *   <li>{@code GET /orders/42/invoice}: {@code WebApplicationException(503)}, no entity
 *   <li>{@code GET /orders/42/payment}: returns a {@code Problem}
 *   <li>{@code POST /orders/42/ship}: {@code Response.status(409)}, no entity
 *   <li>{@code POST /orders/42/refund}: throws a {@code ProblemException} (429 + Retry-After)
 *   <li>{@code POST /orders}: a {@link NewOrder} in JSON (Jackson), validated (Bean Validation);
 *       Jersey's 415 for any other type
 *   <li>{@code GET /orders/42/note}: a delivery note with its version as ETag; {@code PUT}
 *       overwrites it blindly
 *   <li>{@code DELETE /orders/42}: Jersey's 405; {@code PROPFIND /orders/42} too
 *   <li>{@code GET /tracking/42}: asynchronous, resumed with a 504 from another thread
 *   <li>{@code GET /reports/daily}: a 502 with an HTML entity
 *   <li>{@code GET /me}: 401 without a challenge; {@code GET /admin/users}: 403
 *   <li>{@code GET /ping}: a 204 with an entity
 * </ul>
 */
@Path("")
public class ShopResource {

  private static final Executor CARRIER =
      CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);

  /**
   * @param id the order id
   * @return the order
   */
  @GET
  @Path("orders/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response order(@PathParam("id") String id) {
    long n;
    try {
      n = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BadRequestException("order id must be a number");
    }
    if (n == 99) {
      return Response.status(Response.Status.GONE)
          .type("application/problem+json")
          .entity(Shop.ARCHIVED_PROBLEM_JSON)
          .build();
    }
    String order = Shop.findOrder(n); // throws for 0 and 13
    if (order == null) {
      throw new NotFoundException();
    }
    return Response.ok(order).build();
  }

  /** A new order, as clients send it. */
  public static class NewOrder {
    /** The article. */
    @NotBlank public String sku;

    /** How many. */
    @Min(1)
    public int qty;
  }

  /**
   * @param order the order to create
   * @return 201
   */
  @POST
  @Path("orders")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Valid @NotNull NewOrder order) {
    return Response.created(URI.create("orders/43")).build();
  }

  /**
   * Creates several orders at once: each item is answered on its own, in one 207.
   *
   * @param orders the orders, each with {@code sku} and {@code qty}
   * @return 201 for each new order, 409 for a SKU already ordered ({@code a}), 422 for an item
   *     without a SKU
   */
  @POST
  @Path("orders/batch")
  @Consumes(MediaType.APPLICATION_JSON)
  public dev.restatus.core.MultiStatus batch(java.util.List<java.util.Map<String, Object>> orders) {
    dev.restatus.core.MultiStatus.Builder results = dev.restatus.core.MultiStatus.builder();
    for (int i = 0; i < orders.size(); i++) {
      Object sku = orders.get(i) == null ? null : orders.get(i).get("sku");
      String id = Integer.toString(i);
      if (sku == null || sku.toString().isBlank()) {
        results.add(id, Problem.builder(422).detail("sku must not be blank").build());
      } else if (sku.equals("a")) {
        results.add(id, 409);
      } else {
        results.add(id, 201, java.util.Map.of("order", 43 + i, "sku", sku));
      }
    }
    return results.build();
  }

  /** The delivery note of order 42 and its version: legacy code that knows nothing of ETags. */
  private static final java.util.concurrent.atomic.AtomicReference<String> NOTE =
      new java.util.concurrent.atomic.AtomicReference<>("leave at the door");

  private static final java.util.concurrent.atomic.AtomicInteger NOTE_VERSION =
      new java.util.concurrent.atomic.AtomicInteger(1);

  /**
   * @param id the order id
   * @return the delivery note, with its version as ETag
   */
  @GET
  @Path("orders/{id}/note")
  @Produces(MediaType.TEXT_PLAIN)
  public Response note(@PathParam("id") long id) {
    if (id != 42) {
      throw new NotFoundException();
    }
    return Response.ok(NOTE.get()).header("ETag", "\"v" + NOTE_VERSION.get() + "\"").build();
  }

  /**
   * Overwrites the note, whatever the client saw last: the lost update Restatus prevents (428
   * without If-Match, 412 for a stale one, both before this runs).
   *
   * @param id the order id
   * @param text the new note
   * @return 204
   */
  @jakarta.ws.rs.PUT
  @Path("orders/{id}/note")
  @Consumes(MediaType.TEXT_PLAIN)
  public Response setNote(@PathParam("id") long id, String text) {
    NOTE.set(text);
    NOTE_VERSION.incrementAndGet();
    return Response.noContent().build();
  }

  /**
   * @param id the order id
   * @return never
   */
  @GET
  @Path("orders/{id}/invoice")
  @Produces(MediaType.APPLICATION_JSON)
  public String invoice(@PathParam("id") long id) {
    throw new WebApplicationException(Response.Status.SERVICE_UNAVAILABLE); // invoicing is down
  }

  /**
   * @param id the order id
   * @return why the order cannot be paid: an error resource of its own
   */
  @GET
  @Path("orders/{id}/payment")
  public Problem payment(@PathParam("id") long id) {
    return Problem.builder(402)
        .type("https://shop.example/problems/card-declined")
        .title("Card declined")
        .detail("the card on file for order " + id + " was declined")
        .extension("order", id)
        .build();
  }

  /**
   * @param id the order id
   * @return 409, without saying why
   */
  @POST
  @Path("orders/{id}/ship")
  public Response ship(@PathParam("id") long id) {
    return Response.status(Response.Status.CONFLICT).build(); // already shipped
  }

  /**
   * @param id the order id
   * @return never
   */
  @POST
  @Path("orders/{id}/refund")
  public Response refund(@PathParam("id") long id) {
    throw ProblemException.of(429, "refund limit reached for today", "Retry-After", "3600");
  }

  /**
   * @param id the order id
   * @param response resumed from a timer thread with a 504
   */
  @GET
  @Path("tracking/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public void tracking(@PathParam("id") long id, @Suspended AsyncResponse response) {
    CARRIER.execute(
        () ->
            response.resume(
                new WebApplicationException(
                    "carrier tracking API timed out", Response.Status.GATEWAY_TIMEOUT)));
  }

  /**
   * @return a 502 with an HTML page
   */
  @GET
  @Path("reports/daily")
  public Response dailyReport() {
    return Response.status(Response.Status.BAD_GATEWAY)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(Shop.REPORT_ERROR_HTML)
        .build();
  }

  /**
   * @return 401 without {@code WWW-Authenticate}
   */
  @GET
  @Path("me")
  public Response me() {
    return Response.status(Response.Status.UNAUTHORIZED).build();
  }

  /**
   * @param rest any path below /admin/
   * @return never
   */
  @GET
  @Path("admin/{rest: .*}")
  public Response admin(@PathParam("rest") String rest) {
    throw new ForbiddenException();
  }

  /**
   * @return a 204 with a body it must not have
   */
  @GET
  @Path("ping")
  public Response ping() {
    return Response.noContent().type(MediaType.TEXT_PLAIN).entity("pong").build();
  }
}
