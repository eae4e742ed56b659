package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternTest {

  @Test
  void anyTailMatchesTheDirectoryItselfAndEverythingBelow() {
    PathPattern p = PathPattern.compile("/admin/**");

    assertThat(p.matches("/admin")).isTrue();
    assertThat(p.matches("/admin/")).isTrue();
    assertThat(p.matches("/admin/users")).isTrue();
    assertThat(p.matches("/admin/users/7")).isTrue();
    assertThat(p.matches("/administrator")).isFalse();
    assertThat(p.matches("/administrator/users")).isFalse();
    assertThat(p.matches("/adm")).isFalse();
    assertThat(p.matches("/")).isFalse();
    assertThat(p.matches("/public/admin")).isFalse();
  }

  @Test
  void singleStarMatchesExactlyOneSegment() {
    PathPattern p = PathPattern.compile("/v1/orders/*");

    assertThat(p.matches("/v1/orders/7")).isTrue();
    assertThat(p.matches("/v1/orders/abc-def")).isTrue();
    assertThat(p.matches("/v1/orders")).isFalse();
    assertThat(p.matches("/v1/orders/")).isFalse();
    assertThat(p.matches("/v1/orders/7/items")).isFalse();
    assertThat(p.matches("/v2/orders/7")).isFalse();
  }

  @Test
  void starInTheMiddle() {
    PathPattern p = PathPattern.compile("/v1/*/items");

    assertThat(p.matches("/v1/orders/items")).isTrue();
    assertThat(p.matches("/v1/orders/7/items")).isFalse();
    assertThat(p.matches("/v1/items")).isFalse();
  }

  @Test
  void rootAnyTailMatchesEverything() {
    PathPattern p = PathPattern.compile("/**");

    assertThat(p.matches("/")).isTrue();
    assertThat(p.matches("")).isTrue();
    assertThat(p.matches(null)).isTrue();
    assertThat(p.matches("/a")).isTrue();
    assertThat(p.matches("/a/b/c/d")).isTrue();
  }

  @Test
  void rootPatternMatchesOnlyTheRoot() {
    PathPattern p = PathPattern.compile("/");

    assertThat(p.matches("/")).isTrue();
    assertThat(p.matches("")).isTrue();
    assertThat(p.matches("/a")).isFalse();
  }

  @Test
  void literalSegmentsAreCaseSensitive() {
    PathPattern p = PathPattern.compile("/Admin/**");

    assertThat(p.matches("/Admin/x")).isTrue();
    assertThat(p.matches("/admin/x")).isFalse();
    assertThat(p.matches("/ADMIN")).isFalse();
    assertThat(PathPattern.compile("/a/b").matches("/a/B")).isFalse();
  }

  @Test
  void exactLiteralPattern() {
    PathPattern p = PathPattern.compile("/health");

    assertThat(p.matches("/health")).isTrue();
    assertThat(p.matches("/health/")).isTrue();
    assertThat(p.matches("/health/live")).isFalse();
    assertThat(p.matches("/healthz")).isFalse();
  }

  @Test
  void emptySegmentsInThePathAreIgnored() {
    assertThat(PathPattern.compile("/admin/**").matches("//admin//x")).isTrue();
    assertThat(PathPattern.compile("/v1/orders/*").matches("/v1//orders/7")).isTrue();
  }

  @Test
  void toStringIsTheSource() {
    assertThat(PathPattern.compile("/v1/orders/*")).hasToString("/v1/orders/*");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "admin", "admin/**", "*", "**", "/a/**/b", "/**/x", "/a*", "/a/b*c", "/a/***"})
  void invalidPatternsAreRejected(String pattern) {
    assertThatThrownBy(() -> PathPattern.compile(pattern))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullPatternIsRejected() {
    assertThatThrownBy(() -> PathPattern.compile(null)).isInstanceOf(NullPointerException.class);
  }
}
