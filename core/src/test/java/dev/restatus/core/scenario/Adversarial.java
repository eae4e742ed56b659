package dev.restatus.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The adversarial corpus every stack of the matrix runs: path spellings, methods and {@code Accept}
 * values against the canonical not-found, and hostile requests compared with the bare stack.
 * Failures are collected and reported together, so one run shows every difference.
 */
public final class Adversarial {

  /** The concealed resource that exists (the fixture refuses everyone with 403). */
  public static final String EXISTING = "/vault/secret";

  /** A missing resource below the same concealed pattern; the same length as {@link #EXISTING}. */
  public static final String MISSING = "/vault/absent";

  /** Methods the concealment differential sends. */
  public static final List<String> METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /** {@code Accept} values the concealment differential sends ({@code null}: none). */
  public static final List<String> ACCEPTS =
      java.util.Arrays.asList(null, "application/json", "text/html", "application/xml;q=0.9, */*");

  /** Spellings of a path that a container may route to the same resource. */
  public static final Map<String, UnaryOperator<String>> SPELLINGS = spellings();

  private static Map<String, UnaryOperator<String>> spellings() {
    Map<String, UnaryOperator<String>> m = new java.util.LinkedHashMap<>();
    m.put("as is", p -> p);
    m.put("double slash", p -> "/" + p);
    m.put("dot segment", p -> "/." + p);
    m.put("dot-dot segment", p -> "/x/.." + p);
    m.put("path parameter", p -> p.replaceFirst("^/vault", "/vault;a=b"));
    m.put("trailing jsessionid", p -> p + ";jsessionid=0123");
    m.put("percent-encoded letter", p -> p.replaceFirst("^/vault", "/%76ault"));
    m.put(
        "percent-encoded last letter",
        p -> p.substring(0, 7) + "%" + hex(p.charAt(7)) + p.substring(8));
    m.put("encoded slash", p -> p.replaceFirst("^/vault/", "/vault%2F"));
    m.put("trailing slash", p -> p + "/");
    m.put("trailing dot", p -> p + ".");
    m.put("upper case", p -> p.replaceFirst("^/vault", "/VAULT"));
    return m;
  }

  private static String hex(char c) {
    return String.format("%02X", (int) c);
  }

  private Adversarial() {}

  /**
   * @return the number of exchanges {@link #checkConcealment} compares (each sends two requests)
   */
  public static int concealmentCases() {
    return METHODS.size() * ACCEPTS.size() * SPELLINGS.size();
  }

  /**
   * For every method, {@code Accept} value and spelling: the concealed resource and the missing one
   * answer byte for byte alike, but for {@code Date}, the error id, and the resource's name where a
   * response echoes it.
   *
   * @param base the application root URL
   */
  public static void checkConcealment(String base) throws IOException {
    checkConcealment(base, EXISTING, MISSING);
  }

  /**
   * {@link #checkConcealment(String)} for another pair of paths below {@code /vault/}.
   *
   * @param base the application root URL
   * @param existing the path of a resource that exists (or is refused before it is reached)
   * @param missing the path of a missing resource, the same length as {@code existing}
   */
  public static void checkConcealment(String base, String existing, String missing)
      throws IOException {
    String existingName = existing.substring(existing.lastIndexOf('/') + 1);
    String missingName = missing.substring(missing.lastIndexOf('/') + 1);
    List<String> differences = new ArrayList<>();
    for (String method : METHODS) {
      for (String accept : ACCEPTS) {
        for (Map.Entry<String, UnaryOperator<String>> spelling : SPELLINGS.entrySet()) {
          String a1 = spelling.getValue().apply(existing);
          String b1 = spelling.getValue().apply(missing);
          String a = comparable(send(base, method, a1, accept), existingName);
          String b = comparable(send(base, method, b1, accept), missingName);
          if (a.equals(b) && spelling.getKey().equals("as is")) {
            // HTTP/1.0: HttpServlet answers a method it lacks with 400 instead of 405
            a = comparable(send(base, method, a1, accept, "HTTP/1.0"), existingName);
            b = comparable(send(base, method, b1, accept, "HTTP/1.0"), missingName);
          }
          if (!a.equals(b)) {
            differences.add(
                method
                    + " "
                    + a1
                    + " (Accept "
                    + accept
                    + ", "
                    + spelling.getKey()
                    + "):\n  existing: "
                    + a
                    + "\n  missing:  "
                    + b);
          }
        }
      }
    }
    assertThat(differences)
        .as(
            "concealed resource told apart from a missing one in %d of %d cases",
            differences.size(), concealmentCases())
        .isEmpty();
  }

  private static RawHttp.Response send(String base, String method, String target, String accept)
      throws IOException {
    return send(base, method, target, accept, "HTTP/1.1");
  }

  private static RawHttp.Response send(
      String base, String method, String target, String accept, String protocol)
      throws IOException {
    List<String> headers = new ArrayList<>();
    if (accept != null) {
      headers.add("Accept: " + accept);
    }
    byte[] body = null;
    if (List.of("POST", "PUT", "PATCH").contains(method)) {
      body = "{}".getBytes(StandardCharsets.US_ASCII);
      headers.add("Content-Type: application/json");
      headers.add("Content-Length: 2");
    }
    return RawHttp.exchange(base, method, target, protocol, headers, body);
  }

  /** The response as text with what may differ masked: date, error ids, the resource's name. */
  private static String comparable(RawHttp.Response r, String name) {
    Map<String, String> headers = new TreeMap<>(r.headers());
    headers.remove("date");
    headers.replaceAll(
        (k, v) -> k.equals("restatus-error-id") ? "<id>" : v.replace(name, "<name>"));
    String body =
        new String(r.body(), StandardCharsets.ISO_8859_1)
            .replaceAll("[0-9a-f]{16}", "<id>")
            .replace(name, "<name>");
    return r.statusLine() + " " + headers + " " + body;
  }

  /**
   * One hostile or ordinary request of the never-worse corpus.
   *
   * @param name what it tries
   * @param method the method, sent as given
   * @param target the target below the root, sent as given
   * @param headers header lines
   * @param body the body, or {@code null}
   */
  public record Probe(
      String name, String method, String target, List<String> headers, byte[] body) {

    /** A probe without headers or body. */
    public static Probe of(String name, String method, String target) {
      return new Probe(name, method, target, List.of(), null);
    }

    /** The same probe with a header line added. */
    public Probe header(String line) {
      List<String> h = new ArrayList<>(headers);
      h.add(line);
      return new Probe(name, method, target, h, body);
    }

    /** The same probe with a body and its Content-Length. */
    public Probe body(String contentType, byte[] content) {
      List<String> h = new ArrayList<>(headers);
      h.add("Content-Type: " + contentType);
      h.add("Content-Length: " + content.length);
      return new Probe(name, method, target, h, content);
    }

    /** The same probe with a raw (for example chunked) body sent as given. */
    public Probe rawBody(byte[] raw) {
      return new Probe(name, method, target, headers, raw);
    }

    @Override
    public String toString() {
      return name + " (" + method + " " + target + ")";
    }
  }

  /**
   * The part of the corpus every adapter serves: path spellings of a success, malformed and hostile
   * headers, methods in the wrong case, unknown methods.
   */
  public static List<Probe> common() {
    List<Probe> p = new ArrayList<>();
    p.add(Probe.of("plain success", "GET", "/ok"));
    p.add(Probe.of("HEAD of a success", "HEAD", "/ok"));
    p.add(Probe.of("path parameter on a success", "GET", "/ok;x=1"));
    p.add(Probe.of("percent-encoded success", "GET", "/%6Fk"));
    p.add(Probe.of("dot-dot to a success", "GET", "/x/../ok"));
    p.add(Probe.of("double slash", "GET", "//ok"));
    p.add(Probe.of("bad query escape", "GET", "/ok?x=%zz"));
    p.add(Probe.of("lower-case head", "head", "/ok"));
    p.add(Probe.of("lower-case get", "get", "/ok"));
    p.add(Probe.of("unknown method", "PROPFIND", "/ok"));
    p.add(Probe.of("method not allowed", "DELETE", "/ok"));
    p.add(Probe.of("missing resource", "GET", "/no-such-thing"));
    p.add(Probe.of("malformed Accept", "GET", "/ok").header("Accept: ((((;;;"));
    p.add(Probe.of("malformed Accept on an error", "GET", "/status/404").header("Accept: /;q=x"));
    p.add(Probe.of("bogus Accept-Charset", "GET", "/ok").header("Accept-Charset: bogus;q=2"));
    p.add(
        Probe.of("malformed If-None-Match", "GET", "/ok").header("If-None-Match: \"unterminated"));
    p.add(
        Probe.of("garbage If-Modified-Since", "GET", "/ok").header("If-Modified-Since: yesterday"));
    p.add(Probe.of("malformed Range", "GET", "/ok").header("Range: bytes=zz"));
    p.add(Probe.of("unsatisfiable Range", "GET", "/ok").header("Range: bytes=999999-"));
    p.add(Probe.of("malformed Content-Type", "POST", "/ok").body(";;;", new byte[] {'x'}));
    p.add(Probe.of("long header", "GET", "/ok").header("X-Long: " + "a".repeat(6000)));
    p.add(Probe.of("forged log line in path", "GET", "/no-such%0a%0dthing"));
    p.add(Probe.of("server error", "GET", "/throw/runtime"));
    p.add(Probe.of("HTML error page", "GET", "/html/404"));
    p.add(Probe.of("bare 204", "GET", "/status/204"));
    p.add(Probe.of("bare 304", "GET", "/status/304"));
    p.add(Probe.of("OPTIONS of a success", "OPTIONS", "/ok"));
    return p;
  }

  /**
   * Sends each probe to the bare stack and to the same application with Restatus, and checks that
   * Restatus never makes the answer worse: a bare success keeps its status and bytes; a bare 4xx is
   * not made a 5xx; a bare failure is not made a success; a response the bare stack cuts short is
   * not made complete; and every error Restatus sends is a framed problem that shows no secret.
   *
   * @param bare the root URL of the application without Restatus
   * @param wrapped the root URL of the same application with Restatus
   * @param probes the corpus
   */
  public static void checkNeverWorse(String bare, String wrapped, List<Probe> probes)
      throws IOException {
    List<String> worse = new ArrayList<>();
    for (Probe p : probes) {
      RawHttp.Response b = RawHttp.exchange(bare, p.method(), p.target(), p.headers(), p.body());
      RawHttp.Response w = RawHttp.exchange(wrapped, p.method(), p.target(), p.headers(), p.body());
      String why =
          verdict(
              p, b, w, java.net.URI.create(bare).getPath(), java.net.URI.create(wrapped).getPath());
      if (why != null) {
        worse.add(p + ": " + why + "\n  bare:    " + show(b) + "\n  wrapped: " + show(w));
      }
    }
    assertThat(worse)
        .as(
            "responses Restatus made worse than the bare stack, %d of %d",
            worse.size(), probes.size())
        .isEmpty();
  }

  private static String verdict(
      Probe p, RawHttp.Response b, RawHttp.Response w, String bareRoot, String wrappedRoot) {
    int bs = b.status();
    int ws = w.status();
    String bareText = new String(content(b), StandardCharsets.ISO_8859_1);
    String wrappedText = new String(content(w), StandardCharsets.ISO_8859_1);
    if (bs >= 400 && bs == ws && bareText.replace(bareRoot, wrappedRoot).equals(wrappedText)) {
      return null; // the container answered before any filter ran: the same as without Restatus
    }
    if (!b.complete()) {
      if (w.complete() && ws < 400) {
        return "a response the bare stack cut short looks complete";
      }
      return null;
    }
    if (!w.complete()) {
      return "cut short";
    }
    if (bs < 400) {
      if (ws != bs) {
        return "success status changed";
      }
      if (!java.util.Arrays.equals(content(b), content(w))) {
        return "success bytes changed";
      }
      boolean bodiless = bs == 204 || bs == 304 || p.method().equals("HEAD");
      if (!bodiless
          && (b.header("Content-Length") == null) != (w.header("Content-Length") == null)) {
        return "success framing changed";
      }
      return null;
    }
    if (ws < 400) {
      return "a failure made a success";
    }
    if (bs < 500 && ws >= 500 && !(bs == 405 && ws == 501)) {
      // the one deliberate exception: a method the server does not implement at all is a 501
      // (RFC 9110 section 15.6.2), where a framework without that rule says 405
      return "a client error made a server error";
    }
    if (!p.method().equals("HEAD")
        && !(w.header("Content-Type") + "").startsWith("application/problem+json")) {
      return "an error without a problem body";
    }
    String text = new String(content(w), StandardCharsets.ISO_8859_1);
    if (ws >= 500
        && (text.contains(Scenarios.SECRET)
            || text.contains("hunter2")
            || text.contains("Exception"))) {
      return "a 5xx body shows internals";
    }
    return null;
  }

  private static byte[] content(RawHttp.Response r) {
    return "chunked".equalsIgnoreCase(r.header("Transfer-Encoding"))
        ? RawHttp.dechunk(r.body())
        : r.body();
  }

  private static String show(RawHttp.Response r) {
    String body = new String(r.body(), StandardCharsets.ISO_8859_1);
    return r.statusLine()
        + (r.complete() ? "" : " (cut short)")
        + " "
        + r.headers()
        + " "
        + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
  }
}
