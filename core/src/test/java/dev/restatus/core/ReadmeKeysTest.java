package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's key table is the one {@link RestatusConfig#keys()} renders, row for row. */
class ReadmeKeysTest {

  static String render() {
    return "| key | type | default | meaning |\n|---|---|---|---|\n"
        + RestatusConfig.keys().stream()
            .map(
                k ->
                    "| `"
                        + k.name()
                        + "` | "
                        + k.type()
                        + " | "
                        + (k.defaultValue().isEmpty() ? "(none)" : "`" + k.defaultValue() + "`")
                        + " | "
                        + k.meaning()
                        + " |")
            .collect(Collectors.joining("\n"));
  }

  @Test
  void readmeTableMatchesTheCode() throws Exception {
    String readme =
        Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8).replace("\r", "");
    int start = readme.indexOf("<!-- keys:start");
    int end = readme.indexOf("<!-- keys:end -->");
    assertThat(start).as("README key table markers").isPositive();
    String table = readme.substring(readme.indexOf('\n', start) + 1, end).trim();
    assertThat(table).as("README key table; expected:\n" + render()).isEqualTo(render());
  }

  @Test
  void everyKeyConstantIsInTheTable() throws Exception {
    java.util.Set<String> documented = new java.util.HashSet<>();
    RestatusConfig.keys().forEach(k -> documented.add(k.name().replaceAll("<[^>]+>$", "")));
    int constants = 0;
    for (java.lang.reflect.Field f : RestatusConfig.class.getFields()) {
      if (f.getType() == String.class
          && java.lang.reflect.Modifier.isStatic(f.getModifiers())
          && ((String) f.get(null)).startsWith(RestatusConfig.PREFIX)
          && !f.get(null).equals(RestatusConfig.PREFIX)) {
        constants++;
        assertThat(documented).as(f.getName() + " in the key table").contains((String) f.get(null));
      }
    }
    assertThat(constants).isEqualTo(RestatusConfig.keys().size());
  }
}
