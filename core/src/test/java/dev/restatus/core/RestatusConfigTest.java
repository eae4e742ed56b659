package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RestatusConfigTest {

  private static final String SOURCE = "test source";

  @TempDir Path dir;

  private final List<URLClassLoader> loaders = new ArrayList<>();

  @AfterEach
  void closeLoaders() throws IOException {
    for (URLClassLoader l : loaders) {
      l.close();
    }
  }

  /** A class loader that sees only {@code dir}, holding {@code restatus.properties}. */
  private ClassLoader withFile(String contents) throws IOException {
    Files.writeString(dir.resolve("restatus.properties"), contents, StandardCharsets.ISO_8859_1);
    URLClassLoader l = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    loaders.add(l);
    return l;
  }

  private static RestatusConfig load(
      Map<String, ?> adapter,
      ClassLoader loader,
      Map<String, String> env,
      Map<String, String> sys) {
    return RestatusConfig.load(adapter, SOURCE, loader, env, sys);
  }

  @Test
  void defaults() {
    RestatusConfig c = RestatusConfig.defaults();

    assertThat(c.mode()).isEqualTo(Mode.ENFORCE);
    assertThat(c.retryAfter()).isEqualTo(120);
    assertThat(c.authenticate()).isEqualTo("Bearer realm=\"api\"");
    assertThat(c.methods())
        .containsExactly("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    assertThat(c.inspectLimit()).isEqualTo(8192);
    assertThat(c.clientErrorDetails()).isTrue();
    assertThat(c.serverErrorDetails()).isFalse();
    assertThat(c.autoRegister()).isTrue();
    assertThat(c.keepErrorBodies()).isEmpty();
    assertThat(c.exceptionStatuses()).isEmpty();
    assertThat(c.concealForbidden()).isEmpty();
    assertThat(c.allowOverrides()).isEmpty();
    assertThat(c.renderer()).isInstanceOf(JsonProblemRenderer.class);
  }

  @Test
  void loadWithNoSourcesGivesTheDefaults() {
    RestatusConfig c = load(Map.of(), null, Map.of(), Map.of());

    assertThat(c.mode()).isEqualTo(Mode.ENFORCE);
    assertThat(c.retryAfter()).isEqualTo(120);
    assertThat(c.authenticate()).isEqualTo("Bearer realm=\"api\"");
  }

  @Test
  void propertiesFileOverridesDefaults() throws IOException {
    ClassLoader l = withFile("restatus.retry-after=1\nrestatus.mode=report\n");

    RestatusConfig c = load(Map.of(), l, Map.of(), Map.of());

    assertThat(c.retryAfter()).isEqualTo(1);
    assertThat(c.mode()).isEqualTo(Mode.REPORT);
    assertThat(c.authenticate()).isEqualTo("Bearer realm=\"api\"");
  }

  @Test
  void adapterOverridesPropertiesFile() throws IOException {
    ClassLoader l = withFile("restatus.retry-after=1\nrestatus.authenticate=File\n");

    RestatusConfig c = load(Map.of("restatus.retry-after", "2"), l, Map.of(), Map.of());

    assertThat(c.retryAfter()).isEqualTo(2);
    assertThat(c.authenticate()).isEqualTo("File");
  }

  @Test
  void environmentOverridesAdapter() throws IOException {
    ClassLoader l = withFile("restatus.retry-after=1\nrestatus.authenticate=File\n");

    RestatusConfig c =
        load(
            Map.of("restatus.retry-after", "2", "restatus.authenticate", "Adapter"),
            l,
            Map.of("RESTATUS_RETRY_AFTER", "3"),
            Map.of());

    assertThat(c.retryAfter()).isEqualTo(3);
    assertThat(c.authenticate()).isEqualTo("Adapter");
  }

  @Test
  void systemPropertiesOverrideEverything() throws IOException {
    ClassLoader l =
        withFile("restatus.retry-after=1\nrestatus.authenticate=File\nrestatus.mode=report\n");

    RestatusConfig c =
        load(
            Map.of("restatus.retry-after", "2", "restatus.authenticate", "Adapter"),
            l,
            Map.of("RESTATUS_RETRY_AFTER", "3", "RESTATUS_AUTHENTICATE", "Env"),
            Map.of("restatus.retry-after", "4"));

    assertThat(c.retryAfter()).isEqualTo(4);
    assertThat(c.authenticate()).isEqualTo("Env");
    assertThat(c.mode()).isEqualTo(Mode.REPORT);
  }

  @Test
  void adapterValuesNeedNotBeStrings() {
    RestatusConfig c =
        load(
            Map.of("restatus.retry-after", 30, "restatus.mode", Mode.OFF),
            null,
            Map.of(),
            Map.of());

    assertThat(c.retryAfter()).isEqualTo(30);
    assertThat(c.mode()).isEqualTo(Mode.OFF);
  }

  @Test
  void environmentVariableNames() {
    assertThat(dev.restatus.core.internal.config.Keys.RETRY_AFTER_KEY.envName())
        .isEqualTo("RESTATUS_RETRY_AFTER");
    assertThat(dev.restatus.core.internal.config.Keys.KEEP_ERROR_BODIES_KEY.envName())
        .isEqualTo("RESTATUS_KEEP_ERROR_BODIES");
    assertThat(dev.restatus.core.internal.config.Keys.MODE_KEY.envName())
        .isEqualTo("RESTATUS_MODE");
  }

  @Test
  void everyFixedKeyCanBeSetFromTheEnvironment() {
    RestatusConfig c =
        load(
            Map.of(),
            null,
            Map.of(
                "RESTATUS_RETRY_AFTER", "7",
                "RESTATUS_MODE", "off",
                "RESTATUS_CONCEAL_FORBIDDEN", "/admin/**",
                "RESTATUS_KEEP_ERROR_BODIES", "application/json",
                "RESTATUS_SERVER_ERROR_DETAILS", "true",
                "RESTATUS_INSPECT_LIMIT", "0"),
            Map.of());

    assertThat(c.retryAfter()).isEqualTo(7);
    assertThat(c.mode()).isEqualTo(Mode.OFF);
    assertThat(c.concealForbidden()).extracting(PathPattern::toString).containsExactly("/admin/**");
    assertThat(c.keepErrorBodies()).containsExactly("application/json");
    assertThat(c.serverErrorDetails()).isTrue();
    assertThat(c.inspectLimit()).isZero();
  }

  @Test
  void unrelatedEnvironmentVariablesAndAdapterKeysAreIgnored() {
    Map<String, Object> adapter = new HashMap<>();
    adapter.put("jersey.config.server.tracing.type", "ALL");
    adapter.put("restatusx", "1");
    adapter.put("mode", "bogus");
    adapter.put("RESTATUS_MODE", "bogus");

    RestatusConfig c =
        load(
            adapter,
            null,
            Map.of("PATH", "/usr/bin", "HOME", "/root", "restatus_mode", "bogus"),
            Map.of("java.version", "17", "user.restatus.mode", "bogus"));

    assertThat(c.mode()).isEqualTo(Mode.ENFORCE);
  }

  // --- unknown keys ---------------------------------------------------------------------------

  @Test
  void unknownKeyInPropertiesFileFails() throws IOException {
    ClassLoader l = withFile("restatus.colour=blue\n");

    assertThatThrownBy(() -> load(Map.of(), l, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.colour")
        .hasMessageContaining("blue")
        .hasMessageContaining("restatus.properties");
  }

  @Test
  void unknownKeyInAdapterPropertiesFails() {
    assertThatThrownBy(() -> load(Map.of("restatus.colour", "blue"), null, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.colour")
        .hasMessageContaining("blue")
        .hasMessageContaining(SOURCE);
  }

  @Test
  void unknownKeyInSystemPropertiesFails() {
    assertThatThrownBy(() -> load(Map.of(), null, Map.of(), Map.of("restatus.colour", "blue")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.colour")
        .hasMessageContaining("blue")
        .hasMessageContaining("system properties");
  }

  @Test
  void unknownKeyInProgrammaticPropertiesFails() {
    assertThatThrownBy(() -> RestatusConfig.of(Map.of("restatus.colour", "blue")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.colour")
        .hasMessageContaining("blue")
        .hasMessageContaining("programmatic properties");
  }

  @Test
  void unknownRestatusEnvironmentVariableFails() {
    assertThatThrownBy(() -> load(Map.of(), null, Map.of("RESTATUS_FOO", "bar"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("RESTATUS_FOO")
        .hasMessageContaining("bar")
        .hasMessageContaining("environment");
  }

  @Test
  void badValueNamesItsSource() throws IOException {
    assertThatThrownBy(() -> load(Map.of("restatus.mode", "fast"), null, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.mode")
        .hasMessageContaining("fast")
        .hasMessageContaining(SOURCE);
    assertThatThrownBy(() -> load(Map.of(), null, Map.of("RESTATUS_MODE", "fast"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.mode")
        .hasMessageContaining("fast")
        .hasMessageContaining("environment");
    ClassLoader l = withFile("restatus.retry-after=abc\n");
    assertThatThrownBy(() -> load(Map.of(), l, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.retry-after")
        .hasMessageContaining("abc")
        .hasMessageContaining("restatus.properties");
  }

  @Test
  void aBadLowerValueOverriddenByAHigherSourceStillFails() {
    // a bad value is fixed by a later source only if the later source sets the same key
    assertThatThrownBy(
            () ->
                load(
                    Map.of("restatus.retry-after", "abc"),
                    null,
                    Map.of(),
                    Map.of("restatus.mode", "report")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("abc");
    RestatusConfig c =
        load(
            Map.of("restatus.retry-after", "abc"),
            null,
            Map.of(),
            Map.of("restatus.retry-after", "5"));
    assertThat(c.retryAfter()).isEqualTo(5);
  }

  // --- bad values -----------------------------------------------------------------------------

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("restatus.mode", "fast", "enforce, report, off"),
        Arguments.of("restatus.retry-after", "-1", "whole seconds"),
        Arguments.of("restatus.retry-after", "abc", "whole seconds"),
        Arguments.of("restatus.retry-after", "1.5", "whole seconds"),
        Arguments.of("restatus.exception.java.lang.IllegalArgumentException", "200", "400 to 599"),
        Arguments.of("restatus.exception.java.lang.IllegalArgumentException", "600", "400 to 599"),
        Arguments.of("restatus.exception.java.lang.IllegalArgumentException", "abc", "400 to 599"),
        Arguments.of("restatus.exception.not..valid", "400", "fully.qualified.ClassName"),
        Arguments.of("restatus.exception.", "400", "fully.qualified.ClassName"),
        Arguments.of("restatus.conceal-forbidden", "admin", "path patterns"),
        Arguments.of("restatus.conceal-forbidden", "/a/**/b", "path patterns"),
        Arguments.of("restatus.allow.things", "GET", "path-pattern"),
        Arguments.of("restatus.allow./things", "GET/PUT", "HTTP method names"),
        Arguments.of("restatus.methods", "", "at least one HTTP method"),
        Arguments.of("restatus.methods", "GET, P(O)ST", "HTTP method names"),
        Arguments.of("restatus.authenticate", "Bearer\r\nSet-Cookie: x=1", "printable ASCII"),
        Arguments.of("restatus.authenticate", "Bearer\nX: 1", "printable ASCII"),
        Arguments.of("restatus.authenticate", "", "header value"),
        Arguments.of("restatus.keep-error-bodies", "json", "media types"),
        Arguments.of("restatus.keep-error-bodies", "*/*", "media types"),
        Arguments.of("restatus.renderer", "no.such.Class", "ProblemRenderer"),
        Arguments.of("restatus.renderer", "java.lang.String", "ProblemRenderer"),
        Arguments.of("restatus.inspect-limit", "99999999", "bytes"),
        Arguments.of("restatus.inspect-limit", "-1", "bytes"),
        Arguments.of("restatus.client-error-details", "yes", "true or false"),
        Arguments.of("restatus.server-error-details", "1", "true or false"),
        Arguments.of("restatus.auto-register", "maybe", "true or false"),
        Arguments.of("restatus.moved./old/*", "/new/{2}", "placeholders the pattern /old/* fills"),
        Arguments.of("restatus.moved./old/*", "/new/{**}", "placeholders"),
        Arguments.of("restatus.moved./old/*", "new", "a target path starting with /"),
        Arguments.of("restatus.moved./old/*", "/new/{1", "braces are placeholders"),
        Arguments.of("restatus.moved./old/*", "/a b", "without spaces"),
        Arguments.of("restatus.moved.old", "/new", "<path-pattern>"),
        Arguments.of("restatus.gone", "retired", "path patterns"),
        Arguments.of("restatus.maintenance.until", "tomorrow", "ISO-8601 instant"),
        Arguments.of("restatus.maintenance.paths", "x", "path patterns"),
        Arguments.of("restatus.consumes./a", "json", "media types"),
        Arguments.of("restatus.produces./a", "text/*", "without wildcards"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badValues")
  void badValueFailsNamingKeyValueSourceAndWhatIsAllowed(String key, String value, String allowed) {
    assertThatThrownBy(() -> RestatusConfig.of(Map.of(key, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key)
        .hasMessageContaining("\"" + value.replace("\r", "\\u000d").replace("\n", "\\u000a") + "\"")
        .hasMessageContaining("programmatic properties")
        .hasMessageContaining(allowed)
        .message()
        .doesNotContain("\r", "\n");
  }

  @Test
  void badValueFromAdapterNamesAdapterSource() {
    assertThatThrownBy(
            () ->
                RestatusConfig.load(
                    Map.of("restatus.inspect-limit", "99999999"),
                    "filter init-param",
                    null,
                    Map.of(),
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.inspect-limit")
        .hasMessageContaining("99999999")
        .hasMessageContaining("filter init-param");
  }

  // --- good values ----------------------------------------------------------------------------

  @Test
  void goodValuesAreParsed() {
    RestatusConfig c =
        RestatusConfig.of(
            Map.ofEntries(
                Map.entry("restatus.mode", " Report "),
                Map.entry("restatus.retry-after", "0"),
                Map.entry("restatus.authenticate", "Basic realm=\"api\", charset=\"UTF-8\""),
                Map.entry("restatus.methods", "get, post PROPFIND"),
                Map.entry("restatus.keep-error-bodies", "Application/JSON, application/*"),
                Map.entry("restatus.conceal-forbidden", "/admin/**, /v1/secret/*"),
                Map.entry("restatus.inspect-limit", "1048576"),
                Map.entry("restatus.client-error-details", "FALSE"),
                Map.entry("restatus.server-error-details", "True"),
                Map.entry("restatus.auto-register", "false"),
                Map.entry("restatus.exception.java.util.NoSuchElementException", "404"),
                Map.entry("restatus.renderer", JsonProblemRenderer.class.getName())));

    assertThat(c.mode()).isEqualTo(Mode.REPORT);
    assertThat(c.retryAfter()).isZero();
    assertThat(c.authenticate()).isEqualTo("Basic realm=\"api\", charset=\"UTF-8\"");
    assertThat(c.methods()).containsExactly("GET", "POST", "PROPFIND");
    assertThat(c.keepErrorBodies()).containsExactly("application/json", "application/*");
    assertThat(c.concealForbidden())
        .extracting(PathPattern::toString)
        .containsExactly("/admin/**", "/v1/secret/*");
    assertThat(c.inspectLimit()).isEqualTo(1 << 20);
    assertThat(c.clientErrorDetails()).isFalse();
    assertThat(c.serverErrorDetails()).isTrue();
    assertThat(c.autoRegister()).isFalse();
    assertThat(c.exceptionStatuses())
        .containsExactly(Map.entry("java.util.NoSuchElementException", 404));
  }

  /** A renderer for the {@code restatus.renderer} test; needs a public no-argument constructor. */
  public static final class PlainRenderer implements ProblemRenderer {
    public PlainRenderer() {}

    @Override
    public String contentType() {
      return "text/plain";
    }

    @Override
    public byte[] render(Problem problem) {
      return (problem.status() + " " + problem.title()).getBytes(StandardCharsets.US_ASCII);
    }
  }

  @Test
  void customRendererIsInstantiated() {
    RestatusConfig c =
        RestatusConfig.of(Map.of("restatus.renderer", PlainRenderer.class.getName()));

    assertThat(c.renderer()).isInstanceOf(PlainRenderer.class);
    assertThat(new String(c.renderer().render(Problem.of(404)), StandardCharsets.US_ASCII))
        .isEqualTo("404 Not Found");
  }

  @Test
  void allowOverridesAreSortedLongestPatternFirst() {
    RestatusConfig c =
        RestatusConfig.of(
            Map.of(
                "restatus.allow./**", "GET",
                "restatus.allow./things/*", "get, put",
                "restatus.allow./things/*/parts/**", "GET POST",
                "restatus.allow./a/**", "DELETE"));

    assertThat(c.allowOverrides().keySet())
        .extracting(PathPattern::toString)
        .containsExactly("/things/*/parts/**", "/things/*", "/a/**", "/**");
    assertThat(
            c.allowOverrides().entrySet().stream()
                .filter(e -> e.getKey().toString().equals("/things/*"))
                .findFirst()
                .orElseThrow()
                .getValue())
        .containsExactly("GET", "PUT");
  }

  @Test
  void allowOverrideMayBeEmpty() {
    RestatusConfig c = RestatusConfig.of(Map.of("restatus.allow./frozen/**", ""));

    assertThat(c.allowOverrides().values()).singleElement().satisfies(v -> assertThat(v).isEmpty());
  }

  @Test
  void exceptionAndAllowKeysComeFromSystemPropertiesAndTheFile() throws IOException {
    ClassLoader l = withFile("restatus.exception.java.lang.IllegalStateException=409\n");

    RestatusConfig c =
        load(
            Map.of(),
            l,
            Map.of(),
            Map.of(
                "restatus.exception.java.util.NoSuchElementException", "404",
                "restatus.allow./x/*", "GET"));

    assertThat(c.exceptionStatuses())
        .containsEntry("java.lang.IllegalStateException", 409)
        .containsEntry("java.util.NoSuchElementException", 404);
    assertThat(c.allowOverrides()).hasSize(1);
  }

  @Test
  void collectionsAreImmutable() {
    RestatusConfig c = RestatusConfig.defaults();

    assertThatThrownBy(() -> c.methods().add("TRACE"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.keepErrorBodies().add("a/b"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.exceptionStatuses().put("x", 400))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
