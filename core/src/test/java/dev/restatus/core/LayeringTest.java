package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of docs/ARCHITECTURE.md, enforced on the main sources of every module:
 * {@code dev.restatus.core} (what users touch) depends on neither the adapter contract nor the
 * rules, only on its own configuration parsing ({@code internal.config}); nothing outside {@code
 * dev.restatus.core.internal} uses the internals but the {@code Restatus} facade and the
 * configuration.
 */
class LayeringTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void onlyTheFacadeReachesTheInternals() throws IOException {
    List<String> offenders = new ArrayList<>();
    List<Path> sources = mainSources();
    for (Path f : sources) {
      String path = f.toString().replace('\\', '/');
      if (path.contains("/dev/restatus/core/internal/")
          || path.endsWith("/dev/restatus/core/adapter/Restatus.java")
          || path.endsWith("/dev/restatus/core/RestatusConfig.java")
          // the JMH benchmarks measure the internal parsers themselves; nothing ships them
          || path.contains("/benchmarks/src/main/java/dev/restatus/benchmarks/")) {
        continue;
      }
      if (Files.readString(f).contains("import dev.restatus.core.internal.")) {
        offenders.add(path);
      }
    }
    assertThat(sources).hasSizeGreaterThan(40);
    assertThat(offenders).as("files importing core internals").isEmpty();
  }

  @Test
  void theUserApiDependsOnNothingElseOfRestatus() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> api = Files.list(ROOT.resolve("core/src/main/java/dev/restatus/core"))) {
      for (Path f : api.filter(p -> p.toString().endsWith(".java")).toList()) {
        String s = Files.readString(f);
        if (s.contains("import dev.restatus.core.adapter.")
            || s.contains("import dev.restatus.core.internal.rules.")
            || s.contains("import dev.restatus.core.internal.http.")) {
          offenders.add(f.getFileName().toString());
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  private static List<Path> mainSources() throws IOException {
    try (Stream<Path> all = Files.walk(ROOT)) {
      return all.filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.toString().contains("/target/"))
          .toList();
    }
  }
}
