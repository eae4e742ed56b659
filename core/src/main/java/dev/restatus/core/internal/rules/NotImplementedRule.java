package dev.restatus.core.internal.rules;

import dev.restatus.core.adapter.LogText;
import java.util.Set;

/**
 * A request rule: a method the server does not implement at all ({@code restatus.methods}) is
 * answered 501 before the application runs. A known method that a resource does not support stays
 * the application's 405.
 */
final class NotImplementedRule implements Rule {

  private final Set<String> methods;

  NotImplementedRule(Set<String> methods) {
    this.methods = methods;
  }

  @Override
  public boolean idle(
      dev.restatus.core.adapter.RequestView request,
      dev.restatus.core.adapter.ResponseView response) {
    return true; // acts on requests only
  }

  @Override
  public void onRequest(Draft d) {
    String method = d.request.method();
    if (!methods.contains(method)) { // case-sensitive (RFC 9110 section 9.1): head is not HEAD
      d.found("not-implemented", "method not implemented");
      d.answer(501, "The method " + LogText.safe(method) + " is not implemented by this server.");
    }
  }
}
