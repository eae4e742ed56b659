package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restatus.core.RulesTest.Req;
import dev.restatus.core.RulesTest.Resp;
import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.Restatus;
import dev.restatus.core.internal.http.ErrorNegotiation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/**
 * Negotiated error bodies: problem+json by default, problem+xml for a client preferring XML, the
 * application's own HTML page for a client preferring HTML, {@code Vary: Accept} wherever the
 * answer depends on it, and the canonical not-found the same whatever {@code Accept} says.
 */
class NegotiatedBodiesTest {

  private static final String BROWSER =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private final Restatus engine =
      Restatus.create(RestatusConfig.of(Map.of("restatus.conceal-forbidden", "/vault/**")), null);

  @AfterEach
  void close() {
    engine.close();
  }

  private static Req accepting(String path, String accept) {
    return new Req("GET", path, accept == null ? Map.of() : Map.of("Accept", accept), Set.of());
  }

  @ParameterizedTest(name = "{0} -> html {1}, xml {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "NONE | false | false",
        "'' | false | false",
        "*/* | false | false",
        "application/json | false | false",
        "application/xml | false | true",
        "application/problem+xml | false | true",
        "text/xml | false | true",
        "'application/xml, application/json' | false | false",
        "'application/json;q=0.5, application/problem+xml' | false | true",
        "'application/problem+json, application/xml;q=0.9' | false | false",
        "text/html | true | false",
        "text/* | true | true",
        "'text/html;q=0.5, application/json' | false | false",
        "'text/html, application/json;q=0' | true | false",
        "'" + BROWSER + "' | true | true",
        "'application/xml;q=2' | false | false",
        "'text/html;q=abc' | false | false",
      })
  void whatAnAcceptPrefers(String accept, boolean html, boolean xml) {
    assertThat(ErrorNegotiation.of(accept)).isEqualTo(new ErrorNegotiation(html, xml));
  }

  @Property
  void anyAcceptIsNegotiatedWithoutFailing(@ForAll String accept) {
    assertThat(ErrorNegotiation.of(accept)).isNotNull();
  }

  @Test
  void theDefaultIsProblemJsonVaryingOnAccept() {
    Decision.Replace d = replaced(engine.onResponse(accepting("/x", null), Resp.of(404)));
    assertThat(d.contentType()).isEqualTo(Problem.MEDIA_TYPE);
    assertThat(d.headers().set()).containsEntry("Vary", List.of("Accept"));
  }

  @Test
  void aClientPreferringXmlGetsProblemXml() throws Exception {
    Decision.Replace d =
        replaced(engine.onResponse(accepting("/x", "application/xml"), Resp.of(409)));
    assertThat(d.contentType()).isEqualTo(XmlProblemRenderer.MEDIA_TYPE);
    Element p = parse(d.bytes());
    assertThat(p.getNamespaceURI()).isEqualTo("urn:ietf:rfc:7807");
    assertThat(child(p, "status")).isEqualTo("409");
    assertThat(child(p, "errorId")).isEqualTo(d.headers().first(Restatus.ERROR_ID_HEADER));
  }

  @Test
  void theApplicationsVaryIsKeptAndAcceptAdded() {
    Decision d = engine.onResponse(accepting("/x", null), Resp.of(404).header("Vary", "Origin"));
    assertThat(d.headers().set()).containsEntry("Vary", List.of("Origin, Accept"));
    Decision star = engine.onResponse(accepting("/x", null), Resp.of(404).header("Vary", "*"));
    assertThat(star.headers().set()).doesNotContainKey("Vary");
  }

  @Test
  void theCanonicalNotFoundIsTheSameWhateverAcceptSays() {
    for (String accept : new String[] {null, "application/xml", BROWSER, "text/html"}) {
      Decision.Replace d =
          replaced(
              engine.onResponse(
                  accepting("/vault/a", accept), Resp.of(403).body("text/html").withErrorPage()));
      assertThat(d.status()).isEqualTo(404);
      assertThat(d.contentType()).as(accept).isEqualTo(Problem.MEDIA_TYPE);
      assertThat(d.headers().set()).as(accept).doesNotContainKey("Vary");
    }
  }

  @Test
  void aBrowserKeepsTheApplicationsHtmlPage() {
    Decision d = engine.onResponse(accepting("/x", BROWSER), Resp.of(404).body("text/html"));
    assertThat(d).isInstanceOf(Decision.Keep.class);
    assertThat(d.headers().set()).containsEntry("Vary", List.of("Accept"));
    Decision server = engine.onResponse(accepting("/x", BROWSER), Resp.of(503).body("text/html"));
    assertThat(server).isInstanceOf(Decision.Keep.class); // then looked at, as any kept 5xx
    assertThat(server.headers().set()).containsEntry("Retry-After", List.of("120"));
  }

  @Test
  void anApiClientGetsAProblemInsteadOfTheHtmlPage() {
    replaced(
        engine.onResponse(accepting("/x", "application/json"), Resp.of(404).body("text/html")));
    replaced(engine.onResponse(accepting("/x", null), Resp.of(404).body("text/html")));
  }

  @Test
  void aBrowserGetsTheErrorPageOfASentErrorOnlyWhereOneExists() {
    Resp withPage = Resp.of(404).sendError("gone fishing").withErrorPage();
    assertThat(engine.onResponse(accepting("/x", BROWSER), withPage))
        .isInstanceOf(Decision.Keep.class);
    Resp noPage = Resp.of(404).sendError("gone fishing");
    assertThat(replaced(engine.onResponse(accepting("/x", BROWSER), noPage)).contentType())
        .isEqualTo(XmlProblemRenderer.MEDIA_TYPE);
    Resp json = Resp.of(404).sendError("gone fishing").withErrorPage();
    replaced(engine.onResponse(accepting("/x", "application/json"), json));
  }

  @Test
  void aLeakingHtmlPageIsReplacedInTheFormatTheClientPrefers() {
    String page = "<pre>java.lang.IllegalStateException: boom\n\tat com.acme.Foo.bar(Foo.java:1)";
    Decision.Replace d =
        engine.inspect(accepting("/x", BROWSER), 500, page).orElseThrow(AssertionError::new);
    assertThat(d.contentType()).isEqualTo(XmlProblemRenderer.MEDIA_TYPE);
    assertThat(new String(d.bytes(), StandardCharsets.US_ASCII)).doesNotContain("com.acme");
  }

  @Test
  void anExceptionsProblemIsRenderedAsNegotiated() throws Exception {
    Req xml = accepting("/x", "application/xml");
    var f = engine.onException(xml, new IllegalStateException("secret"));
    assertThat(f.headers()).containsEntry("Vary", List.of("Accept"));
    String type = engine.problemMediaType(xml);
    assertThat(type).isEqualTo(XmlProblemRenderer.MEDIA_TYPE);
    Element p = parse(engine.render(f.problem(), type));
    assertThat(child(p, "status")).isEqualTo("500");
    assertThat(engine.problemMediaType(accepting("/x", null))).isEqualTo(Problem.MEDIA_TYPE);
  }

  @Test
  void aRendererOfTheApplicationsOwnWritesEveryProblemAndNothingVaries() {
    try (Restatus own =
        Restatus.create(
            RestatusConfig.of(Map.of("restatus.renderer", TextProblemRenderer.class.getName())),
            null)) {
      Decision.Replace d =
          replaced(own.onResponse(accepting("/x", "application/xml"), Resp.of(404)));
      assertThat(d.contentType()).isEqualTo("text/x-problem");
      assertThat(d.headers().set()).doesNotContainKey("Vary");
      assertThat(own.problemMediaType(accepting("/x", "application/xml")))
          .isEqualTo("text/x-problem");
    }
  }

  @Test
  void theXmlFormatIsThatOfRfc9457AppendixB() {
    Problem p =
        Problem.builder(403)
            .type("https://example.com/probs/out-of-credit")
            .title("You do not have enough credit.")
            .detail("Your current balance is 30, but that costs 50.")
            .instance("/account/12345/msgs/abc")
            .extension("balance", 30)
            .extension("accounts", List.of("/account/12345", "/account/67890"))
            .build();
    assertThat(new String(new XmlProblemRenderer().render(p), StandardCharsets.US_ASCII))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<problem xmlns=\"urn:ietf:rfc:7807\">"
                + "<type>https://example.com/probs/out-of-credit</type>"
                + "<title>You do not have enough credit.</title>"
                + "<status>403</status>"
                + "<detail>Your current balance is 30, but that costs 50.</detail>"
                + "<instance>/account/12345/msgs/abc</instance>"
                + "<balance>30</balance>"
                + "<accounts><i>/account/12345</i><i>/account/67890</i></accounts>"
                + "</problem>\n");
  }

  @Test
  void xmlEscapesMarkupNonAsciiAndWhatXmlCannotCarry() throws Exception {
    Problem p =
        Problem.builder(400)
            .detail("<a & b> caf\u00e9 \ud83d\ude00 \u0001 \ud800")
            .extension("1 bad name", Map.of("xml-ish", true))
            .extension("xmlns", "x")
            .build();
    byte[] bytes = new XmlProblemRenderer().render(p);
    String s = new String(bytes, StandardCharsets.US_ASCII);
    assertThat(s)
        .contains("<detail>&lt;a &amp; b&gt; caf&#xe9; &#x1f600; &#xfffd; &#xfffd;</detail>")
        .contains("<_1_bad_name><_xml-ish>true</_xml-ish></_1_bad_name>")
        .contains("<_xmlns>x</_xmlns>");
    assertThat(child(parse(bytes), "detail"))
        .isEqualTo("<a & b> caf\u00e9 \ud83d\ude00 \ufffd \ufffd");
  }

  private static Decision.Replace replaced(Decision d) {
    assertThat(d).isInstanceOf(Decision.Replace.class);
    return (Decision.Replace) d;
  }

  private static Element parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
  }

  private static String child(Element e, String name) {
    var l = e.getElementsByTagNameNS("urn:ietf:rfc:7807", name);
    return l.getLength() == 0 ? null : l.item(0).getTextContent();
  }
}
