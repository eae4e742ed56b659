package dev.restatus.core.adapter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header changes of a {@link Decision}, in the one header representation the adapter contract
 * uses (also in {@link Failure}): a name mapped to its values in order. Immutable.
 *
 * @param set headers to set, each replacing every value of the same name
 * @param remove names of headers to remove
 * @param keepOnly when not {@code null}, the lower-case names of the only headers the application
 *     or container set that may stay: every other one is removed (the canonical not-found of a
 *     concealed path); {@code set} and the body's own headers are sent as decided
 */
public record HeaderEdits(
    Map<String, List<String>> set, List<String> remove, Set<String> keepOnly) {

  /** No change. */
  public static final HeaderEdits NONE = new HeaderEdits(Map.of(), List.of(), null);

  /**
   * Copies the collections so that the edits cannot change after they are made.
   *
   * @param set headers to set
   * @param remove names of headers to remove
   * @param keepOnly the lower-case names of the only headers that may stay, or {@code null}
   */
  public HeaderEdits {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    set.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    set = Collections.unmodifiableMap(copy);
    remove = List.copyOf(remove);
    keepOnly = keepOnly == null ? null : Set.copyOf(keepOnly);
  }

  /**
   * @return whether these edits change nothing
   */
  public boolean isEmpty() {
    return set.isEmpty() && remove.isEmpty() && keepOnly == null;
  }

  /**
   * @param name a header name, in any case
   * @return the first value this sets for it, or {@code null}
   */
  public String first(String name) {
    for (Map.Entry<String, List<String>> e : set.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }
}
