package dev.restatus.core.internal.config;

import dev.restatus.core.PathPattern;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A declared family of keys that share a prefix and name a thing after it: {@code
 * restatus.exception.<class>}, {@code restatus.allow.<path-pattern>}. Families have no default and
 * cannot be set from the environment (their names do not survive the translation).
 *
 * @param prefix the common prefix, ending in a dot
 * @param placeholder what follows the prefix, as the README shows it ({@code <class>})
 * @param type what the values take, as the README shows it
 * @param meaning one line for the README's table
 * @param member parses the part of the key after the prefix, or fails naming what is allowed
 * @param value parses a value, knowing the member it is for
 * @param longestFirst whether the members are ordered longest first (path patterns: the longest
 *     matching pattern wins), else as written
 * @param <K> the parsed member
 * @param <V> the parsed value
 */
public record Family<K, V>(
    String prefix,
    String placeholder,
    String type,
    String meaning,
    Member<K> member,
    Value<K, V> value,
    boolean longestFirst)
    implements Declared {

  /**
   * Parses the part of a key after the prefix.
   *
   * @param <K> the parsed member
   */
  @FunctionalInterface
  public interface Member<K> {
    /**
     * @param member the part of the key after the prefix
     * @param setting the whole setting, to fail with
     * @return the parsed member
     */
    K parse(String member, Setting setting);
  }

  /**
   * Parses the value of one member.
   *
   * @param <K> the parsed member
   * @param <V> the parsed value
   */
  @FunctionalInterface
  public interface Value<K, V> {
    /**
     * @param member the parsed member it is the value of
     * @param setting the value with its key and source
     * @param loader where classes named in values are loaded from
     * @return the parsed value
     */
    V parse(K member, Setting setting, ClassLoader loader);
  }

  /**
   * A member naming a path pattern.
   *
   * @param member the part of the key after the prefix
   * @param setting the whole setting, to fail with
   * @return the pattern
   */
  public static PathPattern pathPattern(String member, Setting setting) {
    try {
      return PathPattern.compile(member);
    } catch (IllegalArgumentException e) {
      String prefix = setting.key().substring(0, setting.key().length() - member.length());
      throw setting.fail("a key " + prefix + "<path-pattern> (" + e.getMessage() + ")");
    }
  }

  @Override
  public String displayName() {
    return prefix + placeholder;
  }

  @Override
  public String defaultValue() {
    return "";
  }

  /**
   * @param settings every setting, of any key
   * @param loader where classes named in values are loaded from
   * @return the members of this family, parsed, in their order
   */
  public Map<K, V> parse(Map<String, Setting> settings, ClassLoader loader) {
    List<Map.Entry<String, Setting>> entries = new ArrayList<>();
    for (Map.Entry<String, Setting> e : settings.entrySet()) {
      if (e.getKey().startsWith(prefix) && !Keys.isKeyName(e.getKey())) {
        entries.add(e);
      }
    }
    if (longestFirst) {
      entries.sort((a, b) -> b.getKey().length() - a.getKey().length());
    }
    Map<K, V> out = new LinkedHashMap<>();
    for (Map.Entry<String, Setting> e : entries) {
      Setting s = e.getValue();
      K k = member.parse(e.getKey().substring(prefix.length()), s);
      out.put(k, value.parse(k, s, loader));
    }
    return Collections.unmodifiableMap(out);
  }
}
