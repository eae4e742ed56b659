package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The status-code table against golden files ({@code src/test/resources/contract}): the built-in
 * defaults, and a configuration with every kind of rule in Markdown, HTML and JSON. A failure shows
 * the table as it is now: review it, and copy it over the golden file if it is right.
 */
class ContractTableTest {

  private static String golden(String name) throws IOException {
    try (InputStream in = ContractTableTest.class.getResourceAsStream("/contract/" + name)) {
      assertThat(in).as("golden file " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
    }
  }

  private static RestatusConfig rich() throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        ContractTableTest.class.getResourceAsStream("/contract/rich.properties")) {
      p.load(in);
    }
    Map<String, String> m = new TreeMap<>();
    p.forEach((k, v) -> m.put(String.valueOf(k), String.valueOf(v)));
    return RestatusConfig.of(m);
  }

  @Test
  void theDefaultsTable() throws IOException {
    assertThat(ContractTable.of(RestatusConfig.of(Map.of())).markdown())
        .isEqualTo(golden("defaults.md"));
  }

  @Test
  void aTableWithEveryKindOfRule() throws IOException {
    ContractTable t = ContractTable.of(rich());
    assertThat(t.markdown()).isEqualTo(golden("rich.md"));
    assertThat(t.html()).isEqualTo(golden("rich.html"));
    assertThat(t.json()).isEqualTo(golden("rich.json"));
  }

  @Test
  void theJsonListsEachStatusOnceInOrder() throws IOException {
    JsonNode statuses =
        new ObjectMapper().readTree(ContractTable.of(rich()).json()).get("statuses");
    int last = 0;
    for (JsonNode s : statuses) {
      assertThat(s.get("status").asInt()).isGreaterThan(last);
      last = s.get("status").asInt();
      assertThat(s.get("title").asText()).isEqualTo(StatusCatalog.title(last));
      assertThat(s.get("when")).isNotEmpty();
    }
    assertThat(statuses.findValuesAsText("status"))
        .contains("202", "303", "410", "415", "422", "428", "503");
  }

  @Test
  void anUnknownFormatSaysWhichAreAllowed() {
    assertThatThrownBy(() -> ContractTable.of(RestatusConfig.of(Map.of())).format("xml"))
        .hasMessageContaining("markdown, html, json");
  }
}
