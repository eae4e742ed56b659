package dev.restatus.core;

/**
 * Turns a {@link Problem} into response bytes. The default is {@link JsonProblemRenderer}; an API
 * with its own legacy error shape plugs in another one (configuration key {@code
 * restatus.renderer}) with a public no-argument constructor.
 */
public interface ProblemRenderer {

  /**
   * @return the {@code Content-Type} of the rendered bytes
   */
  String contentType();

  /**
   * @param problem the problem to render
   * @return the complete body; never {@code null}
   */
  byte[] render(Problem problem);
}
