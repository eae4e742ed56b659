package dev.restatus.core.internal.rules;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.restatus.core.JsonProblemRenderer;
import dev.restatus.core.Mode;
import dev.restatus.core.MultiStatus;
import dev.restatus.core.Problem;
import dev.restatus.core.ProblemRenderer;
import dev.restatus.core.RestatusConfig;
import dev.restatus.core.adapter.LogText;
import dev.restatus.core.adapter.RequestView;
import dev.restatus.core.adapter.Restatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * 207 Multi-Status: the document Restatus renders for a {@link MultiStatus}, and the check of a 207
 * the application sent itself.
 *
 * <p>The document ({@link #render}) is {@code {"results":[...]}}, each result {@code id}, {@code
 * status}, then {@code body} (when the item has one) or {@code problem} (every 4xx and 5xx item),
 * non-ASCII escaped as in a problem. An error item without a problem of the application's gets one
 * generated from its status ({@code errorId}; a 5xx one a generic detail and a log line). A 5xx
 * problem of the application's is treated as a returned {@code Problem} entity is: in {@code
 * enforce} mode replaced by a generated one if it shows a stack, an exception class or message,
 * else given an error id (and its log line) if it has none; in {@code report} mode a leak is only
 * recorded; in {@code off} mode it is sent as given. A 4xx problem of the application's is sent as
 * built. Problems are written by the configured renderer when it writes JSON, else by {@link
 * JsonProblemRenderer}: the document is JSON whatever the client prefers.
 *
 * <p>The check ({@link #onResponse}): a 207 whose body cannot be a multi-status document (none, or
 * one that is neither JSON nor XML, WebDAV's {@code multistatus} being XML) is a finding. Nothing
 * is changed: replacing a mostly successful answer would make it worse.
 */
final class MultiStatusRule implements Rule {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static final ProblemRenderer JSON = new JsonProblemRenderer();

  @Override
  public boolean idle(
      dev.restatus.core.adapter.RequestView request,
      dev.restatus.core.adapter.ResponseView response) {
    return response.status() != MultiStatus.STATUS;
  }

  @Override
  public void onResponse(Draft d) {
    if (d.status != MultiStatus.STATUS || d.response == null || "HEAD".equals(d.request.method())) {
      return;
    }
    if (!d.response.hasBody()) {
      d.found("multi-status", "207 without a multi-status document");
      return;
    }
    String type = BodyRule.mediaType(d.response.contentType());
    if (!isDocument(type)) {
      d.found(
          "multi-status",
          "207 with "
              + (type == null ? "a body without Content-Type" : LogText.safe(type))
              + ", not a multi-status document (JSON or XML)");
    }
  }

  /** JSON ({@code application/json}, {@code +json}) or XML ({@code +xml}, WebDAV's). */
  private static boolean isDocument(String type) {
    return type != null
        && (type.equals("application/json")
            || type.endsWith("+json")
            || type.equals("application/xml")
            || type.equals("text/xml")
            || type.endsWith("+xml"));
  }

  /**
   * @param request the request the document answers (for log lines and findings)
   * @param m the document
   * @param config the settings (mode, renderer)
   * @param problems generates the error items' problems
   * @param findings where a leak seen in {@code report} mode goes
   * @return the document's bytes, {@link MultiStatus#MEDIA_TYPE}
   */
  static byte[] render(
      RequestView request,
      MultiStatus m,
      RestatusConfig config,
      Problems problems,
      Consumer<Finding> findings) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(m, "multi-status");
    ProblemRenderer renderer = writesJson(config.renderer()) ? config.renderer() : JSON;
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 128 * m.items().size());
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("results");
      for (MultiStatus.Item item : m.items()) {
        g.writeStartObject();
        g.writeStringField("id", item.id());
        g.writeNumberField("status", item.status());
        Optional<JsonNode> body = item.body();
        if (body.isPresent()) {
          g.writeFieldName("body");
          g.writeTree(body.get());
        }
        if (item.status() >= 400) {
          g.writeFieldName("problem");
          Problem p = problem(request, item, config.mode(), problems, findings);
          if (renderer == JSON) {
            // the default renderer escapes every non-ASCII character: its bytes are ASCII
            g.writeRawValue(new String(JSON.render(p), StandardCharsets.US_ASCII));
          } else {
            g.writeTree(tree(renderer, p));
          }
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + m, e);
    }
    return out.toByteArray();
  }

  /** The problem an error item is sent with. */
  private static Problem problem(
      RequestView request,
      MultiStatus.Item item,
      Mode mode,
      Problems problems,
      Consumer<Finding> findings) {
    int status = item.status();
    Optional<Problem> given = item.problem();
    if (given.isEmpty()) {
      Problem p = problems.generate(status, null);
      if (status >= 500) {
        Problems.warn(Problems.errorId(p), request, item(item) + " answered " + status);
      }
      return p;
    }
    Problem p = given.get();
    if (status < 500 || mode == Mode.OFF) {
      return p;
    }
    boolean leaks = LeakRule.leaks(ExceptionRule.visibleText(p));
    if (mode == Mode.REPORT) {
      if (leaks) {
        findings.accept(
            new Finding(
                "server-error-leak",
                status + " multi-status item problem shows a stack trace or exception class",
                request.method(),
                request.path()));
      }
      return p;
    }
    if (leaks) {
      Problem sent = problems.generate(status, null);
      Problems.warn(
          Problems.errorId(sent),
          request,
          item(item)
              + ": the application's "
              + status
              + " problem showed internals and was replaced");
      return sent;
    }
    if (Problems.errorId(p) != null) {
      return p; // it came with its own error id, and so with its own log line
    }
    Problem sent = p.toBuilder().extension(Restatus.ERROR_ID_MEMBER, Problems.newId()).build();
    Problems.warn(
        Problems.errorId(sent),
        request,
        item(item) + " answered " + status + " with the application's problem");
    return sent;
  }

  /** The log text naming an item: its id is the client's, so escaped. */
  private static String item(MultiStatus.Item item) {
    return ": multi-status item '" + LogText.safe(item.id()) + "'";
  }

  private static boolean writesJson(ProblemRenderer r) {
    String type = BodyRule.mediaType(r.contentType());
    return type != null && (type.equals("application/json") || type.endsWith("+json"));
  }

  /** The problem as an application's JSON renderer writes it, as a JSON tree to embed. */
  private static JsonNode tree(ProblemRenderer renderer, Problem p) {
    try {
      JsonNode n = MAPPER.readTree(renderer.render(p));
      if (n != null && n.isObject()) {
        return n;
      }
    } catch (IOException | RuntimeException e) {
      // bytes that are not a JSON object: the default renderer's instead
    }
    try {
      return MAPPER.readTree(JSON.render(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + p, e);
    }
  }
}
