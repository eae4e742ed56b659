package dev.restatus.servlet;

import java.util.Map;

/** A real embedded container running {@link LegacyApp} behind {@link RestatusFilter}. */
interface ServletContainer extends AutoCloseable {

  /**
   * Adds the legacy app under a context path, with the Guard filter ahead of Restatus and a global
   * error page at {@code /restatus-error} (as the README recommends).
   *
   * @param contextPath e.g. {@code /app}
   * @param settings the filter's init-params
   */
  void add(String contextPath, Map<String, String> settings) throws Exception;

  /** Starts the container with every application added. */
  void start() throws Exception;

  /**
   * @return the root URL of the application at {@code contextPath}, without a trailing slash
   */
  String base(String contextPath);

  /** Registers the servlets of {@link LegacyApp} in the order the tests expect. */
  interface Registrar {
    void servlet(String name, jakarta.servlet.Servlet servlet, boolean async, String... patterns);
  }

  static void registerServlets(Registrar r) {
    r.servlet("ok", new LegacyApp.Ok(), false, "/ok");
    r.servlet(
        "fixture",
        new LegacyApp.Fixture(),
        false,
        "/status/*",
        "/send-error/*",
        "/send-error-msg/*",
        "/html/*",
        "/problem/*",
        "/legacy-json/*",
        "/legacy-vnd/*",
        "/throw/*",
        "/body/*",
        "/challenge/*",
        "/retry/*",
        "/conceal/*",
        "/forbidden",
        "/fixed",
        "/created",
        "/committed",
        "/big",
        "/stack",
        "/late-error",
        "/guarded/*");
    r.servlet("async", new LegacyApp.Async(), true, "/async/*");
    r.servlet("edge", new EdgeApp.Edge(), true, "/edge/*");
    r.servlet("front", new EdgeApp.Front(), false, "/front/*");
  }
}
