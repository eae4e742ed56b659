package dev.restatus.core.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One media range of an {@code Accept} header, or the media type of a {@code Content-Type}, per RFC
 * 9110 sections 8.3.1 and 12.5.1: {@code type/subtype}, parameters, and a weight. Type, subtype and
 * parameter names are lower case; parameter values keep their case (quotes removed).
 *
 * @param type the type, or {@code *}
 * @param subtype the subtype, or {@code *}
 * @param parameters {@code name=value} pairs other than the weight, in order, names lower case
 * @param quality the weight from 0 to 1000 ({@code q=0.5} is 500); 1000 when absent
 */
public record MediaRange(String type, String subtype, List<String> parameters, int quality) {

  /** Copies the parameters. */
  public MediaRange {
    parameters = List.copyOf(parameters);
  }

  /**
   * Parses an {@code Accept} value: a comma-separated list of media ranges, empty elements allowed.
   *
   * @param value the header value
   * @return the ranges in order; empty for an empty value
   * @throws IllegalArgumentException naming what is wrong, for a value that is not one
   */
  public static List<MediaRange> parseAccept(String value) {
    List<MediaRange> out = new ArrayList<>();
    Lexer in = new Lexer(value);
    while (true) {
      in.skipWhitespace();
      if (in.done()) {
        return out;
      }
      if (in.peek() == ',') {
        in.next();
        continue;
      }
      out.add(range(in, true));
      in.skipWhitespace();
      if (!in.done() && in.next() != ',') {
        throw new IllegalArgumentException("expected ',' at " + (in.pos - 1));
      }
    }
  }

  /**
   * Parses a {@code Content-Type} value: exactly one media type, no wildcards.
   *
   * @param value the header value
   * @return the media type (quality 1000)
   * @throws IllegalArgumentException naming what is wrong, for a value that is not one
   */
  public static MediaRange parseContentType(String value) {
    Lexer in = new Lexer(value);
    in.skipWhitespace();
    MediaRange m = range(in, false);
    in.skipWhitespace();
    if (!in.done()) {
      throw new IllegalArgumentException("unexpected '" + in.peek() + "' at " + in.pos);
    }
    if (m.type.equals("*") || m.subtype.equals("*")) {
      throw new IllegalArgumentException("a content type cannot be a wildcard");
    }
    return m;
  }

  private static MediaRange range(Lexer in, boolean weighted) {
    String type = in.token("a media type");
    if (in.done() || in.next() != '/') {
      throw new IllegalArgumentException("expected '/' after " + type);
    }
    String subtype = in.token("a media subtype");
    if (type.equals("*") && !subtype.equals("*")) {
      throw new IllegalArgumentException("*/" + subtype + " is not a media range");
    }
    List<String> params = new ArrayList<>();
    int quality = 1000;
    while (true) {
      int mark = in.pos;
      in.skipWhitespace();
      if (in.done() || in.peek() != ';') {
        in.pos = mark;
        break;
      }
      in.next();
      in.skipWhitespace();
      if (in.done() || in.peek() == ',' || in.peek() == ';') {
        continue; // an empty parameter, as browsers send ("text/html;")
      }
      String name = in.token("a parameter name").toLowerCase(Locale.ROOT);
      in.skipWhitespace();
      if (in.done() || in.next() != '=') {
        throw new IllegalArgumentException("expected '=' after parameter " + name);
      }
      in.skipWhitespace();
      String v = !in.done() && in.peek() == '"' ? in.quoted() : in.token("a parameter value");
      if (weighted && name.equals("q")) {
        quality = weight(v);
        break; // RFC 9110: the weight ends the media range's parameters; extensions are ignored
      }
      params.add(name + "=" + v);
    }
    if (weighted) {
      skipExtensions(in);
    }
    return new MediaRange(
        type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT), params, quality);
  }

  /** Accept extensions after the weight are allowed and ignored. */
  private static void skipExtensions(Lexer in) {
    while (true) {
      int mark = in.pos;
      in.skipWhitespace();
      if (in.done() || in.peek() != ';') {
        in.pos = mark;
        return;
      }
      in.next();
      in.skipWhitespace();
      if (in.done() || in.peek() == ',') {
        continue;
      }
      in.token("an accept extension");
      in.skipWhitespace();
      if (!in.done() && in.peek() == '=') {
        in.next();
        in.skipWhitespace();
        if (!in.done() && in.peek() == '"') {
          in.quoted();
        } else {
          in.token("an accept extension value");
        }
      }
    }
  }

  /** {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )}. */
  static int weight(String v) {
    if (v.isEmpty() || v.length() > 5 || (v.length() > 1 && v.charAt(1) != '.')) {
      throw new IllegalArgumentException("bad weight q=" + v);
    }
    char first = v.charAt(0);
    if (first != '0' && first != '1') {
      throw new IllegalArgumentException("bad weight q=" + v);
    }
    int thousandths = 0;
    int scale = 100;
    for (int i = 2; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9' || (first == '1' && c != '0')) {
        throw new IllegalArgumentException("bad weight q=" + v);
      }
      thousandths += (c - '0') * scale;
      scale /= 10;
    }
    return first == '1' ? 1000 : thousandths;
  }

  /**
   * @return the {@code type/subtype}
   */
  public String essence() {
    return type + "/" + subtype;
  }

  /**
   * How well this range matches a concrete media type: -1 for not at all, else higher for a more
   * specific range (RFC 9110 section 12.5.1: the most specific reference has precedence).
   *
   * @param mediaType a concrete {@code type/subtype}, possibly with parameters
   * @return the specificity: 0 for {@code *}/{@code *}, 1 for {@code type/*}, 2 for {@code
   *     type/subtype}, 3 and more for each parameter that also matches
   */
  public int specificity(MediaRange mediaType) {
    if (type.equals("*")) {
      return parameters.isEmpty() ? 0 : -1;
    }
    if (!type.equals(mediaType.type)) {
      return -1;
    }
    if (subtype.equals("*")) {
      return parameters.isEmpty() ? 1 : -1;
    }
    if (!subtype.equals(mediaType.subtype)) {
      return -1;
    }
    for (String p : parameters) {
      if (!containsIgnoringCase(mediaType.parameters, p)) {
        return -1;
      }
    }
    return 2 + parameters.size();
  }

  private static boolean containsIgnoringCase(List<String> params, String p) {
    for (String q : params) {
      if (q.equalsIgnoreCase(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The weight an {@code Accept} list gives a concrete media type: that of its most specific
   * matching range, or 0 when none matches. An empty list accepts anything (weight 1000).
   *
   * @param accept the parsed {@code Accept} ranges
   * @param mediaType a concrete media type
   * @return 0 (not acceptable) to 1000
   */
  public static int weightOf(List<MediaRange> accept, MediaRange mediaType) {
    if (accept.isEmpty()) {
      return 1000;
    }
    int best = -1;
    int weight = 0;
    for (MediaRange r : accept) {
      int s = r.specificity(mediaType);
      if (s > best) {
        best = s;
        weight = r.quality;
      }
    }
    return weight;
  }

  /** A cursor over a header value. */
  private static final class Lexer {
    private final String s;
    private int pos;

    Lexer(String s) {
      this.s = s;
    }

    boolean done() {
      return pos >= s.length();
    }

    char peek() {
      return s.charAt(pos);
    }

    char next() {
      return s.charAt(pos++);
    }

    void skipWhitespace() {
      while (!done() && (peek() == ' ' || peek() == '\t')) {
        pos++;
      }
    }

    String token(String what) {
      int start = pos;
      while (!done() && isTokenChar(peek())) {
        pos++;
      }
      if (pos == start) {
        throw new IllegalArgumentException(
            "expected " + what + " at " + start + (done() ? "" : ", found '" + peek() + "'"));
      }
      return s.substring(start, pos);
    }

    String quoted() {
      StringBuilder b = new StringBuilder();
      pos++; // the opening quote
      while (!done()) {
        char c = next();
        if (c == '"') {
          return b.toString();
        }
        if (c == '\\') {
          if (done()) {
            break;
          }
          c = next();
        }
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
          throw new IllegalArgumentException("control character in a quoted string");
        }
        b.append(c);
      }
      throw new IllegalArgumentException("unterminated quoted string");
    }

    private static boolean isTokenChar(char c) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
  }
}
