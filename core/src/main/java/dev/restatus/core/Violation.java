package dev.restatus.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reason a request is invalid, as a client can act on it: the field it concerns, named as the
 * client named it (a JSON property path such as {@code items[0].qty}, a query, path, header or form
 * parameter name), and what is wrong with it. The rejected value is deliberately not part of it: a
 * problem never echoes what it refused.
 *
 * @param field the field as the client named it, or {@code null} when the violation concerns the
 *     request as a whole
 * @param message what is wrong, in words for the client ({@code must be greater than 0})
 */
public record Violation(String field, String message) {

  /**
   * @param field the field as the client named it, or {@code null}
   * @param message what is wrong
   * @throws IllegalArgumentException if {@code message} is missing
   */
  public Violation {
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("a violation needs a message");
    }
  }

  /**
   * @return the violation as the problem's {@code violations} member shows it: {@code field} (when
   *     there is one) and {@code message}
   */
  public Map<String, String> asMember() {
    Map<String, String> m = new LinkedHashMap<>();
    if (field != null) {
      m.put("field", field);
    }
    m.put("message", message);
    return m;
  }
}
