package dev.restatus.benchmarks;

/**
 * A servlet container serving {@link Legacy} three times: {@code /bare} (the container alone),
 * {@code /wrapped} (behind {@code RestatusFilter} with {@link Legacy#SETTINGS}) and {@code
 * /shallow} (behind Spring's {@code ShallowEtagHeaderFilter} on {@code /etag}).
 */
interface Host extends AutoCloseable {

  /**
   * @return the port it listens on, on 127.0.0.1
   */
  int port();

  /**
   * @param name {@code jetty} or {@code tomcat}
   * @return the started host
   */
  static Host start(String name) throws Exception {
    return switch (name) {
      case "jetty" -> new JettyHost();
      case "tomcat" -> new TomcatHost();
      default -> throw new IllegalArgumentException("no host " + name + ": jetty or tomcat");
    };
  }
}
