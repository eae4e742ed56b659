package dev.restatus.benchmarks;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@link Legacy} as a JAX-RS resource: the same bodies; a path it does not have is Jersey's 404,
 * and an uncaught exception is whatever the stack makes of it.
 */
@Path("/")
@Produces("text/plain")
public class LegacyResource {

  /** Jersey instantiates it per request. */
  public LegacyResource() {}

  /**
   * @return the 5-byte body
   */
  @GET
  @Path("small")
  public byte[] small() {
    return Legacy.SMALL;
  }

  /**
   * @return the 100 KiB body
   */
  @GET
  @Path("big")
  public byte[] big() {
    return Legacy.BIG;
  }

  /**
   * @return the 16 KiB body that gets an ETag
   */
  @GET
  @Path("etag")
  public byte[] etag() {
    return Legacy.ETAG_BODY;
  }

  /**
   * @return never
   */
  @GET
  @Path("fail")
  public String fail() {
    throw new IllegalStateException("pool exhausted at db01");
  }
}
