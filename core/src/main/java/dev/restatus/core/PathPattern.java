package dev.restatus.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one path-pattern syntax of every {@code restatus.*} key. A pattern starts with {@code /} and
 * is matched segment by segment against the request path relative to the application (the servlet
 * context path, or the JAX-RS application's base URI, removed):
 *
 * <ul>
 *   <li>a literal segment matches itself, case-sensitively;
 *   <li>{@code *} matches exactly one segment;
 *   <li>{@code **}, only as the last segment, matches zero or more segments: {@code /admin/**}
 *       matches {@code /admin}, {@code /admin/} and {@code /admin/users/7}; {@code /**} matches
 *       every path.
 * </ul>
 */
public final class PathPattern {

  private final String source;
  private final String[] segments;
  private final boolean anyTail;

  private PathPattern(String source, String[] segments, boolean anyTail) {
    this.source = source;
    this.segments = segments;
    this.anyTail = anyTail;
  }

  /**
   * @param pattern the pattern text
   * @return the compiled pattern
   * @throws IllegalArgumentException if it does not start with {@code /} or uses {@code **}
   *     anywhere but last
   */
  public static PathPattern compile(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException("a path pattern starts with '/'");
    }
    List<String> parts = split(pattern);
    boolean tail = !parts.isEmpty() && parts.get(parts.size() - 1).equals("**");
    if (tail) {
      parts.remove(parts.size() - 1);
    }
    for (String s : parts) {
      if (s.equals("**")) {
        throw new IllegalArgumentException("'**' is only allowed as the last segment");
      }
      if (!s.equals("*") && s.contains("*")) {
        throw new IllegalArgumentException("'*' must be a whole segment, not part of '" + s + "'");
      }
    }
    return new PathPattern(pattern, parts.toArray(String[]::new), tail);
  }

  private static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    int start = 1;
    for (int i = 1; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        if (i > start) {
          parts.add(path.substring(start, i));
        }
        start = i + 1;
      }
    }
    return parts;
  }

  /**
   * @param path a request path starting with {@code /}; empty segments are ignored
   * @return whether the pattern matches it
   */
  public boolean matches(String path) {
    // walks the path in place: matching runs on every request and allocates nothing
    String p = path == null ? "" : path;
    int i = 0;
    int n = p.length();
    for (String segment : segments) {
      while (i < n && p.charAt(i) == '/') {
        i++; // empty segments are ignored, as is a missing leading slash
      }
      if (i == n) {
        return false; // fewer path segments than the pattern's
      }
      int end = p.indexOf('/', i);
      if (end < 0) {
        end = n;
      }
      if (!segment.equals("*")
          && (segment.length() != end - i || !p.regionMatches(i, segment, 0, end - i))) {
        return false;
      }
      i = end;
    }
    if (anyTail) {
      return true;
    }
    while (i < n && p.charAt(i) == '/') {
      i++;
    }
    return i == n; // no segment left over
  }

  /**
   * What the wildcards of this pattern matched in a path: the segment of each {@code *} in order,
   * then, for a final {@code **}, the rest of the path without its leading slash (possibly empty).
   *
   * @param path a request path
   * @return the captures, or {@code null} if the pattern does not match
   */
  public List<String> capture(String path) {
    if (!matches(path)) {
      return null;
    }
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    List<String> parts = split(path.startsWith("/") ? path : "/" + path);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].equals("*")) {
        out.add(parts.get(i));
      }
    }
    if (anyTail) {
      out.add(String.join("/", parts.subList(segments.length, parts.size())));
    }
    return out;
  }

  /**
   * @return how many {@code *} segments the pattern has
   */
  public int singleWildcards() {
    int n = 0;
    for (String s : segments) {
      if (s.equals("*")) {
        n++;
      }
    }
    return n;
  }

  /**
   * @return whether the pattern ends in {@code **}
   */
  public boolean hasTail() {
    return anyTail;
  }

  @Override
  public String toString() {
    return source;
  }
}
