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
  void everyDocumentedKeyIsAKnownSetting() {
    for (RestatusConfig.Key k : RestatusConfig.keys()) {
      String key =
          k.name().replace("<class>", "java.lang.Exception").replace("<path-pattern>", "/x");
      String value =
          k.defaultValue().isEmpty()
              ? (key.startsWith(RestatusConfig.EXCEPTION_PREFIX) ? "500" : "GET")
              : k.defaultValue();
      if (key.equals(RestatusConfig.KEEP_ERROR_BODIES)) {
        value = "application/json";
      } else if (key.equals(RestatusConfig.CONCEAL_FORBIDDEN)) {
        value = "/x";
      }
      RestatusConfig.of(java.util.Map.of(key, value));
    }
  }
}
