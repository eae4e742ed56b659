package dev.restatus.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for the checks where framing matters: what bytes follow the
 * headers, and whether {@code Content-Length} and {@code Transfer-Encoding} are there.
 */
public final class RawHttp {

  /** A response as it came off the wire. */
  public record Response(String statusLine, Map<String, String> headers, byte[] body) {
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
    URI uri = URI.create(base + path);
    try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
      s.setSoTimeout(10_000);
      String req =
          method
              + " "
              + uri.getRawPath()
              + " HTTP/1.1\r\nHost: "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + "\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      byte[] all = readAll(s.getInputStream());
      int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(end).as("end of headers").isGreaterThan(0);
      String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.merge(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
      byte[] body = new byte[all.length - end - 4];
      System.arraycopy(all, end + 4, body, 0, body.length);
      return new Response(lines[0], headers, body);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    for (int n; (n = in.read(buf)) >= 0; ) {
      out.write(buf, 0, n);
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
