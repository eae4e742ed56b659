package dev.restatus.core.internal.rules;

/**
 * Reports a 201 without {@code Location}. Only the application knows where the new resource lives,
 * so nothing is fixed; the finding is logged and counted.
 */
final class CreatedRule implements Rule {

  @Override
  public void onResponse(Draft d) {
    if (d.status == 201 && d.header("Location") == null) {
      d.found("created-location", "201 without Location");
    }
  }
}
