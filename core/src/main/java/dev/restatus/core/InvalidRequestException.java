package dev.restatus.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Thrown by application code (a servlet that validates its input by hand, a JAX-RS resource) to
 * answer that the request is invalid, in the shape Restatus gives a Bean Validation failure: status
 * {@code restatus.validation-status} (400, or 422) and a problem whose {@code violations} member
 * lists {@code {"field": …, "message": …}} for each. Restatus maps it wherever it maps exceptions;
 * no configuration is needed.
 *
 * <pre>{@code
 * throw InvalidRequestException.of("qty", "must be greater than 0")
 *     .and("sku", "must not be blank");
 * }</pre>
 */
public final class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Not serialisable in general; the exception is answered, not shipped. */
  private final transient List<Violation> violations;

  /**
   * @param violations what is invalid; at least one
   * @throws IllegalArgumentException if there is none
   */
  public InvalidRequestException(List<Violation> violations) {
    super(summary(violations), null, false, false);
    this.violations = List.copyOf(violations);
  }

  /**
   * @param field the field as the client named it, or {@code null} for the request as a whole
   * @param message what is wrong with it
   * @return the exception, to throw or to extend with {@link #and}
   */
  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(List.of(new Violation(field, message)));
  }

  /**
   * @param field another field
   * @param message what is wrong with it
   * @return a new exception with this violation added
   */
  public InvalidRequestException and(String field, String message) {
    List<Violation> more = new ArrayList<>(violations);
    more.add(new Violation(field, message));
    return new InvalidRequestException(more);
  }

  /**
   * @return the violations, in order
   */
  public List<Violation> violations() {
    return violations;
  }

  /** One violation: "qty: must be greater than 0"; more: "2 values are invalid: qty, sku". */
  private static String summary(List<Violation> violations) {
    if (violations == null || violations.isEmpty()) {
      throw new IllegalArgumentException("an invalid request needs at least one violation");
    }
    if (violations.size() == 1) {
      Violation v = violations.get(0);
      return v.field() == null ? v.message() : v.field() + ": " + v.message();
    }
    List<String> fields = new ArrayList<>();
    for (Violation v : violations) {
      if (v.field() != null && !fields.contains(v.field())) {
        fields.add(v.field());
      }
    }
    return violations.size()
        + " values are invalid"
        + (fields.isEmpty() ? "" : ": " + String.join(", ", fields));
  }
}
