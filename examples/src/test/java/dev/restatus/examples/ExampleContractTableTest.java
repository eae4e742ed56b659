package dev.restatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restatus.core.ContractTable;
import dev.restatus.core.RestatusConfig;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's table of the example's status codes is the one {@link ContractTable} writes from the
 * {@code restatus.*} init-params of the example's {@code restatus-web.xml}. When it fails, the
 * message shows the table to paste between the README's {@code contract} markers.
 */
class ExampleContractTableTest {

  @Test
  void theReadmeShowsTheTableOfTheExamplesSettings() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Map<String, String> settings = new TreeMap<>();
    try (InputStream in =
        ExampleContractTableTest.class.getResourceAsStream(
            "/webapp-legacy/WEB-INF/restatus-web.xml")) {
      NodeList params = f.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "init-param");
      for (int i = 0; i < params.getLength(); i++) {
        Element p = (Element) params.item(i);
        String name = text(p, "param-name");
        if (name.startsWith(RestatusConfig.PREFIX)) {
          settings.put(name, text(p, "param-value"));
        }
      }
    }
    String readme =
        Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8).replace("\r", "");
    int start = readme.indexOf("<!-- contract:start -->\n");
    int end = readme.indexOf("<!-- contract:end -->");
    assertThat(start).as("README contract table markers").isPositive();
    assertThat(readme.substring(start + "<!-- contract:start -->\n".length(), end))
        .isEqualTo(ContractTable.of(RestatusConfig.of(settings)).markdown());
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagNameNS("*", name).item(0).getTextContent().trim();
  }
}
