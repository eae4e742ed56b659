package dev.restatus.benchmarks;

/**
 * A server serving the same application three times ({@link Legacy}, or {@link LegacyResource} for
 * Jersey): {@code /bare} (the stack alone), {@code /control} (the same again, to measure the bare
 * stack against itself), {@code /wrapping} (behind a filter that only passes the response's stream
 * through: what any filter that sees the bytes costs), {@code /wrapped} (behind {@code
 * RestatusFilter}, or with {@code RestatusFeature} for Jersey, with {@link Legacy#SETTINGS}) and
 * {@code /shallow} (behind Spring's {@code ShallowEtagHeaderFilter} on {@code /etag}).
 */
interface Host extends AutoCloseable {

  /**
   * @return the port it listens on, on 127.0.0.1
   */
  int port();

  /**
   * @param name {@code jetty}, {@code tomcat} or {@code jersey}
   * @return the started host
   */
  static Host start(String name) throws Exception {
    return switch (name) {
      case "jetty" -> new JettyHost();
      case "tomcat" -> new TomcatHost();
      case "jersey" -> new JerseyHost();
      default ->
          throw new IllegalArgumentException("no host " + name + ": jetty, tomcat or jersey");
    };
  }
}
