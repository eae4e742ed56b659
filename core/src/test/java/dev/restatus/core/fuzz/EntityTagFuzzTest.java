package dev.restatus.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restatus.core.internal.http.EntityTag;
import dev.restatus.core.internal.http.Preconditions;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target of the entity-tag list parser ({@code If-Match}, {@code If-None-Match}) and the
 * evaluation of RFC 9110 section 13.2.2: any input is parsed or refused with an {@link
 * IllegalArgumentException}, never anything else; what is parsed prints back to a list that parses
 * to the same tags; the evaluation fails only where the parser refuses.
 */
class EntityTagFuzzTest {

  @FuzzTest(maxDuration = "5s")
  void entityTagListsAreParsedOrRefused(byte[] input) {
    String value = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1);
    List<EntityTag> tags;
    try {
      tags = EntityTag.parseList(value);
    } catch (IllegalArgumentException refused) {
      assertThat(refused).hasMessageNotContaining("Exception");
      return;
    }
    if (tags != EntityTag.ANY) {
      String printed = String.join(", ", tags.stream().map(EntityTag::toString).toList());
      assertThat(EntityTag.parseList(printed)).isEqualTo(tags);
    }
    Map<String, String> headers = Map.of("If-None-Match", value, "If-Modified-Since", value);
    Preconditions.Outcome o =
        Preconditions.evaluate(
            "GET",
            headers::get,
            new Preconditions.Validators(true, new EntityTag("v1", false), null));
    assertThat(o).isNotNull();
  }
}
