package dev.restatus.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restatus.core.PathPattern;
import dev.restatus.core.adapter.RequestPaths;
import java.util.List;

/**
 * Fuzz target of path patterns, their captures and path normalisation together: a pattern compiles
 * or is refused with an {@link IllegalArgumentException}; a normalised path either matches with one
 * capture per wildcard or does not match, never anything else.
 */
class PathCaptureFuzzTest {

  @FuzzTest(maxDuration = "5s")
  void capturesFitTheirPattern(FuzzedDataProvider data) {
    String patternText = data.consumeString(40);
    String raw = data.consumeRemainingAsString();
    PathPattern pattern;
    try {
      pattern = PathPattern.compile(patternText);
    } catch (IllegalArgumentException refused) {
      return;
    }
    String path = RequestPaths.normalize(raw.startsWith("/") ? raw : "/" + raw);
    List<String> captures = pattern.capture(path);
    assertThat(captures == null).isEqualTo(!pattern.matches(path));
    if (captures != null) {
      assertThat(captures).hasSize(pattern.singleWildcards() + (pattern.hasTail() ? 1 : 0));
    }
  }
}
