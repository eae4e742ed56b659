package dev.restatus.examples.api;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Jersey application of the shop. It never registers Restatus: with restatus-jaxrs on the class
 * path, Jersey's auto-discovery does. {@code restatus.*} settings are ordinary application
 * properties.
 */
public class ShopApi extends ResourceConfig {

  /**
   * @param mode the {@code restatus.mode}; {@code null} opts out with {@code
   *     restatus.auto-register=false}
   */
  public ShopApi(String mode) {
    register(ShopResource.class);
    // no WADL: Jersey would otherwise add OPTIONS resources and warn about JAXB at start-up
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    // ShopResource lets IllegalArgumentException escape for an order id below 1: a 400
    property("restatus.exception.java.lang.IllegalArgumentException", 400);
    // a 403 below /admin/ goes out as the 404 of a path that does not exist
    property("restatus.conceal-forbidden", "/admin/**");
    // the delivery note is only overwritten by a client that saw the current version
    property("restatus.precondition-required", "/orders/*/note");
    if (mode == null) {
      property("restatus.auto-register", false);
    } else {
      property("restatus.mode", mode);
    }
  }
}
