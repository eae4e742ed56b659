package dev.restatus.core.internal.rules;

import dev.restatus.core.PathPattern;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every 405 carries {@code Allow}, which never lists the rejected method; no {@code Allow} lists a
 * method outside {@code restatus.methods}. The value is, in order: a {@code
 * restatus.allow.<pattern>} override; the application's own header; the methods the adapter
 * discovers ({@link RequestView#allowedMethods()}), limited to those in {@code restatus.methods}.
 */
final class AllowRule implements Rule {

  private final Map<PathPattern, Set<String>> overrides;
  private final Set<String> implemented;

  AllowRule(Map<PathPattern, Set<String>> overrides, Set<String> implemented) {
    this.overrides = overrides;
    this.implemented = implemented;
  }

  @Override
  public boolean idle(
      dev.restatus.core.adapter.RequestView request,
      dev.restatus.core.adapter.ResponseView response) {
    return response.status() != 405 && response.header("Allow") == null;
  }

  @Override
  public void onResponse(Draft d) {
    if (d.status != 405) {
      onlyImplemented(d);
      return;
    }
    String rejected = d.request.method().toUpperCase(Locale.ROOT);
    String present = d.header("Allow");
    Set<String> override = override(d.request.path());
    if (override != null) {
      if (present == null) {
        d.found("allow", "405 without Allow");
      }
      d.setHeader("Allow", join(override, rejected));
      return;
    }
    if (present != null) {
      Set<String> listed = new LinkedHashSet<>();
      for (String m : present.split(",")) {
        if (!m.isBlank()) {
          listed.add(m.trim().toUpperCase(Locale.ROOT));
        }
      }
      if (listed.contains(rejected)) {
        d.found("allow", "405 whose Allow lists the rejected method");
        d.setHeader("Allow", join(listed, rejected));
      }
      return;
    }
    d.found("allow", "405 without Allow");
    Set<String> known = d.request.allowedMethods();
    if (known.isEmpty()) {
      // the adapter cannot tell (a servlet with its own service()): an empty Allow would say
      // that no method works; restatus.allow.<pattern> can name them
      return;
    }
    Set<String> discovered = new LinkedHashSet<>();
    for (String m : known) {
      if (implemented.contains(m)) {
        discovered.add(m);
      }
    }
    d.setHeader("Allow", join(discovered, rejected));
  }

  /**
   * An {@code Allow} on any other response (an {@code OPTIONS} answer) lists only methods the
   * server implements: any other is answered 501. (Tomcat's {@code HttpServlet} lists TRACE
   * whenever the request is wrapped, as it cannot ask the connector then.)
   */
  private void onlyImplemented(Draft d) {
    String present = d.header("Allow");
    if (present == null) {
      return;
    }
    Set<String> listed = new LinkedHashSet<>();
    Set<String> kept = new LinkedHashSet<>();
    for (String m : present.split(",")) {
      if (!m.isBlank()) {
        String method = m.trim().toUpperCase(Locale.ROOT);
        listed.add(method);
        if (implemented.contains(method)) {
          kept.add(method);
        }
      }
    }
    if (kept.size() != listed.size()) {
      d.found("allow", "Allow lists a method the server does not implement");
      d.setHeader("Allow", join(kept, null));
    }
  }

  private Set<String> override(String path) {
    return PathPatterns.longest(overrides, path);
  }

  private static String join(Set<String> methods, String rejected) {
    StringBuilder sb = new StringBuilder();
    for (String m : methods) {
      if (!m.equals(rejected)) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(m);
      }
    }
    return sb.toString();
  }
}
