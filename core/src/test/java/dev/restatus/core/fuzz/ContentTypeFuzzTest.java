package dev.restatus.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restatus.core.internal.http.MediaRange;

/** Fuzz target of the {@code Content-Type} parser: parsed into a concrete type, or refused. */
class ContentTypeFuzzTest {

  @FuzzTest(maxDuration = "5s")
  void contentTypeIsParsedOrRefused(byte[] input) {
    String value = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1);
    MediaRange m;
    try {
      m = MediaRange.parseContentType(value);
    } catch (IllegalArgumentException refused) {
      return;
    }
    assertThat(m.type()).isNotEqualTo("*");
    assertThat(m.subtype()).isNotEqualTo("*");
    assertThat(m.quality()).isEqualTo(1000);
    assertThat(MediaRange.parseContentType(m.essence()))
        .isEqualTo(new MediaRange(m.type(), m.subtype(), java.util.List.of(), 1000));
  }
}
