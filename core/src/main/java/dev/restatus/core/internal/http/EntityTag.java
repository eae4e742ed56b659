package dev.restatus.core.internal.http;

import java.util.ArrayList;
import java.util.List;

/**
 * An entity-tag (RFC 9110 section 8.8.3): {@code [W/] DQUOTE *etagc DQUOTE}, with the strong and
 * weak comparisons of section 8.8.3.2, and the parsing of {@code If-Match}/{@code If-None-Match}
 * ({@code "*"} or a comma-separated list, empty elements allowed).
 *
 * @param opaque the opaque-tag without its quotes
 * @param weak whether it carries the {@code W/} prefix
 */
public record EntityTag(String opaque, boolean weak) {

  /** The value of a list that is {@code *}: any current representation. */
  public static final List<EntityTag> ANY = List.of();

  /**
   * @param value an {@code ETag} header value
   * @return the entity-tag, or {@code null} if the value is not one (an application's sloppy {@code
   *     ETag: 123} is no validator)
   */
  public static EntityTag parseETag(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    int[] pos = {0};
    EntityTag t = tag(v, pos);
    return t != null && pos[0] == v.length() ? t : null;
  }

  /**
   * Parses an {@code If-Match} or {@code If-None-Match} value.
   *
   * @param value the header value
   * @return {@link #ANY} (the same instance) for {@code *}, else the tags in order
   * @throws IllegalArgumentException naming what is wrong, for a value that is not one
   */
  public static List<EntityTag> parseList(String value) {
    String v = value.trim();
    if (v.equals("*")) {
      return ANY;
    }
    List<EntityTag> out = new ArrayList<>();
    int[] pos = {0};
    while (true) {
      skipWhitespace(v, pos);
      if (pos[0] == v.length()) {
        break;
      }
      if (v.charAt(pos[0]) == ',') {
        pos[0]++;
        continue;
      }
      EntityTag t = tag(v, pos);
      if (t == null) {
        throw new IllegalArgumentException("expected an entity-tag at " + pos[0]);
      }
      out.add(t);
      skipWhitespace(v, pos);
      if (pos[0] < v.length() && v.charAt(pos[0]) != ',') {
        throw new IllegalArgumentException("expected ',' at " + pos[0]);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no entity-tag");
    }
    return out;
  }

  private static EntityTag tag(String v, int[] pos) {
    int i = pos[0];
    boolean weak = false;
    if (v.startsWith("W/", i)) {
      weak = true;
      i += 2;
    }
    if (i >= v.length() || v.charAt(i) != '"') {
      return null;
    }
    int start = ++i;
    while (i < v.length() && v.charAt(i) != '"') {
      char c = v.charAt(i);
      // etagc = %x21 / %x23-7E / obs-text
      if (!(c == 0x21 || (c >= 0x23 && c <= 0x7e) || (c >= 0x80 && c <= 0xff))) {
        return null;
      }
      i++;
    }
    if (i >= v.length()) {
      return null; // unterminated
    }
    pos[0] = i + 1;
    return new EntityTag(v.substring(start, i), weak);
  }

  private static void skipWhitespace(String v, int[] pos) {
    while (pos[0] < v.length() && (v.charAt(pos[0]) == ' ' || v.charAt(pos[0]) == '\t')) {
      pos[0]++;
    }
  }

  /**
   * @param other another entity-tag
   * @return whether both are strong and their opaque-tags equal
   */
  public boolean strongMatch(EntityTag other) {
    return !weak && !other.weak && opaque.equals(other.opaque);
  }

  /**
   * @param other another entity-tag
   * @return whether their opaque-tags equal, weak or not
   */
  public boolean weakMatch(EntityTag other) {
    return opaque.equals(other.opaque);
  }

  @Override
  public String toString() {
    return (weak ? "W/\"" : "\"") + opaque + "\"";
  }
}
