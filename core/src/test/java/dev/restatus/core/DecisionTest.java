package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.HeaderEdits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionTest {

  @Test
  void aKeptResponseWithAnotherStatusChangesSomething() {
    assertThat(Decision.keep(200).changesNothing(200)).isTrue();
    assertThat(Decision.keep(200).changesNothing(204)).isFalse();
    assertThat(new Decision.Drop(304, HeaderEdits.NONE).changesNothing(304)).isFalse();
    assertThat(
            new Decision.Keep(200, new HeaderEdits(Map.of(), List.of("X-Powered-By"), null))
                .changesNothing(200))
        .isFalse();
    assertThat(new Decision.Keep(200, new HeaderEdits(Map.of(), List.of(), java.util.Set.of())))
        .matches(d -> !d.changesNothing(200), "an empty keep-only list removes every header");
  }

  @Test
  void headerEditsCannotChangeAfterTheyAreMade() {
    List<String> values = new ArrayList<>(List.of("GET"));
    Map<String, List<String>> set = new LinkedHashMap<>();
    set.put("Allow", values);
    HeaderEdits edits = new HeaderEdits(set, new ArrayList<>(), null);
    values.add("POST");
    set.put("Vary", List.of("Accept"));

    assertThat(edits.set()).containsOnly(Map.entry("Allow", List.of("GET")));
    assertThatThrownBy(() -> edits.set().get("Allow").add("PUT"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void firstFindsAHeaderInAnyCase() {
    HeaderEdits edits =
        new HeaderEdits(Map.of("WWW-Authenticate", List.of("Bearer", "Basic")), List.of(), null);
    assertThat(edits.first("www-authenticate")).isEqualTo("Bearer");
    assertThat(edits.first("Allow")).isNull();
  }
}
