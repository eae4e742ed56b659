package dev.restatus.core.adapter;

import java.util.Set;

/** The read-only view of a request that an adapter hands to the rules. */
public interface RequestView {

  /**
   * @return the request method, as sent (upper case by convention)
   */
  String method();

  /**
   * @return the path relative to the application, starting with {@code /}: the servlet path plus
   *     path info, or the JAX-RS path below the application's base URI
   */
  String path();

  /**
   * @param name a header name, case-insensitive
   * @return its value, repeated lines joined with commas into one list (RFC 9110 section 5.3), or
   *     {@code null}
   */
  String header(String name);

  /**
   * @return the protocol of the request line ({@code HTTP/1.1}); {@code HTTP/1.1} if unknown
   */
  default String protocol() {
    return "HTTP/1.1";
  }

  /**
   * @return the raw query string, without {@code ?}, or {@code null} for none
   */
  default String query() {
    return null;
  }

  /**
   * @return the application root as the client addresses it, without a trailing slash: the servlet
   *     context path, or the path of the JAX-RS application's base URI ({@code ""} for the server
   *     root)
   */
  default String root() {
    return "";
  }

  /**
   * The methods the application serves on this path, for the {@code Allow} of a 405; computed only
   * when needed. The default knows none.
   *
   * @return the methods, upper case; empty if unknown
   */
  default Set<String> allowedMethods() {
    return Set.of();
  }

  /**
   * The media types the application declares it consumes for this method on this path (JAX-RS
   * {@code @Consumes}), for the hints of a 415; computed only when needed. The default knows none.
   *
   * @return the media types; empty if unknown or any
   */
  default java.util.List<String> consumes() {
    return java.util.List.of();
  }

  /**
   * The media types the application declares it produces for this method on this path (JAX-RS
   * {@code @Produces}), for the problem of a 406; computed only when needed. The default knows
   * none.
   *
   * @return the media types; empty if unknown or any
   */
  default java.util.List<String> produces() {
    return java.util.List.of();
  }

  /**
   * The current state of the target resource, for a conditional write decided before the
   * application runs: from a {@link dev.restatus.core.ValidatorSource} the application registered,
   * or from a safe sub-request the adapter can make. Computed only when needed.
   *
   * @return the state, or empty if unknown (the application then sees the conditional headers)
   */
  default java.util.Optional<dev.restatus.core.ResourceState> currentState() {
    return java.util.Optional.empty();
  }
}
