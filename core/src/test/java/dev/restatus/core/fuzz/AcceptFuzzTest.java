package dev.restatus.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restatus.core.internal.http.MediaRange;
import java.util.List;

/**
 * Fuzz target of the {@code Accept} parser: any input is parsed or refused with an {@link
 * IllegalArgumentException}, never anything else, and what is parsed is consistent. Runs its seeds
 * in the test command, and fuzzes for a few seconds in the {@code fuzz} execution (README).
 */
class AcceptFuzzTest {

  @FuzzTest(maxDuration = "5s")
  void acceptIsParsedOrRefused(byte[] input) {
    String value = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1);
    // what an error body is negotiated from never fails, whatever the header says
    dev.restatus.core.internal.http.ErrorNegotiation.of(value);
    List<MediaRange> ranges;
    try {
      ranges = MediaRange.parseAccept(value);
    } catch (IllegalArgumentException refused) {
      return;
    }
    for (MediaRange r : ranges) {
      assertThat(r.quality()).isBetween(0, 1000);
      assertThat(r.type()).isNotEmpty().doesNotContain("/", ",", ";", " ");
      assertThat(r.subtype()).isNotEmpty().doesNotContain("/", ",", ";", " ");
      int w = MediaRange.weightOf(ranges, new MediaRange("text", "plain", List.of(), 1000));
      assertThat(w).isBetween(0, 1000);
    }
  }
}
