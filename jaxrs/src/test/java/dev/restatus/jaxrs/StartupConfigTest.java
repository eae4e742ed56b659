package dev.restatus.jaxrs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** Bad configuration stops the Jersey application at start-up, naming key, value and allowed. */
class StartupConfigTest {

  @Test
  void badValueFailsStartup() {
    ResourceConfig rc = new ResourceConfig(FixtureResource.class).property("restatus.mode", "fix");
    assertThatThrownBy(() -> new ApplicationHandler(rc))
        .hasStackTraceContaining("restatus.mode")
        .hasStackTraceContaining("\"fix\"")
        .hasStackTraceContaining("enforce, report, off");
  }

  @Test
  void unknownKeyFailsStartup() {
    ResourceConfig rc =
        new ResourceConfig(FixtureResource.class).property("restatus.conceal", "/admin/**");
    assertThatThrownBy(() -> new ApplicationHandler(rc))
        .hasStackTraceContaining("Unknown setting restatus.conceal");
  }
}
