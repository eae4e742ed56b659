package dev.restatus.jaxrs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;

/**
 * Client input as Jersey users take it: JSON bodies read by {@code jersey-media-json-jackson},
 * constraints checked by {@code jersey-bean-validation}, converted parameters.
 */
@Path("input")
public class InputResource {

  /** An order line; {@code note} takes any JSON, so that deep documents are parsed. */
  public static class Item {
    @Min(1)
    public int qty;

    @NotBlank public String sku;

    @JsonProperty("unit_price")
    @DecimalMin("0")
    public BigDecimal unitPrice;

    public Object note;
  }

  /** An order. */
  public static class Order {
    @Valid @NotNull public List<Item> items;
  }

  /** Built through a creator whose property is required. */
  public static final class Strict {
    final int qty;

    @JsonCreator
    public Strict(@JsonProperty(value = "qty", required = true) int qty) {
      this.qty = qty;
    }
  }

  @POST
  @Path("item")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_PLAIN)
  public String item(Item item) {
    return item == null ? "none" : "qty " + item.qty;
  }

  @POST
  @Path("order")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_PLAIN)
  public String order(@Valid @NotNull Order order) {
    return "lines " + order.items.size();
  }

  @POST
  @Path("strict")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_PLAIN)
  public String strict(Strict s) {
    return "qty " + s.qty;
  }

  @GET
  @Path("list")
  @Produces(MediaType.TEXT_PLAIN)
  public String list(@QueryParam("size") @Min(1) @Max(100) int size, @QueryParam("from") int from) {
    return size + " from " + from;
  }

  @GET
  @Path("header")
  @Produces(MediaType.TEXT_PLAIN)
  public String header(@HeaderParam("X-Count") int count) {
    return "count " + count;
  }

  @GET
  @Path("out")
  @Produces(MediaType.TEXT_PLAIN)
  @NotNull
  public String out() {
    return null;
  }
}
