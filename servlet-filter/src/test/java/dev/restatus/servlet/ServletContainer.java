package dev.restatus.servlet;

import java.util.Map;

/** A real embedded container running {@link LegacyApp} behind {@link RestatusFilter}. */
interface ServletContainer extends AutoCloseable {

  /**
   * Adds the legacy app under a context path, with the Guard filter ahead of Restatus and a global
   * error page at {@code /restatus-error} (as the README recommends) unless {@link #NO_ERROR_PAGE}
   * is among the settings.
   *
   * @param contextPath e.g. {@code /app}
   * @param settings the filter's init-params
   */
  void add(String contextPath, Map<String, String> settings) throws Exception;

  /**
   * Whether the applications carry the container security constraints of {@link #SECURED}: {@code
   * /secure/*} and {@code /vault/locked} need role {@code admin}, BASIC authentication, realm
   * {@code restatus}, one user {@code user:pw} without that role.
   */
  default boolean hasSecurityConstraints() {
    return false;
  }

  /**
   * Whether the container's own BASIC challenge reaches the error page (and so Restatus). Jetty's
   * security handler writes it before any filter or error page runs: the README says so.
   */
  default boolean challengeReachesErrorPage() {
    return true;
  }

  /** The paths a security constraint protects (where {@link #hasSecurityConstraints()}). */
  String[] SECURED = {"/secure/*", "/vault/locked"};

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

  /**
   * @param servlet a fixture servlet
   * @return its {@code @MultipartConfig} as the container registers it, or {@code null}
   */
  static jakarta.servlet.MultipartConfigElement multipart(jakarta.servlet.Servlet servlet) {
    jakarta.servlet.annotation.MultipartConfig c =
        servlet.getClass().getAnnotation(jakarta.servlet.annotation.MultipartConfig.class);
    return c == null ? null : new jakarta.servlet.MultipartConfigElement(c);
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
        "/html-stack/*",
        "/invalid",
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
    r.servlet("vault", new HostileApp.Vault(), false, "/vault/secret", "/vault/late");
    r.servlet("input", new HostileApp.Input(), false, "/input/*");
    r.servlet(
        "late",
        new HostileApp.Late(),
        false,
        "/late-status/*",
        "/leaky/*",
        "/kept/*",
        "/range",
        "/charset-error");
    r.servlet("including", new HostileApp.Including(), false, "/include-error");
    r.servlet("async-task", new HostileApp.AsyncTask(), true, "/async-task/*");
    r.servlet("picky", new HostileApp.Picky(), false, "/picky");
    r.servlet("page", new LegacyApp.Page(), false, "/page/*");
    r.servlet("versioned", new LegacyApp.Versioned(), false, "/versioned");
    r.servlet("generated", new LegacyApp.Generated(), false, "/generated/*");
    r.servlet("slow", new LegacyApp.Slow(), false, "/slow/*", "/slow-fail/*");
    r.servlet("work", new LegacyApp.Work(), false, "/work/*", "/work-fail");
    r.servlet("slow-x", new LegacyApp.SlowVariants(), false, "/slow-x/*");
    r.servlet("multi", new LegacyApp.Multi(), false, "/multi-status");
  }

  /**
   * A settings entry (not a {@code restatus.*} key, so Restatus ignores it) that tells a container
   * to declare no error page for that application: what the jar alone must cover.
   */
  String NO_ERROR_PAGE = "test.no-error-page";

  /**
   * A setting for {@link #add}: the application has its own HTML error pages for 404 and 500 at
   * {@code /page/404} and {@code /page/500} (Spring Boot: its error controller, showing messages).
   */
  String APP_ERROR_PAGES = "test.app-error-pages";

  /** A setting for {@link #add}: the context has no {@link RestatusFilter} at all. */
  String NO_FILTER = "test.no-filter";
}
