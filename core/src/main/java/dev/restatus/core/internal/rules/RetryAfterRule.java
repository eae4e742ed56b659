package dev.restatus.core.internal.rules;

import dev.restatus.core.internal.http.HttpDates;

/**
 * Every 503 and 429 carries a valid {@code Retry-After} (delay-seconds or HTTP-date); the
 * application's valid value wins, an invalid one is replaced.
 */
final class RetryAfterRule implements Rule {

  private final String seconds;

  RetryAfterRule(long seconds) {
    this.seconds = Long.toString(seconds);
  }

  @Override
  public boolean idle(
      dev.restatus.core.adapter.RequestView request,
      dev.restatus.core.adapter.ResponseView response) {
    return response.status() != 503 && response.status() != 429;
  }

  @Override
  public void onResponse(Draft d) {
    if (d.status != 503 && d.status != 429) {
      return;
    }
    String value = d.header("Retry-After");
    if (value == null) {
      d.found("retry-after", d.status + " without Retry-After");
      d.setHeader("Retry-After", seconds);
    } else if (!isValid(value)) {
      d.found("retry-after", d.status + " with an invalid Retry-After");
      d.setHeader("Retry-After", seconds);
    }
  }

  static boolean isValid(String value) {
    String v = value.trim();
    if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return true;
    }
    return HttpDates.parse(v).isPresent();
  }
}
