package dev.restatus.core.internal.rules;

import dev.restatus.core.PathPattern;
import java.util.List;
import java.util.Map;

/** Matching a request path against the pattern lists and pattern-keyed settings of the rules. */
final class PathPatterns {

  private PathPatterns() {}

  /**
   * @return whether any of {@code patterns} matches {@code path}
   */
  static boolean any(List<PathPattern> patterns, String path) {
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i).matches(path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param byPattern settings ordered longest pattern first, as {@code RestatusConfig} gives them
   * @return the value of the longest pattern matching {@code path}, or {@code null}
   */
  static <V> V longest(Map<PathPattern, V> byPattern, String path) {
    if (byPattern.isEmpty()) {
      return null; // most settings are unused: no iterator for them
    }
    for (Map.Entry<PathPattern, V> e : byPattern.entrySet()) {
      if (e.getKey().matches(path)) {
        return e.getValue();
      }
    }
    return null;
  }
}
