package dev.restatus.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restatus.core.Problem;
import dev.restatus.core.XmlProblemRenderer;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * Fuzz target of the {@code application/problem+xml} writer: whatever text a detail or an extension
 * carries (and whatever its member name), the bytes are ASCII, parse as one well-formed document in
 * the RFC 9457 namespace, and give the text back but for the characters XML cannot carry (U+FFFD).
 */
class ProblemXmlFuzzTest {

  private static final DocumentBuilderFactory XML = DocumentBuilderFactory.newInstance();

  static {
    XML.setNamespaceAware(true);
  }

  @FuzzTest(maxDuration = "5s")
  void anyTextRendersAsWellFormedXml(FuzzedDataProvider data) throws Exception {
    String detail = data.consumeString(200);
    String name = data.consumeString(20);
    String value = data.consumeRemainingAsString();
    Problem.Builder b = Problem.builder(400).detail(detail);
    if (!name.isBlank()
        && !List.of("type", "title", "status", "detail", "instance").contains(name)) {
      b.extension(name, List.of(value, value.length()));
    }
    byte[] bytes = new XmlProblemRenderer().render(b.build());
    for (byte x : bytes) {
      assertThat(x).isBetween((byte) 0x09, (byte) 0x7e);
    }
    Element root =
        XML.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(XmlProblemRenderer.NAMESPACE);
    assertThat(
            root.getElementsByTagNameNS(XmlProblemRenderer.NAMESPACE, "detail")
                .item(0)
                .getTextContent())
        .isEqualTo(carried(detail));
  }

  /** The text as XML 1.0 can carry it. */
  static String carried(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .forEach(
            c -> {
              boolean ok =
                  c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0x7e)
                      || (c > 0x7f && c < 0xd800)
                      || (c >= 0xe000 && c <= 0xfffd)
                      || c >= 0x10000;
              out.appendCodePoint(ok ? c : 0xfffd);
            });
    return out.toString();
  }
}
