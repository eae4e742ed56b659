package dev.restatus.core.internal.rules;

import dev.restatus.core.adapter.LogText;

/**
 * One violation of the status-code contract seen on one exchange.
 *
 * @param rule the rule that saw it, for example {@code www-authenticate}
 * @param what what was wrong, for example {@code 401 without WWW-Authenticate}
 * @param method the request method
 * @param path the request path relative to the application
 * @param status the status of the response it was seen on, or 0 if there was none yet
 */
public record Finding(String rule, String what, String method, String path, int status) {

  /** Escapes the client-chosen method and path ({@link LogText#safe}): findings are logged. */
  public Finding {
    method = LogText.safe(method);
    path = LogText.safe(path);
  }

  /**
   * A finding without a status.
   *
   * @param rule the rule
   * @param what what was wrong
   * @param method the request method
   * @param path the request path
   */
  public Finding(String rule, String what, String method, String path) {
    this(rule, what, method, path, 0);
  }
}
