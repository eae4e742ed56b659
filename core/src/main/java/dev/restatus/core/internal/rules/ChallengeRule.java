package dev.restatus.core.internal.rules;

/** Every 401 carries a {@code WWW-Authenticate} challenge; the application's wins. */
final class ChallengeRule implements Rule {

  private final String challenge;

  ChallengeRule(String challenge) {
    this.challenge = challenge;
  }

  @Override
  public boolean idle(
      dev.restatus.core.adapter.RequestView request,
      dev.restatus.core.adapter.ResponseView response) {
    return response.status() != 401;
  }

  @Override
  public void onResponse(Draft d) {
    if (d.status == 401 && isBlank(d.header("WWW-Authenticate"))) {
      d.found("www-authenticate", "401 without WWW-Authenticate");
      d.setHeader("WWW-Authenticate", challenge);
    }
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
