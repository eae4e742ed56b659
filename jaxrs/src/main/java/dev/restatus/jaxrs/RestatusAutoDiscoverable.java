package dev.restatus.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Registers {@link RestatusFeature} in every Jersey application that has the jar on its class path,
 * unless Jersey's auto-discovery is disabled or {@code restatus.auto-register=false}.
 */
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public final class RestatusAutoDiscoverable implements AutoDiscoverable {

  /** Called by Jersey's service lookup. */
  public RestatusAutoDiscoverable() {}

  @Override
  public void configure(FeatureContext context) {
    context.register(new RestatusFeature(true));
  }
}
