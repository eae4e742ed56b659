package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternTest {

  /** Matching walks the path in place; it answers as splitting the path into segments would. */
  @net.jqwik.api.Property(tries = 2000)
  void matchingAnswersAsSplittingIntoSegmentsWould(
      @net.jqwik.api.ForAll("paths") String path,
      @net.jqwik.api.ForAll("patterns") String pattern) {
    PathPattern p = PathPattern.compile(pattern);
    java.util.List<String> parts = segments(path);
    java.util.List<String> want = segments(pattern);
    boolean tail = !want.isEmpty() && want.get(want.size() - 1).equals("**");
    if (tail) {
      want = want.subList(0, want.size() - 1);
    }
    boolean expected = parts.size() >= want.size() && (tail || parts.size() == want.size());
    for (int i = 0; expected && i < want.size(); i++) {
      expected = want.get(i).equals("*") || want.get(i).equals(parts.get(i));
    }
    assertThat(p.matches(path)).as(pattern + " ~ " + path).isEqualTo(expected);
  }

  private static java.util.List<String> segments(String path) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> paths() {
    return net.jqwik.api.Arbitraries.strings().withChars("/ab.").ofMaxLength(12);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> patterns() {
    return net.jqwik.api.Arbitraries.of("a", "b", "*", "ab", "a.b")
        .list()
        .ofMaxSize(4)
        .flatMap(
            segs ->
                net.jqwik.api.Arbitraries.of(true, false)
                    .map(
                        t ->
                            "/"
                                + String.join("/", segs)
                                + (t ? (segs.isEmpty() ? "**" : "/**") : "")));
  }

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
