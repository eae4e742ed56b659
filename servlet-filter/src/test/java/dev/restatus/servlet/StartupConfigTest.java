package dev.restatus.servlet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/** Bad configuration stops the application at start-up, naming key, value and what is allowed. */
class StartupConfigTest {

  private static void startWith(Map<String, String> params) throws Exception {
    Server server = new Server(0);
    ServletContextHandler ctx = new ServletContextHandler("/");
    FilterHolder h = new FilterHolder(RestatusFilter.class);
    h.setInitParameters(params);
    ctx.addFilter(h, "/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(ctx);
    try {
      server.start();
    } finally {
      server.stop();
    }
  }

  @Test
  void badValueFailsStartup() {
    assertThatThrownBy(() -> startWith(Map.of("restatus.retry-after", "soon")))
        .hasStackTraceContaining("restatus.retry-after")
        .hasStackTraceContaining("\"soon\"")
        .hasStackTraceContaining("whole seconds");
  }

  @Test
  void unknownKeyFailsStartup() {
    assertThatThrownBy(() -> startWith(Map.of("restatus.retry-afterr", "10")))
        .hasStackTraceContaining("Unknown setting restatus.retry-afterr")
        .hasStackTraceContaining("restatus.retry-after,");
  }
}
