package dev.restatus.core;

import java.util.Optional;

/**
 * Supplies the current validators of the application's resources (say, from a version column), so
 * that a conditional write is decided before the legacy code runs: a stale {@code If-Match} gets
 * {@code 412} and the write never executes. Register one as the servlet context attribute, or the
 * JAX-RS application property, named {@code dev.restatus.core.ValidatorSource}. Without one (or
 * where it returns empty) the JAX-RS adapter asks the resource's own GET; the servlet filter leaves
 * the request to the application.
 *
 * <p>Called on the request thread, once per conditional write; it must be thread-safe.
 */
@FunctionalInterface
public interface ValidatorSource {

  /**
   * @param path the request path relative to the application, as Restatus matches patterns
   * @return the resource's current state, or empty if this source does not know the path
   */
  Optional<ResourceState> current(String path);
}
