package dev.restatus.core.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link RequestPaths#normalize} returns a path it finds already normal as it is: that shortcut
 * must agree with the segment-by-segment rebuild on every spelling.
 */
class RequestPathsFastPathTest {

  @Property(tries = 20_000)
  void theShortcutAgreesWithTheRebuild(@ForAll("spellings") String raw) {
    assertThat(RequestPaths.normalize(raw)).isEqualTo(RequestPaths.rebuild(raw));
  }

  @Property(tries = 2_000)
  void anyStringAgreesToo(@ForAll String raw) {
    assertThat(RequestPaths.normalize(raw)).isEqualTo(RequestPaths.rebuild(raw));
  }

  @Property(tries = 2_000)
  void whatTheShortcutTakesIsItsOwnNormalForm(@ForAll("spellings") String raw) {
    if (RequestPaths.isNormal(raw)) {
      assertThat(RequestPaths.rebuild(raw)).isEqualTo(raw);
    }
  }

  @Provide
  Arbitrary<String> spellings() {
    return Arbitraries.of(
            "/", "/", "/", ".", "..", "a", "sec", "%2e", "%2F", "%", ";v=1", "?q", "#f")
        .list()
        .ofMaxSize(8)
        .map(parts -> String.join("", parts));
  }
}
