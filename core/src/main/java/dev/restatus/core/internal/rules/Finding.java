package dev.restatus.core.internal.rules;

import dev.restatus.core.adapter.LogText;

/**
 * One violation of the status-code contract seen on one exchange.
 *
 * @param rule the rule that saw it, for example {@code www-authenticate}
 * @param what what was wrong, for example {@code 401 without WWW-Authenticate}
 * @param method the request method
 * @param path the request path relative to the application
 */
public record Finding(String rule, String what, String method, String path) {

  /** Escapes the client-chosen method and path ({@link LogText#safe}): findings are logged. */
  public Finding {
    method = LogText.safe(method);
    path = LogText.safe(path);
  }
}
