package dev.restatus.core.internal.rules;

/**
 * Reports a 201 without {@code Location}, and a 202 without {@code Location} or {@code
 * Content-Location} (nothing tells the client where to watch the work it accepted). Only the
 * application knows where the new resource or the monitor lives, so nothing is fixed; the finding
 * is logged and counted.
 */
final class CreatedRule implements Rule {

  @Override
  public boolean idle(
      dev.restatus.core.adapter.RequestView request,
      dev.restatus.core.adapter.ResponseView response) {
    return response.status() != 201 && response.status() != 202;
  }

  @Override
  public void onResponse(Draft d) {
    if (d.status == 201 && d.header("Location") == null) {
      d.found("created-location", "201 without Location");
    } else if (d.status == 202
        && d.header("Location") == null
        && d.header("Content-Location") == null) {
      d.found("accepted-monitor", "202 without Location or Content-Location");
    }
  }
}
