package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restatus.core.adapter.LogText;
import dev.restatus.core.internal.rules.Finding;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** A client-chosen value never starts a log line of its own. */
class LogTextTest {

  @Test
  void escapesLineBreaksAndControls() {
    assertThat(LogText.safe("/x\nINFO forged\r\t\u0000\u2028"))
        .isEqualTo("/x\\nINFO forged\\r\\t\\u0000\\u2028");
    assertThat(LogText.safe(null)).isNull();
  }

  @Property
  void noControlCharacterSurvives(@ForAll String value) {
    String safe = LogText.safe(value);
    assertThat(safe.chars())
        .noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029);
  }

  @Property
  void printableValuesAreUnchanged(@ForAll("printable") String value) {
    assertThat(LogText.safe(value)).isSameAs(value);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> printable() {
    return net.jqwik.api.Arbitraries.strings()
        .ascii()
        .filter(s -> s.chars().allMatch(c -> c >= 0x20 && c < 0x7f));
  }

  @Test
  void findingsEscapeTheRequestValues() {
    Finding f = new Finding("rule", "what", "GET\n", "/a\r\nb");
    assertThat(f.method()).isEqualTo("GET\\n");
    assertThat(f.path()).isEqualTo("/a\\r\\nb");
  }
}
