package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restatus.core.adapter.RequestPaths;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The path every rule matches on: no spelling of a path may escape its pattern. */
class RequestPathsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/sec/x, /sec/x",
    "/sec;a/x, /sec/x",
    "/sec;jsessionid=1/x;v=2, /sec/x",
    "/%73ec/x, /sec/x",
    "/x/../sec/x, /sec/x",
    "/./sec/./x, /sec/x",
    "//sec//x, /sec/x",
    "/sec%2Fx, /sec/x",
    "/%2e%2e/sec/x, /sec/x",
    "/a/b/../../sec/x, /sec/x",
    "/../../sec/x, /sec/x",
    "/sec/x/, /sec/x/",
    "/sec/x?q=/admin, /sec/x",
    "/%zz/x, /%zz/x",
    "/caf%C3%A9, /café",
    "'', /",
    "/, /",
    "/x/.., /"
  })
  void normalises(String raw, String expected) {
    assertThat(RequestPaths.normalize(raw)).isEqualTo(expected);
  }

  @Property
  void anySpellingOfAPathNormalisesToThePath(
      @ForAll("segments") List<String> segments, @ForAll long seed) {
    String path = "/" + String.join("/", segments);
    String spelled = spell(segments, new Random(seed));
    assertThat(RequestPaths.normalize(spelled)).as(spelled).isEqualTo(path);
  }

  @Property
  void theResultIsAbsoluteAndHasNoDotOrEmptySegment(@ForAll String raw) {
    String p = RequestPaths.normalize(raw);
    assertThat(p).startsWith("/");
    String inner = p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    if (!inner.equals("/")) {
      for (String s : inner.substring(1).split("/", -1)) {
        assertThat(s).isNotEmpty().isNotEqualTo(".").isNotEqualTo("..");
      }
    }
  }

  @Property
  void normalisingTwiceChangesNothingWithoutEscapes(@ForAll("plain") String raw) {
    String once = RequestPaths.normalize(raw);
    assertThat(RequestPaths.normalize(once)).isEqualTo(once);
  }

  @Provide
  Arbitrary<List<String>> segments() {
    return Arbitraries.strings()
        .withChars("abcxyz019-_~")
        .ofMinLength(1)
        .ofMaxLength(8)
        .list()
        .ofMinSize(1)
        .ofMaxSize(5);
  }

  @Provide
  Arbitrary<String> plain() {
    return Arbitraries.strings().withChars("/.;abc=").ofMaxLength(30).map(s -> "/" + s);
  }

  /** A spelling a container routes like the path: parameters, escapes, dot segments, slashes. */
  private static String spell(List<String> segments, Random r) {
    StringBuilder b = new StringBuilder();
    for (String s : segments) {
      switch (r.nextInt(4)) {
        case 0 -> b.append("/./");
        case 1 -> b.append("/zz/../");
        case 2 -> b.append("//");
        default -> b.append('/');
      }
      for (char c : s.toCharArray()) {
        if (r.nextInt(3) == 0) {
          b.append('%').append(String.format("%02X", (int) c));
        } else {
          b.append(c);
        }
      }
      if (r.nextInt(3) == 0) {
        b.append(";p=").append(r.nextInt(100));
      }
    }
    return b.toString();
  }

  @Property
  void neverThrows(@ForAll @Size(max = 200) List<Character> chars) {
    StringBuilder b = new StringBuilder();
    chars.forEach(b::append);
    assertThat(RequestPaths.normalize(b.toString())).isNotNull();
  }
}
