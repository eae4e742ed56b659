package dev.restatus.core.internal.rules;

import dev.restatus.core.PathPattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request rule for paths that moved or are gone, from {@code restatus.moved.<path-pattern>} and
 * {@code restatus.gone}: a moved path gets {@code 301} (GET, HEAD) or {@code 308} (any other
 * method, so that the method and body are kept) with a {@code Location} built from the target; a
 * gone one gets {@code 410}. Where several patterns match, the longest pattern wins.
 *
 * <p>A target's {@code {1}}, {@code {2}}, ... are the segments the pattern's {@code *}s matched, in
 * order, and {@code {**}} the rest matched by a final {@code **}; each is percent-encoded again. A
 * target starting with {@code /} is relative to the application root; the request's query string is
 * kept.
 */
final class MovedRule implements Rule {

  /** One configured path: moved (a target) or gone (no target). */
  private record Entry(PathPattern pattern, String target) {}

  private final List<Entry> entries = new ArrayList<>();

  MovedRule(Map<PathPattern, String> moved, List<PathPattern> gone) {
    moved.forEach((p, t) -> entries.add(new Entry(p, t)));
    gone.forEach(p -> entries.add(new Entry(p, null)));
    entries.sort((a, b) -> b.pattern.toString().length() - a.pattern.toString().length());
  }

  @Override
  public boolean idle(
      dev.restatus.core.adapter.RequestView request,
      dev.restatus.core.adapter.ResponseView response) {
    return true; // acts on requests only
  }

  @Override
  public void onRequest(Draft d) {
    if (entries.isEmpty()) {
      return;
    }
    String path = d.request.path();
    for (Entry e : entries) {
      List<String> captures = e.pattern.capture(path);
      if (captures == null) {
        continue;
      }
      if (e.target == null) {
        d.answer(410, "This resource is gone and will not come back.");
        return;
      }
      String location = location(e, captures, d.request.root(), d.request.query());
      String method = d.request.method();
      int status = method.equals("GET") || method.equals("HEAD") ? 301 : 308;
      d.answer(status, "This resource has moved permanently: see Location.");
      d.setHeader("Location", location);
      return;
    }
  }

  static String location(Entry e, List<String> captures, String root, String query) {
    String t = e.target;
    StringBuilder b = new StringBuilder();
    int tail = e.pattern.hasTail() ? captures.size() - 1 : -1;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      int close = c == '{' ? t.indexOf('}', i) : -1;
      if (close > i) {
        String name = t.substring(i + 1, close);
        if (name.equals("**") && tail >= 0) {
          String rest = captures.get(tail);
          if (rest.isEmpty() && b.length() > 1 && b.charAt(b.length() - 1) == '/') {
            b.setLength(b.length() - 1); // /old -> /new, not /new/
          }
          b.append(encode(rest, true));
          i = close;
          continue;
        }
        if (name.matches("[1-9][0-9]{0,2}")) {
          int n = Integer.parseInt(name);
          if (n <= e.pattern.singleWildcards()) {
            b.append(encode(captures.get(n - 1), false));
            i = close;
            continue;
          }
        }
      }
      b.append(c);
    }
    String target = b.toString();
    if (target.startsWith("/") && !target.startsWith("//")) {
      target = (root == null ? "" : root) + target;
    }
    if (query != null && !query.isEmpty()) {
      int hash = target.indexOf('#');
      String fragment = hash < 0 ? "" : target.substring(hash);
      String head = hash < 0 ? target : target.substring(0, hash);
      target = head + (head.indexOf('?') < 0 ? "?" : "&") + query + fragment;
    }
    return target;
  }

  /**
   * Percent-encodes all but the characters that mean the same in a path segment and in a query
   * value: {@code ;} (a path parameter), {@code &}, {@code =}, {@code +} and {@code ,} are encoded,
   * and {@code /} unless a remainder.
   */
  static String encode(String segment, boolean keepSlashes) {
    StringBuilder b = new StringBuilder();
    for (byte x : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~!$'()*:@".indexOf(c) >= 0
              || (keepSlashes && c == '/');
      if (plain) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        b.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }
}
