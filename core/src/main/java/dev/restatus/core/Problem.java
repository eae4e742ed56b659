package dev.restatus.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An RFC 9457 problem details object: the error resource every 4xx and 5xx response carries.
 *
 * <p>Immutable; build one with {@link #builder(int)} or {@link #of(int)}. The standard members are
 * {@code type} (default {@code about:blank}), {@code title}, {@code status}, {@code detail} and
 * {@code instance}; anything else is an extension member. A {@code Problem} is deliberately not a
 * {@link Throwable}: to abort a request with one, throw a {@link ProblemException}.
 */
public final class Problem {

  /** The default {@code type}: the problem has no semantics beyond its HTTP status. */
  public static final String ABOUT_BLANK = "about:blank";

  /** Media type of the JSON form, from RFC 9457 section 3. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final Set<String> RESERVED =
      Set.of("type", "title", "status", "detail", "instance");

  private final String type;
  private final String title;
  private final int status;
  private final String detail;
  private final String instance;
  private final Map<String, Object> extensions;

  private Problem(Builder b) {
    this.type = b.type;
    this.title = b.title;
    this.status = b.status;
    this.detail = b.detail;
    this.instance = b.instance;
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
  }

  /**
   * A problem for {@code status} with the catalog's default title.
   *
   * @param status an HTTP status from 100 to 599
   * @return the problem
   */
  public static Problem of(int status) {
    return builder(status).build();
  }

  /**
   * Starts a problem for {@code status}; the title defaults to the catalog's title for it.
   *
   * @param status an HTTP status from 100 to 599
   * @return a builder
   */
  public static Builder builder(int status) {
    return new Builder(status);
  }

  /**
   * A builder pre-filled with every member of this problem.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(status).type(type).title(title).detail(detail).instance(instance);
    b.extensions.putAll(extensions);
    return b;
  }

  /**
   * @return the problem type URI reference; {@value #ABOUT_BLANK} unless set
   */
  public String type() {
    return type;
  }

  /**
   * @return a short human-readable summary of the problem type
   */
  public String title() {
    return title;
  }

  /**
   * @return the HTTP status code
   */
  public int status() {
    return status;
  }

  /**
   * @return the explanation of this occurrence, or {@code null}
   */
  public String detail() {
    return detail;
  }

  /**
   * @return a URI reference identifying this occurrence, or {@code null}
   */
  public String instance() {
    return instance;
  }

  /**
   * @return the extension members in insertion order; never {@code null}
   */
  public Map<String, Object> extensions() {
    return extensions;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Problem p
        && status == p.status
        && type.equals(p.type)
        && Objects.equals(title, p.title)
        && Objects.equals(detail, p.detail)
        && Objects.equals(instance, p.instance)
        && extensions.equals(p.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, title, status, detail, instance, extensions);
  }

  @Override
  public String toString() {
    return "Problem[status=" + status + ", title=" + title + ", type=" + type + "]";
  }

  /** Builds a {@link Problem}; not thread-safe. */
  public static final class Builder {
    private String type = ABOUT_BLANK;
    private String title;
    private final int status;
    private String detail;
    private String instance;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Builder(int status) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("status must be from 100 to 599, was " + status);
      }
      this.status = status;
      this.title = StatusCatalog.title(status);
    }

    /**
     * @param type the problem type URI reference; {@code null} means {@value #ABOUT_BLANK}
     * @return this builder
     */
    public Builder type(String type) {
      this.type = type == null ? ABOUT_BLANK : type;
      return this;
    }

    /**
     * @param title a short summary; {@code null} omits the member
     * @return this builder
     */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /**
     * @param detail an explanation of this occurrence; {@code null} omits the member
     * @return this builder
     */
    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    /**
     * @param instance a URI reference for this occurrence; {@code null} omits the member
     * @return this builder
     */
    public Builder instance(String instance) {
      this.instance = instance;
      return this;
    }

    /**
     * Adds an extension member. Values are rendered by Jackson (strings, numbers, booleans, lists,
     * maps and simple beans).
     *
     * @param name the member name; not one of the standard members
     * @param value the value; {@code null} removes the member
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is a standard member or blank, or {@code
     *     value} is a {@link Throwable} (its stack trace would reach the client)
     */
    public Builder extension(String name, Object value) {
      if (name == null || name.isBlank() || RESERVED.contains(name)) {
        throw new IllegalArgumentException(
            "'" + name + "' cannot be an extension member; reserved: " + RESERVED);
      }
      if (value instanceof Throwable) {
        throw new IllegalArgumentException(
            "extension member '" + name + "' cannot be an exception: it would expose its stack");
      }
      if (value == null) {
        extensions.remove(name);
      } else {
        extensions.put(name, value);
      }
      return this;
    }

    /**
     * @return the immutable problem
     */
    public Problem build() {
      return new Problem(this);
    }
  }
}
