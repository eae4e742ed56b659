package dev.restatus.servlet;

import dev.restatus.core.scenario.Adversarial;
import dev.restatus.core.scenario.Adversarial.Probe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The servlet part of the never-worse corpus: client input containers parse, failure modes. */
final class HostileCorpus {

  private HostileCorpus() {}

  static List<Probe> servlet() {
    List<Probe> p = new ArrayList<>(Adversarial.common());
    String form = "application/x-www-form-urlencoded";
    p.add(Probe.of("bad query escape read by getParameter", "GET", "/input/param?x=%zz"));
    p.add(Probe.of("good query read by getParameter", "GET", "/input/param?x=1"));
    p.add(Probe.of("bad form escape", "POST", "/input/form").body(form, bytes("a=%zz")));
    p.add(
        Probe.of("form with a bogus charset", "POST", "/input/form")
            .body(form + "; charset=bogus", bytes("a=b")));
    StringBuilder keys = new StringBuilder("a=1");
    for (int i = 0; i < 20_000; i++) {
      keys.append("&k").append(i).append("=v");
    }
    p.add(Probe.of("too many form keys", "POST", "/input/form").body(form, bytes(keys.toString())));
    p.add(
        Probe.of("oversized form", "POST", "/input/form")
            .body(form, bytes("a=" + "x".repeat(3 * 1024 * 1024))));
    p.add(
        Probe.of("malformed chunked body", "POST", "/input/read")
            .header("Transfer-Encoding: chunked")
            .rawBody(bytes("zz\r\nhello\r\n0\r\n\r\n")));
    p.add(
        Probe.of("good chunked body", "POST", "/input/read")
            .header("Transfer-Encoding: chunked")
            .rawBody(bytes("5\r\nhello\r\n0\r\n\r\n")));
    String boundary = "multipart/form-data; boundary=XyZ";
    p.add(
        Probe.of("good multipart body", "POST", "/input/parts")
            .body(
                boundary,
                bytes(
                    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ--\r\n")));
    p.add(
        Probe.of("truncated multipart body", "POST", "/input/parts")
            .body(boundary, bytes("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1")));
    p.add(
        Probe.of("multipart without a boundary", "POST", "/input/parts")
            .body("multipart/form-data", bytes("--XyZ\r\n")));
    p.add(Probe.of("bogus response charset", "GET", "/input/charset"));
    p.add(Probe.of("large success", "GET", "/big"));
    p.add(Probe.of("failure after commit", "GET", "/committed"));
    p.add(Probe.of("status after the first write", "GET", "/late-status/500"));
    p.add(Probe.of("leaky kept body", "GET", "/leaky/500"));
    p.add(Probe.of("stack trace page", "GET", "/stack"));
    p.add(Probe.of("include with sendError", "GET", "/include-error"));
    p.add(Probe.of("range error", "GET", "/range"));
    p.add(Probe.of("forward to an error", "GET", "/edge/forward-error"));
    p.add(Probe.of("stray body on 204", "GET", "/body/204"));
    p.add(Probe.of("concealed resource", "GET", "/vault/secret"));
    p.add(Probe.of("missing concealed resource", "GET", "/vault/absent"));
    return p;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
