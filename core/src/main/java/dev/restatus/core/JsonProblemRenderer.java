package dev.restatus.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders a problem as RFC 9457 {@code application/problem+json}. Every character outside ASCII is
 * escaped ({@code \u00e9}), so the bytes are the same in any response character encoding a servlet
 * container may have fixed before the problem was written.
 */
public final class JsonProblemRenderer implements ProblemRenderer {

  private final ObjectMapper mapper =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  /** Creates the default renderer. */
  public JsonProblemRenderer() {}

  @Override
  public String contentType() {
    return Problem.MEDIA_TYPE;
  }

  @Override
  public byte[] render(Problem p) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = mapper.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", p.type());
      if (p.title() != null) {
        g.writeStringField("title", p.title());
      }
      g.writeNumberField("status", p.status());
      if (p.detail() != null) {
        g.writeStringField("detail", p.detail());
      }
      if (p.instance() != null) {
        g.writeStringField("instance", p.instance());
      }
      for (Map.Entry<String, Object> e : p.extensions().entrySet()) {
        g.writeFieldName(e.getKey());
        g.writeTree(tree(e.getValue()));
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + p, e);
    }
    return out.toByteArray();
  }

  /** The value as JSON, or its {@code toString()} where Jackson has no serializer for it. */
  private JsonNode tree(Object value) {
    try {
      return mapper.valueToTree(value);
    } catch (IllegalArgumentException e) {
      return TextNode.valueOf(String.valueOf(value));
    }
  }
}
