package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restatus.core.internal.config.Declared;
import dev.restatus.core.internal.config.Keys;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's key table is the one the declarations render, row for row, and the public key names
 * of {@link RestatusConfig} are exactly the declared ones.
 */
class ReadmeKeysTest {

  @Test
  void readmeTableMatchesTheDeclarations() throws Exception {
    String readme =
        Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8).replace("\r", "");
    int start = readme.indexOf("<!-- keys:start");
    int end = readme.indexOf("<!-- keys:end -->");
    assertThat(start).as("README key table markers").isPositive();
    String table = readme.substring(readme.indexOf('\n', start) + 1, end).trim();
    assertThat(table)
        .as("README key table; expected:\n" + Keys.markdownTable())
        .isEqualTo(Keys.markdownTable());
  }

  @Test
  void thePublicKeyNamesAreTheDeclaredOnes() throws Exception {
    List<String> constants = new ArrayList<>();
    for (Field f : RestatusConfig.class.getFields()) {
      if (f.getType() == String.class
          && Modifier.isStatic(f.getModifiers())
          && !f.getName().equals("PREFIX")) {
        constants.add((String) f.get(null));
      }
    }
    List<String> declared = new ArrayList<>();
    for (Declared d : Keys.ALL) {
      declared.add(d.displayName().replaceAll("<[^>]+>$", ""));
    }
    assertThat(constants).containsExactlyInAnyOrderElementsOf(declared);
  }
}
