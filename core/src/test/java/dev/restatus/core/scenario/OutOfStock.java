package dev.restatus.core.scenario;

import dev.restatus.core.Problem;
import dev.restatus.core.ProblemResponse;
import java.util.List;
import java.util.Map;

/**
 * A domain exception of the fixtures' own that carries its response ({@link ProblemResponse})
 * without extending {@code ProblemException}: 409 with type {@value #TYPE}, detail "sold out" and
 * {@code X-Restock: tomorrow}.
 */
public final class OutOfStock extends IllegalStateException implements ProblemResponse {

  private static final long serialVersionUID = 1L;

  /** The problem type it carries. */
  public static final String TYPE = "https://example.test/probs/out-of-stock";

  /** The exception with its message, which never reaches the client. */
  public OutOfStock() {
    super("stock table row 42 is 0 (secret-1234)");
  }

  @Override
  public Problem problem() {
    return Problem.builder(409).type(TYPE).title("Out of stock").detail("sold out").build();
  }

  @Override
  public Map<String, List<String>> responseHeaders() {
    return Map.of("X-Restock", List.of("tomorrow"));
  }
}
