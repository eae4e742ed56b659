package dev.restatus.core.internal.rules;

import java.util.Set;

/**
 * A request rule: a method the server does not implement at all ({@code restatus.methods}) is
 * answered 501 before the application runs. A known method that a resource does not support stays
 * the application's 405.
 */
final class NotImplementedRule {

  private final Set<String> methods;

  NotImplementedRule(Set<String> methods) {
    this.methods = methods;
  }

  boolean rejects(String method) {
    return !methods.contains(method);
  }
}
