package dev.restatus.jaxrs;

import dev.restatus.core.Maintenance;
import dev.restatus.core.Mode;
import dev.restatus.core.RestatusConfig;
import dev.restatus.core.ValidatorSource;
import dev.restatus.core.adapter.Restatus;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.spi.AbstractContainerLifecycleListener;
import org.glassfish.jersey.server.spi.Container;

/**
 * Applies the Restatus rules to a JAX-RS application: an {@code ExceptionMapper<Throwable>}
 * (uncaught exceptions and {@code WebApplicationException}s become problems), a response filter
 * running the core response rules on every response, and a writer for {@code Problem} entities. The
 * request rules (501) run in a pre-matching request filter.
 *
 * <p>Adding the jar to a Jersey application is enough: Jersey's auto-discovery registers the
 * feature ({@code restatus.auto-register=false} or Jersey's {@code
 * jersey.config.server.disableAutoDiscovery=true} turn that off). Registering it by hand ({@code
 * resourceConfig.register(RestatusFeature.class)}) also works, and stays active whatever {@code
 * restatus.auto-register} says. Settings are the {@code restatus.*} application properties plus the
 * other sources of {@link RestatusConfig}.
 *
 * <p>In {@code enforce} mode the feature also sets Jersey's {@code
 * jersey.config.server.response.setStatusOverSendError}, so that a servlet container's HTML error
 * page never replaces a problem.
 */
public final class RestatusFeature implements Feature {

  /** Property set once a copy of the feature is active, so that a second copy stays inactive. */
  static final String CONFIGURED = "dev.restatus.jaxrs.configured";

  private static final System.Logger LOG = System.getLogger("dev.restatus");
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final boolean autoRegistered;

  /** For explicit registration. */
  public RestatusFeature() {
    this(false);
  }

  RestatusFeature(boolean autoRegistered) {
    this.autoRegistered = autoRegistered;
  }

  /** Bean Validation is optional: its mapper is registered only when the application has it. */
  private static boolean hasBeanValidation() {
    try {
      Class.forName(
          "jakarta.validation.ConstraintViolationException",
          false,
          RestatusFeature.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public boolean configure(FeatureContext context) {
    Configuration cfg = context.getConfiguration();
    if (cfg.getProperty(CONFIGURED) != null) {
      return false;
    }
    RestatusConfig config = RestatusConfig.load(cfg.getProperties(), "JAX-RS application property");
    if (config.mode() == Mode.OFF || (autoRegistered && !config.autoRegister())) {
      LOG.log(Level.INFO, "Restatus JAX-RS feature is inactive");
      // a resource returning a MultiStatus still needs its writer: the document as given, with
      // generated item problems, and nothing else of Restatus
      context.register(new MultiStatusWriter());
      return false;
    }
    context.property(CONFIGURED, Boolean.TRUE);
    Restatus engine = Restatus.create(config, "jaxrs-" + INSTANCES.incrementAndGet());
    // the maintenance switch, for resources (through @Context Configuration; also an MXBean)
    context.property(Maintenance.class.getName(), engine.maintenance());
    context.register(new RestatusResponseFilter(engine));
    AtomicReference<ApplicationHandler> handler = new AtomicReference<>();
    CurrentStates states =
        new CurrentStates(engine, cfg.getProperty(ValidatorSource.class.getName()), handler);
    Deferrals deferrals = new Deferrals(engine, handler);
    context.register(new RestatusRequestFilter(engine, states, deferrals));
    // the engine, for Accepted.start (operations a resource answers 202 itself)
    context.property(Accepted.ENGINE, engine);
    context.register(new ProblemWriter(engine));
    context.register(new MultiStatusWriter());
    if (config.mode() == Mode.ENFORCE) {
      context.register(new RestatusExceptionMapper(engine));
      context.register(new EntityReadInterceptor());
      if (hasBeanValidation()) {
        context.register(new ConstraintViolationMapper(engine));
      }
      context.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, Boolean.TRUE);
    } else {
      context.register(new UnansweredExceptions(engine));
    }
    context.register(
        new AbstractContainerLifecycleListener() {
          @Override
          public void onStartup(Container container) {
            handler.set(container.getApplicationHandler()); // for the GET of a conditional write
          }

          @Override
          public void onShutdown(Container container) {
            deferrals.close();
            engine.close();
          }
        });
    return true;
  }
}
