package dev.restatus.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The API's status-code table, written from the live contract: for each status the application may
 * answer under the given settings, its meaning, when it happens (which rule, which paths), the
 * headers Restatus guarantees and the body. The table a public API publishes, kept true by the
 * rules that enforce it. Markdown, HTML or JSON; also served at {@code restatus.contract-path} when
 * that is set, and printed by {@link #main}:
 *
 * <pre>{@code
 * java -cp restatus-core.jar:jackson-*.jar dev.restatus.core.ContractTable \
 *     --config restatus.properties --format markdown|html|json
 * }</pre>
 */
public final class ContractTable {

  /** One row: a status with everything said about it. */
  private static final class Row {
    final int status;
    final List<String> when = new ArrayList<>();
    final List<String> headers = new ArrayList<>();
    String body;

    Row(int status) {
      this.status = status;
    }
  }

  private final Map<Integer, Row> rows = new TreeMap<>();

  /** What "problem" means in the table. */
  private static final String PROBLEM_NOTE =
      "A problem is an RFC 9457 error resource: `application/problem+json`, or"
          + " `application/problem+xml` for a client preferring XML. Every 4xx and 5xx carries one.";

  private ContractTable(RestatusConfig c) {
    String errorBody = "problem with `errorId`";
    add(200, "the application's success", List.of(), "the application's, unchanged");
    add(
        201,
        "the application created a resource",
        List.of("`Location` (reported when missing)"),
        "the application's");
    add(204, "the application's success without content", List.of(), "none");
    if (!c.defer().isEmpty()) {
      add(
          202,
          "a request on "
              + patterns(c.defer().keySet())
              + " not answered in time ("
              + c.defer().values().stream()
                  .map(ContractTable::duration)
                  .distinct()
                  .collect(Collectors.joining(", "))
              + "); the monitor while the operation runs",
          List.of("`Location` (the monitor)", "`Retry-After`"),
          "status document `{\"id\",\"status\":\"running\",\"monitor\",\"started\"}`");
      add(
          303,
          "the monitor (" + code(c.deferMonitorPath() + "<id>") + ") of a finished operation",
          List.of("`Location` (`<id>/result`)"),
          "status document with `finished` and `result`");
    } else {
      add(
          202,
          "the application accepted work (`Accepted.start`)",
          List.of("`Location` (the monitor)", "`Retry-After`"),
          "status document");
    }
    add(
        207,
        "a batch endpoint returning a `MultiStatus`",
        List.of(),
        "`{\"results\":[{\"id\",\"status\",\"body\"\\|\"problem\"}]}`, a problem for every 4xx and 5xx item");
    c.moved()
        .forEach(
            (pattern, target) ->
                add(
                    301,
                    "GET or HEAD on "
                        + code(pattern.toString())
                        + " (308 for other methods): moved to "
                        + code(target),
                    List.of("`Location`"),
                    errorBody));
    if (!c.moved().isEmpty()) {
      add(308, "other methods on a moved path", List.of("`Location`"), errorBody);
    }
    add(
        304,
        "a GET or HEAD whose `If-None-Match` or `If-Modified-Since` matches the `ETag` or"
            + " `Last-Modified`"
            + (c.etagPaths().isEmpty()
                ? ""
                : " (generated for 200 GET responses on " + patterns(c.etagPaths()) + ")"),
        List.of("`ETag`", "`Cache-Control`", "`Expires`", "`Vary`", "`Content-Location`", "`Date`"),
        "none");
    add(
        400,
        "a request the application or Restatus finds malformed (a malformed entity-tag list, an unreadable JSON body, a declared path's malformed `Content-Type` or `Accept`)",
        List.of(),
        errorBody + "; `violations` for invalid input");
    add(
        401,
        "the application requires authentication",
        List.of(
            "`WWW-Authenticate` (" + code(c.authenticate()) + " when the application sends none)"),
        errorBody);
    if (c.concealForbidden().isEmpty()) {
      add(403, "the application refuses the request", List.of(), errorBody);
    } else {
      add(
          403,
          "the application refuses the request, except on "
              + patterns(c.concealForbidden())
              + " (there: 404)",
          List.of(),
          errorBody);
      add(
          404,
          "every 403, 404 and 405 (and the application's own 406, 415 and 501) and every"
              + " `OPTIONS` on "
              + patterns(c.concealForbidden())
              + ": one canonical not-found, the same whether the resource exists or not",
          List.of(),
          errorBody);
    }
    add(404, "no such resource", List.of(), errorBody);
    if (!c.defer().isEmpty()) {
      add(
          404,
          "an unknown, expired or foreign operation id under " + code(c.deferMonitorPath()),
          List.of(),
          "the canonical not-found");
    }
    add(
        405,
        "a method the resource does not implement",
        List.of(
            "`Allow`"
                + (c.allowOverrides().isEmpty()
                    ? ""
                    : " (set for " + patterns(c.allowOverrides().keySet()) + ")")),
        errorBody);
    c.produces()
        .forEach(
            (pattern, types) ->
                add(
                    406,
                    "an `Accept` excluding " + codes(types) + " on " + code(pattern.toString()),
                    List.of("`Vary: Accept`"),
                    errorBody + " with `available`"));
    add(409, "the application reports a conflict", List.of(), errorBody);
    if (!c.gone().isEmpty()) {
      add(410, "any method on " + patterns(c.gone()), List.of(), errorBody);
    }
    add(
        412,
        "a failed `If-Match`, `If-Unmodified-Since` or `If-None-Match: *` (a write is refused before it runs where its current state is known)",
        List.of(),
        errorBody);
    c.consumes()
        .forEach(
            (pattern, types) ->
                add(
                    415,
                    "a POST, PUT or PATCH body that is not "
                        + codes(types)
                        + " on "
                        + code(pattern.toString()),
                    List.of("`Accept-Post` / `Accept-Patch`"),
                    errorBody + " with `accepted`"));
    add(
        c.validationStatus(),
        "invalid input (Bean Validation, `InvalidRequestException`)",
        List.of(),
        errorBody + " and `violations` (`field`, `message`)");
    if (!c.preconditionRequired().isEmpty()) {
      add(
          428,
          "a PUT, PATCH or DELETE on "
              + patterns(c.preconditionRequired())
              + " without `If-Match` or `If-Unmodified-Since`",
          List.of(),
          errorBody + " naming the header to send");
    }
    add(
        429,
        "the application limits the rate",
        List.of("`Retry-After` (" + c.retryAfter() + " s when the application sends none)"),
        errorBody);
    add(
        500,
        "an uncaught exception or failure: nothing internal shown",
        List.of("`Restatus-Error-Id`"),
        errorBody + ", a generic `detail`");
    add(
        501,
        "a method outside "
            + codes(new java.util.TreeSet<>(c.methods()))
            + " (a container may refuse one itself first, as Tomcat answers TRACE with 405)",
        List.of(),
        errorBody);
    add(
        503,
        "the application is unavailable"
            + (c.maintenancePaths().isEmpty()
                ? ""
                : "; a maintenance window on " + patterns(c.maintenancePaths())),
        List.of("`Retry-After` (" + c.retryAfter() + " s when the application sends none)"),
        errorBody);
    c.exceptionStatuses()
        .forEach(
            (type, status) ->
                add(status, code(type) + " (or a subclass) is thrown", List.of(), errorBody));
  }

  private void add(int status, String when, List<String> headers, String body) {
    Row r = rows.computeIfAbsent(status, Row::new);
    r.when.add(when);
    for (String h : headers) {
      if (!r.headers.contains(h)) {
        r.headers.add(h);
      }
    }
    if (r.body == null) {
      r.body = body;
    }
  }

  private static String patterns(Collection<PathPattern> patterns) {
    return patterns.stream().map(p -> code(p.toString())).collect(Collectors.joining(", "));
  }

  /**
   * A configured value as a Markdown code span: a backtick in it cannot end the span, a pipe cannot
   * end the table cell, and in a code span nothing is taken for HTML.
   */
  private static String code(String value) {
    return "`" + value.replace("`", "'").replace("|", "\\|") + "`";
  }

  private static String codes(Collection<String> values) {
    return values.stream().map(ContractTable::code).collect(Collectors.joining(", "));
  }

  private static String duration(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /**
   * @param config the settings
   * @return the table for them
   */
  public static ContractTable of(RestatusConfig config) {
    return new ContractTable(config);
  }

  /**
   * @return the table in Markdown
   */
  public String markdown() {
    StringBuilder b = new StringBuilder("| status | meaning | when | headers | body |\n");
    b.append("|---|---|---|---|---|\n");
    for (Row r : rows.values()) {
      b.append("| ")
          .append(r.status)
          .append(" | ")
          .append(StatusCatalog.title(r.status))
          .append(" | ")
          .append(String.join("; ", r.when))
          .append(" | ")
          .append(r.headers.isEmpty() ? "" : String.join(", ", r.headers))
          .append(" | ")
          .append(r.body)
          .append(" |\n");
    }
    return b + "\n" + PROBLEM_NOTE + "\n";
  }

  /**
   * @return the table as an HTML document (the Markdown code spans as {@code <code>})
   */
  public String html() {
    StringBuilder b =
        new StringBuilder(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Status"
                + " codes</title></head><body>\n<table>\n<thead><tr><th>status</th><th>meaning</th>"
                + "<th>when</th><th>headers</th><th>body</th></tr></thead>\n<tbody>\n");
    for (Row r : rows.values()) {
      b.append("<tr><td>")
          .append(r.status)
          .append("</td><td>")
          .append(html(StatusCatalog.title(r.status)))
          .append("</td><td>")
          .append(html(String.join("; ", r.when)))
          .append("</td><td>")
          .append(html(String.join(", ", r.headers)))
          .append("</td><td>")
          .append(html(r.body))
          .append("</td></tr>\n");
    }
    return b.append("</tbody>\n</table>\n<p>")
        .append(html(PROBLEM_NOTE))
        .append("</p>\n</body></html>\n")
        .toString();
  }

  private static String html(String markdown) {
    String escaped =
        markdown
            .replace("\\|", "|")
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
    StringBuilder b = new StringBuilder();
    boolean open = false;
    for (char ch : escaped.toCharArray()) {
      if (ch == '`') {
        b.append(open ? "</code>" : "<code>");
        open = !open;
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /**
   * @return the table as JSON: {@code
   *     {"statuses":[{"status","title","when":[],"headers":[],"body"}]}}
   */
  public String json() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("problem", PROBLEM_NOTE.replace("`", ""));
    ArrayNode list = root.putArray("statuses");
    for (Row r : rows.values()) {
      ObjectNode n = list.addObject();
      n.put("status", r.status);
      n.put("title", StatusCatalog.title(r.status));
      ArrayNode when = n.putArray("when");
      r.when.forEach(w -> when.add(plain(w)));
      ArrayNode headers = n.putArray("headers");
      r.headers.forEach(h -> headers.add(plain(h)));
      n.put("body", plain(r.body));
    }
    try {
      return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Markdown text as plain text: no code-span backticks, no escaped pipes. */
  private static String plain(String markdown) {
    return markdown.replace("\\|", "|").replace("`", "");
  }

  /**
   * @param format {@code markdown}, {@code html} or {@code json}
   * @return the table in that format
   * @throws IllegalArgumentException for another format
   */
  public String format(String format) {
    switch (format.toLowerCase(Locale.ROOT)) {
      case "markdown":
      case "md":
        return markdown();
      case "html":
        return html();
      case "json":
        return json();
      default:
        throw new IllegalArgumentException(
            "unknown format " + format + "; allowed: markdown, html, json");
    }
  }

  /**
   * Prints the table: {@code --config <file>} (a {@code restatus.properties}, or an {@code
   * application.properties} whose other keys are ignored; default: the built-in defaults), {@code
   * --format markdown|html|json} (default markdown). A bad setting, format or file is a message on
   * standard error and exit status 2.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    String config = null;
    String format = "markdown";
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        config = args[++i];
      } else if (args[i].equals("--format") && i + 1 < args.length) {
        format = args[++i];
      } else {
        System.err.println(
            "usage: ContractTable [--config restatus.properties] [--format markdown|html|json]");
        System.exit(2);
        return;
      }
    }
    Map<String, String> settings = new TreeMap<>();
    if (config != null) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(Path.of(config))) {
        p.load(in);
      } catch (IOException e) {
        System.err.println("cannot read " + config + ": " + e);
        System.exit(2);
        return;
      }
      // an application.properties may hold other keys too: only restatus.* ones are settings
      p.forEach(
          (k, v) -> {
            if (String.valueOf(k).startsWith(RestatusConfig.PREFIX)) {
              settings.put(String.valueOf(k), String.valueOf(v));
            }
          });
    }
    String table;
    try {
      table = of(RestatusConfig.of(settings)).format(format);
    } catch (IllegalArgumentException | ConfigException e) {
      // a bad setting or format: the message says what is allowed
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.out.print(table);
  }
}
