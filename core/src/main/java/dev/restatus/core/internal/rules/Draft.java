package dev.restatus.core.internal.rules;

import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.RequestView;
import dev.restatus.core.adapter.ResponseView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The working copy of one response while the rules run over it: each rule reads the response as the
 * rules before it left it, changes it, and records what it found. Not thread-safe; one per
 * exchange.
 */
final class Draft {

  final RequestView request;
  final ResponseView response;
  int status;
  Decision.Body body = Decision.Body.KEEP;

  /** The application's message for a generated problem's detail, or {@code null}. */
  String detail;

  /**
   * Set by the conceal rule: the lower-case names of the only application headers that survive, or
   * {@code null} for no such restriction.
   */
  java.util.Set<String> keepOnly;

  private final Map<String, String> set = new LinkedHashMap<>();
  private final Map<String, String> remove = new LinkedHashMap<>();
  final List<Finding> findings = new ArrayList<>(2);

  Draft(RequestView request, ResponseView response) {
    this.request = request;
    this.response = response;
    this.status = response.status();
  }

  /** The header as the response will carry it, rules applied so far. */
  String header(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (remove.containsKey(key)) {
      return null;
    }
    for (Map.Entry<String, String> e : set.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    if (keepOnly != null && !keepOnly.contains(key)) {
      return null; // the canonical not-found drops it
    }
    return response.header(name);
  }

  void setHeader(String name, String value) {
    remove.remove(name.toLowerCase(Locale.ROOT));
    set.put(name, value);
  }

  /**
   * Removes a header whether or not the view shows it: containers keep some headers (Tomcat's
   * {@code Content-Type} and {@code Content-Length}) outside what {@code getHeader} reports.
   */
  void removeHeader(String name) {
    set.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    remove.put(name.toLowerCase(Locale.ROOT), name);
  }

  void found(String rule, String what) {
    findings.add(new Finding(rule, what, request.method(), request.path()));
  }

  Map<String, String> headersToSet() {
    return set;
  }

  List<String> headersToRemove() {
    return new ArrayList<>(remove.values());
  }
}
