package dev.restatus.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for the checks where framing matters: what bytes follow the
 * headers, and whether {@code Content-Length} and {@code Transfer-Encoding} are there.
 */
public final class RawHttp {

  /**
   * A response as it came off the wire.
   *
   * @param statusLine the status line
   * @param headers the headers, names lower-cased, repeated ones joined with ", "
   * @param body the bytes after the headers (chunked framing left in place)
   * @param complete whether the body is all there: the last chunk of a chunked body arrived, or as
   *     many bytes as Content-Length promised
   */
  public record Response(
      String statusLine, Map<String, String> headers, byte[] body, boolean complete) {
    /**
     * @return the status code
     */
    public int status() {
      return Integer.parseInt(statusLine.split(" ")[1]);
    }

    /**
     * @param name a header name, any case
     * @return its value, or {@code null}
     */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  /**
   * Sends one request with {@code Connection: close} and reads everything until the server closes.
   *
   * @param base the application root URL
   * @param method the method
   * @param path the path below the root
   * @return the response, body bytes undecoded (chunked framing left in place)
   */
  public static Response exchange(String base, String method, String path) throws IOException {
    return exchange(base, method, path, List.of(), null);
  }

  /**
   * Sends one request exactly as given, with {@code Connection: close}, and reads everything until
   * the server closes.
   *
   * @param base the application root URL
   * @param method the method, sent as given (any case)
   * @param target the request target below the root, sent as given (no normalisation)
   * @param headerLines extra header lines, each {@code Name: value}, sent as given
   * @param body the request body, sent as given after the headers; {@code null} for none
   * @return the response
   */
  public static Response exchange(
      String base, String method, String target, List<String> headerLines, byte[] body)
      throws IOException {
    return exchange(base, method, target, "HTTP/1.1", headerLines, body);
  }

  /**
   * {@link #exchange(String, String, String, List, byte[])} with another protocol in the request
   * line ({@code HTTP/1.0}).
   */
  public static Response exchange(
      String base,
      String method,
      String target,
      String protocol,
      List<String> headerLines,
      byte[] body)
      throws IOException {
    URI uri = URI.create(base);
    try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
      s.setSoTimeout(15_000);
      StringBuilder req =
          new StringBuilder(method)
              .append(' ')
              .append(uri.getRawPath())
              .append(target)
              .append(' ')
              .append(protocol)
              .append("\r\nHost: ")
              .append(uri.getHost())
              .append(':')
              .append(uri.getPort())
              .append("\r\nConnection: close\r\n");
      for (String h : headerLines) {
        req.append(h).append("\r\n");
      }
      req.append("\r\n");
      try {
        s.getOutputStream().write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
          s.getOutputStream().write(body);
        }
        s.getOutputStream().flush();
      } catch (java.net.SocketException e) {
        // the server answered and closed before taking the whole request: read its answer
      }
      byte[] all = readAll(s.getInputStream());
      int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(end).as("end of headers of " + method + " " + target).isGreaterThan(0);
      String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.merge(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
      byte[] rest = new byte[all.length - end - 4];
      System.arraycopy(all, end + 4, rest, 0, rest.length);
      boolean complete = true;
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        complete = new String(rest, StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n");
      } else if (headers.containsKey("content-length") && !method.equals("HEAD")) {
        int code = Integer.parseInt(lines[0].split(" ")[1]);
        if (code != 304 && code != 204) {
          complete = rest.length == Long.parseLong(headers.get("content-length"));
        }
      }
      return new Response(lines[0], headers, rest, complete);
    }
  }

  /**
   * @param chunked a chunked body as it came off the wire
   * @return its content
   */
  public static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < chunked.length) {
      int eol = indexOf(java.util.Arrays.copyOfRange(chunked, i, chunked.length), CRLF);
      if (eol < 0) {
        break;
      }
      String size = new String(chunked, i, eol, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int n = Integer.parseInt(size, 16);
      i += eol + 2;
      if (n == 0 || i + n > chunked.length) {
        break;
      }
      out.write(chunked, i, n);
      i += n + 2;
    }
    return out.toByteArray();
  }

  private static final byte[] CRLF = {'\r', '\n'};

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
      }
    } catch (java.net.SocketException e) {
      // an aborted response: what arrived is what the client got
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= data.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (data[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * The framing checks every adapter must pass: a small success still framed by {@code
   * Content-Length}, HEAD of an error, 204 with a stray body, and an error whose application-set
   * {@code Content-Length} no longer fits the problem.
   *
   * @param base the application root URL
   */
  public static void checkFraming(String base) throws IOException {
    Response ok = exchange(base, "GET", "/ok");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Content-Length"))
        .as("a small success keeps the Content-Length the container computes")
        .isEqualTo("2");
    assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo("ok");

    Response head = exchange(base, "HEAD", "/status/404");
    assertThat(head.status()).isEqualTo(404);
    assertThat(head.header("Content-Type")).startsWith("application/problem+json");
    assertThat(head.body()).as("HEAD carries no body").isEmpty();

    Response noContent = exchange(base, "GET", "/body/204");
    assertThat(noContent.status()).isEqualTo(204);
    assertThat(noContent.header("Content-Length")).as(noContent.toString()).isNull();
    assertThat(noContent.header("Content-Type")).isNull();
    assertThat(noContent.header("Transfer-Encoding")).isNull();
    assertThat(noContent.body()).isEmpty();

    Response replaced = exchange(base, "GET", "/html/404");
    assertThat(replaced.status()).isEqualTo(404);
    String length = replaced.header("Content-Length");
    if (length != null) {
      assertThat(replaced.body()).hasSize(Integer.parseInt(length));
    } else {
      assertThat(replaced.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
    }
    assertThat(new String(replaced.body(), StandardCharsets.UTF_8))
        .contains("\"status\":404")
        .doesNotContain("legacy error page");
  }
}
