package dev.restatus.core.internal.config;

import dev.restatus.core.JsonProblemRenderer;
import dev.restatus.core.Mode;
import dev.restatus.core.PathPattern;
import dev.restatus.core.ProblemRenderer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parsers of every {@code restatus.*} value type: modes, booleans, bounded whole numbers, media
 * types, path patterns, method and header names, header values, renderer classes. Each fails with a
 * {@link dev.restatus.core.ConfigException} naming the key, the value, its source and what is
 * allowed.
 */
public final class Parsers {

  static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  static final Pattern MEDIA_RANGE =
      Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]+/[!#$%&'*+.^_`|~0-9a-z-]+");
  static final Pattern CLASS_NAME =
      Pattern.compile(
          "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
              + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
  static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7e\\t]+");

  private Parsers() {}

  /**
   * @param name a candidate class name
   * @return whether it is a syntactically valid fully qualified class name
   */
  public static boolean isClassName(String name) {
    return CLASS_NAME.matcher(name).matches();
  }

  /** Parses one setting; a bad value fails naming key, value, source and what is allowed. */
  public static Mode parseMode(Setting s) {
    for (Mode m : Mode.values()) {
      if (m.name().equalsIgnoreCase(s.value())) {
        return m;
      }
    }
    throw s.fail("one of enforce, report, off");
  }

  /** Parses one setting; a bad value fails naming key, value, source and what is allowed. */
  public static boolean parseBoolean(Setting s) {
    if (s.value().equalsIgnoreCase("true")) {
      return true;
    }
    if (s.value().equalsIgnoreCase("false")) {
      return false;
    }
    throw s.fail("true or false");
  }

  /** Parses one setting; a bad value fails naming key, value, source and what is allowed. */
  public static long parseLong(Setting s, long min, long max, String what) {
    try {
      long v = Long.parseLong(s.value());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw s.fail(what + " (a whole number from " + min + " to " + max + ")");
  }

  /** Parses one setting; a bad value fails naming key, value, source and what is allowed. */
  public static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split("[,\\s]+")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  /** Parses one setting; a bad value fails naming key, value, source and what is allowed. */
  public static List<String> parseMediaTypes(Setting s) {
    List<String> out = new ArrayList<>();
    for (String t : split(s.value().toLowerCase(Locale.ROOT))) {
      if (!MEDIA_RANGE.matcher(t).matches() || t.startsWith("*/")) {
        throw s.fail("media types such as application/json or application/*");
      }
      out.add(t);
    }
    return List.copyOf(out);
  }

  /**
   * Parses a list of error statuses, {@code *} standing for all of them (as 0).
   *
   * @param s the setting
   * @return the statuses, 400 to 599, or 0 for {@code *}
   */
  public static Set<Integer> parseErrorStatuses(Setting s) {
    Set<Integer> out = new java.util.TreeSet<>();
    for (String t : split(s.value())) {
      if (t.equals("*")) {
        out.add(0);
        continue;
      }
      try {
        int v = Integer.parseInt(t);
        if (v >= 400 && v <= 599) {
          out.add(v);
          continue;
        }
      } catch (NumberFormatException e) {
        // fall through to the message
      }
      throw s.fail("statuses from 400 to 599, or * for every one");
    }
    return Set.copyOf(out);
  }

  /** Parses one setting; a bad value fails naming key, value, source and what is allowed. */
  public static List<PathPattern> parsePatterns(Setting s) {
    List<PathPattern> out = new ArrayList<>();
    for (String p : split(s.value())) {
      try {
        out.add(PathPattern.compile(p));
      } catch (IllegalArgumentException e) {
        throw s.fail("path patterns such as /admin/** or /v1/orders/* (" + e.getMessage() + ")");
      }
    }
    return List.copyOf(out);
  }

  /** Parses one setting; a bad value fails naming key, value, source and what is allowed. */
  public static Set<String> parseMethods(Setting s, boolean allowEmpty) {
    Set<String> out = new LinkedHashSet<>();
    for (String m : split(s.value())) {
      if (!TOKEN.matcher(m).matches()) {
        throw s.fail("HTTP method names such as GET POST");
      }
      out.add(m.toUpperCase(Locale.ROOT));
    }
    if (out.isEmpty() && !allowEmpty) {
      throw s.fail("at least one HTTP method name");
    }
    return Collections.unmodifiableSet(out);
  }

  /** Parses one setting; a bad value fails naming key, value, source and what is allowed. */
  public static List<String> parseHeaderNames(Setting s) {
    List<String> out = new ArrayList<>();
    for (String n : split(s.value())) {
      if (!TOKEN.matcher(n).matches()) {
        throw s.fail("header names such as Strict-Transport-Security");
      }
      out.add(n);
    }
    return List.copyOf(out);
  }

  /** Parses one setting; a bad value fails naming key, value, source and what is allowed. */
  public static String parseHeaderValue(Setting s) {
    if (!HEADER_VALUE.matcher(s.value()).matches()) {
      throw s.fail("a non-empty header value of printable ASCII characters");
    }
    return s.value();
  }

  /** Parses one setting; a bad value fails naming key, value, source and what is allowed. */
  public static ProblemRenderer parseRenderer(Setting s, ClassLoader loader) {
    if (s.value().equals(JsonProblemRenderer.class.getName())) {
      return new JsonProblemRenderer();
    }
    try {
      Class<?> c = Class.forName(s.value(), true, loader);
      return (ProblemRenderer) c.getConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw s.fail(
          "the name of a "
              + ProblemRenderer.class.getName()
              + " with a public no-argument constructor ("
              + e
              + ")");
    }
  }

  /** Parses one setting; a bad value fails naming key, value, source and what is allowed. */
  public static List<String> parseConcreteMediaTypes(Setting s) {
    List<String> out = parseMediaTypes(s);
    for (String t : out) {
      if (t.endsWith("/*")) {
        throw s.fail("media types without wildcards, such as application/json");
      }
    }
    return out;
  }

  /** Parses one setting; a bad value fails naming key, value, source and what is allowed. */
  public static java.util.Optional<java.time.Instant> parseInstant(Setting s) {
    if (s.value().isEmpty()) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(java.time.Instant.parse(s.value()));
    } catch (java.time.format.DateTimeParseException e) {
      throw s.fail("an ISO-8601 instant such as 2026-12-02T06:00:00Z, or nothing");
    }
  }

  private static final Pattern TARGET = Pattern.compile("[\\x21-\\x7e]+");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)\\}");

  /**
   * Parses the target of a moved path: an absolute URI or a path starting with {@code /}, whose
   * placeholders the pattern can fill ({@code {1}} up to its number of {@code *}s, {@code {**}}
   * only after a final {@code **}).
   */
  public static String parseTarget(PathPattern pattern, Setting s) {
    String v = s.value();
    boolean absolute = v.matches("[A-Za-z][A-Za-z0-9+.-]*://.+");
    if (!TARGET.matcher(v).matches() || !(absolute || (v.startsWith("/") && !v.startsWith("//")))) {
      throw s.fail("a target path starting with / or an absolute URI, without spaces");
    }
    if (PLACEHOLDER.matcher(v).replaceAll("").matches(".*[{}].*")) {
      throw s.fail("a target whose braces are placeholders such as {1} or {**}");
    }
    java.util.regex.Matcher m = PLACEHOLDER.matcher(v);
    while (m.find()) {
      String name = m.group(1);
      boolean ok =
          name.equals("**")
              ? pattern.hasTail()
              : name.matches("[1-9][0-9]{0,2}")
                  && Integer.parseInt(name) <= pattern.singleWildcards();
      if (!ok) {
        throw s.fail(
            "placeholders the pattern "
                + pattern
                + " fills: {1} to {"
                + pattern.singleWildcards()
                + "} for its * segments"
                + (pattern.hasTail() ? ", {**} for its final **" : "")
                + "; not {"
                + name
                + "}");
      }
    }
    return v;
  }

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  /**
   * Parses a duration: {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code
   * PT2S}); a bad value fails naming key, value, source and what is allowed.
   */
  public static java.time.Duration parseDuration(Setting s, boolean zeroAllowed) {
    java.time.Duration d = null;
    java.util.regex.Matcher m = DURATION.matcher(s.value());
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "ms" -> java.time.Duration.ofMillis(n);
            case "s" -> java.time.Duration.ofSeconds(n);
            case "m" -> java.time.Duration.ofMinutes(n);
            default -> java.time.Duration.ofHours(n);
          };
    } else if (s.value().startsWith("P") || s.value().startsWith("p")) {
      try {
        d = java.time.Duration.parse(s.value());
      } catch (java.time.format.DateTimeParseException e) {
        d = null;
      }
    }
    if (d == null || d.isNegative() || (d.isZero() && !zeroAllowed)) {
      throw s.fail(
          "a " + (zeroAllowed ? "" : "positive ") + "duration such as 500ms, 2s, 5m, 1h or PT2S");
    }
    return d;
  }

  private static final Pattern MONITOR_PATH = Pattern.compile("/([A-Za-z0-9._~-]+/)+");

  /** Parses a monitor path; a bad value fails naming key, value, source and what is allowed. */
  public static String parseMonitorPath(Setting s) {
    if (!MONITOR_PATH.matcher(s.value()).matches()
        || s.value().contains("/../")
        || s.value().contains("/./")) {
      throw s.fail(
          "a path from the application root that starts and ends with /, made of letters,"
              + " digits and . _ ~ - (such as /restatus/operations/)");
    }
    return s.value();
  }

  /** Parses a store class name; a bad value fails naming key, value, source and what is allowed. */
  public static java.util.function.Function<
          dev.restatus.core.operation.OperationStore.Bounds,
          dev.restatus.core.operation.OperationStore>
      parseStore(Setting s, ClassLoader loader) {
    if (s.value().equals(dev.restatus.core.operation.MemoryOperationStore.class.getName())) {
      return dev.restatus.core.operation.MemoryOperationStore::new;
    }
    try {
      Class<? extends dev.restatus.core.operation.OperationStore> c =
          Class.forName(s.value(), true, loader)
              .asSubclass(dev.restatus.core.operation.OperationStore.class);
      java.lang.reflect.Constructor<? extends dev.restatus.core.operation.OperationStore> k =
          c.getConstructor(dev.restatus.core.operation.OperationStore.Bounds.class);
      return b -> {
        try {
          return k.newInstance(b);
        } catch (ReflectiveOperationException e) {
          throw s.fail("a store that can be created (" + e + ")");
        }
      };
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw s.fail(
          "the name of a "
              + dev.restatus.core.operation.OperationStore.class.getName()
              + " with a public constructor taking OperationStore.Bounds ("
              + e
              + ")");
    }
  }

  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

  /** Parses a path or nothing; a bad value fails naming key, value, source and what is allowed. */
  public static String parsePathOrNothing(Setting s) {
    if (s.value().isEmpty()) {
      return "";
    }
    if (!PATH.matcher(s.value()).matches()
        || s.value().contains("/../")
        || s.value().contains("/./")) {
      throw s.fail(
          "a path from the application root made of letters, digits and . _ ~ - (such as"
              + " /restatus/contract), or nothing");
    }
    return s.value();
  }
}
