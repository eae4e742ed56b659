package dev.restatus.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders a problem as {@code application/problem+xml} (RFC 9457 Appendix B): a {@code problem}
 * element in the namespace {@code urn:ietf:rfc:7807} with one child per member; an array's entries
 * are {@code i} elements, an object's members are elements named after them. Restatus sends it to a
 * client that prefers XML to JSON ({@code Accept: application/xml}); the default stays {@link
 * JsonProblemRenderer}.
 *
 * <p>Every character outside ASCII is written as a character reference, so the bytes are the same
 * in any character encoding; a character XML 1.0 cannot carry (a control character, an unpaired
 * surrogate) becomes U+FFFD; a member name that is not an XML name has its other characters
 * replaced by {@code _} (and an {@code _} put before a leading digit, {@code -} or {@code .}).
 */
public final class XmlProblemRenderer implements ProblemRenderer {

  /** The media type of the XML problem format. */
  public static final String MEDIA_TYPE = "application/problem+xml";

  /** The namespace of the XML problem format. */
  public static final String NAMESPACE = "urn:ietf:rfc:7807";

  private final ObjectMapper mapper = JsonMapper.builder().build();

  /** Creates the renderer. */
  public XmlProblemRenderer() {}

  @Override
  public String contentType() {
    return MEDIA_TYPE;
  }

  @Override
  public byte[] render(Problem p) {
    StringBuilder out = new StringBuilder(256);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<problem xmlns=\"")
        .append(NAMESPACE)
        .append("\">");
    element(out, "type", p.type());
    if (p.title() != null) {
      element(out, "title", p.title());
    }
    element(out, "status", Integer.toString(p.status()));
    if (p.detail() != null) {
      element(out, "detail", p.detail());
    }
    if (p.instance() != null) {
      element(out, "instance", p.instance());
    }
    for (Map.Entry<String, Object> e : p.extensions().entrySet()) {
      node(out, name(e.getKey()), tree(e.getValue()));
    }
    out.append("</problem>\n");
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private JsonNode tree(Object value) {
    try {
      return mapper.valueToTree(value);
    } catch (IllegalArgumentException e) {
      return mapper.getNodeFactory().textNode(String.valueOf(value));
    }
  }

  private static void node(StringBuilder out, String name, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      out.append('<').append(name).append("/>");
    } else if (value.isArray()) {
      out.append('<').append(name).append('>');
      for (JsonNode item : value) {
        node(out, "i", item);
      }
      out.append("</").append(name).append('>');
    } else if (value.isObject()) {
      out.append('<').append(name).append('>');
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        node(out, name(f.getKey()), f.getValue());
      }
      out.append("</").append(name).append('>');
    } else {
      element(out, name, value.asText());
    }
  }

  private static void element(StringBuilder out, String name, String text) {
    out.append('<').append(name).append('>');
    escape(out, text);
    out.append("</").append(name).append('>');
  }

  /** Character data: markup escaped, non-ASCII as references, what XML 1.0 forbids as U+FFFD. */
  static void escape(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c == '<') {
        out.append("&lt;");
      } else if (c == '>') {
        out.append("&gt;");
      } else if (c == '&') {
        out.append("&amp;");
      } else if (c == '\r') {
        out.append("&#xD;"); // a literal CR would be normalised away by a parser
      } else if (c == '\t' || c == '\n' || (c >= 0x20 && c < 0x7f)) {
        out.append((char) c);
      } else {
        boolean allowed = (c > 0x7f && c < 0xd800) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
        out.append("&#x").append(Integer.toHexString(allowed ? c : 0xfffd)).append(';');
      }
    }
  }

  /** An XML name from a member name: ASCII letters, digits, {@code _ - .}; no leading digit. */
  static String name(String member) {
    StringBuilder b = new StringBuilder(member.length() + 1);
    for (int i = 0; i < member.length(); i++) {
      char c = member.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.';
      b.append(ok ? c : '_');
    }
    char first = b.length() == 0 ? '0' : b.charAt(0);
    if ((first >= '0' && first <= '9') || first == '-' || first == '.') {
      b.insert(0, '_');
    }
    // names starting with "xml" are reserved (XML 1.0 section 2.3)
    if (b.length() >= 3 && b.substring(0, 3).equalsIgnoreCase("xml")) {
      b.insert(0, '_');
    }
    return b.toString();
  }
}
