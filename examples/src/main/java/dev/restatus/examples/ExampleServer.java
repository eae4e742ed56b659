package dev.restatus.examples;

import dev.restatus.examples.api.ShopApi;
import java.io.FileNotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.Descriptor;
import org.eclipse.jetty.ee10.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * One embedded Jetty 12 server with the same two applications mounted twice, without and with
 * Restatus:
 *
 * <ul>
 *   <li>{@code /legacy-raw}: a servlet application configured by a real {@code web.xml} ({@code
 *       webapp-legacy/WEB-INF/web.xml} on the class path), as the container answers it;
 *   <li>{@code /legacy}: the same web.xml; Restatus comes in the drop-in way, from the {@code
 *       META-INF/web-fragment.xml} of the restatus-servlet-filter jar. Its settings are a {@code
 *       <filter>} named "Restatus" in {@code WEB-INF/restatus-web.xml}, merged with the fragment's
 *       declaration;
 *   <li>{@code /api-raw}: a Jersey application ({@link ShopApi}) with {@code
 *       restatus.auto-register=false};
 *   <li>{@code /api}: the same Jersey application; Restatus is registered by Jersey's
 *       auto-discovery because restatus-jaxrs is on the class path.
 * </ul>
 *
 * <p>Run it with {@code ./mvnw -B -ntp -pl examples -am -DskipTests package exec:java}, or from the
 * IDE. The port is 8080, or the system property {@code port}, or the environment variable {@code
 * PORT} (the system property wins); 0 takes any free port.
 */
public final class ExampleServer {

  /** The port when neither {@code -Dport} nor {@code PORT} says otherwise. */
  public static final int DEFAULT_PORT = 8080;

  /**
   * Which container class path entries /legacy scans for web fragments (Jetty's {@code
   * ContainerIncludeJarPattern}): the restatus-servlet-filter jar as Maven and a distribution have
   * it, or its {@code target/classes} directory as an IDE has it. A war needs none of this: Jetty
   * scans every jar in {@code WEB-INF/lib}.
   */
  public static final String RESTATUS_FILTER_JARS =
      ".*/restatus-servlet-filter-[^/]*\\.jar|.*/servlet-filter/target/classes/?";

  private static final String JUL_FORMAT = "java.util.logging.SimpleFormatter.format";
  private static final String JERSEY_PROVIDERS =
      "org.glassfish.jersey.message.internal.MessagingBinders";
  private static Logger jerseyProviders; // held, so that its level outlives garbage collection

  private static final String WEB_XML = "webapp-legacy/WEB-INF/web.xml";
  private static final String RESTATUS_WEB_XML = "webapp-legacy/WEB-INF/restatus-web.xml";

  private final Server server;
  private final WebAppContext legacy;

  private ExampleServer(Server server, WebAppContext legacy) {
    this.server = server;
    this.legacy = legacy;
  }

  /**
   * Starts the server on {@code localhost} with all four applications.
   *
   * @param port the port; 0 for any free one
   * @return the started server
   * @throws Exception if Jetty or an application cannot start
   */
  public static ExampleServer start(int port) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("localhost");
    connector.setPort(port);
    server.addConnector(connector);

    WebAppContext legacy = legacyApp("/legacy", true);
    ContextHandlerCollection contexts =
        new ContextHandlerCollection(
            legacyApp("/legacy-raw", false),
            legacy,
            api("/api-raw", null),
            api("/api", "enforce"),
            api("/api-report", "report"));
    server.setHandler(contexts);
    server.setStopAtShutdown(true);
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    ExampleServer started = new ExampleServer(server, legacy);
    if (started.restatusFilterSource() == null) {
      started.stop();
      throw new IllegalStateException(
          "/legacy found no web-fragment.xml of restatus-servlet-filter on the class path"
              + " (pattern "
              + RESTATUS_FILTER_JARS
              + "); is the module built?");
    }
    return started;
  }

  private static WebAppContext legacyApp(String contextPath, boolean restatus) throws Exception {
    WebAppContext app = new WebAppContext();
    app.setContextPath(contextPath);
    String webXml = classpathUri(WEB_XML);
    app.setBaseResource(
        app.getResourceFactory()
            .newResource(webXml.substring(0, webXml.length() - "WEB-INF/web.xml".length())));
    app.setParentLoaderPriority(true); // the servlets are on this JVM's class path
    app.setInitParameter("org.eclipse.jetty.servlet.Default.dirAllowed", "false");
    app.setThrowUnavailableOnStartupException(true);
    if (restatus) {
      // the drop-in: let Jetty scan the restatus-servlet-filter jar like one in WEB-INF/lib
      app.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, RESTATUS_FILTER_JARS);
      // settings: in a real app this <filter> goes into web.xml itself
      app.addOverrideDescriptor(classpathUri(RESTATUS_WEB_XML));
    }
    return app;
  }

  private static ServletContextHandler api(String contextPath, String mode) {
    ServletContextHandler api = new ServletContextHandler(contextPath);
    ServletHolder jersey = new ServletHolder("shop-api", new ServletContainer(new ShopApi(mode)));
    jersey.setAsyncSupported(true); // GET /tracking/{id}
    api.addServlet(jersey, "/*");
    return api;
  }

  private static String classpathUri(String name) throws FileNotFoundException, URISyntaxException {
    URL url = ExampleServer.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new FileNotFoundException(name + " is not on the class path");
    }
    return url.toURI().toString();
  }

  /**
   * @return the port the server listens on
   */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /**
   * @param path a path starting with {@code /}, such as {@code /legacy/orders/42}
   * @return the absolute URI of that path on this server
   */
  public URI uri(String path) {
    return URI.create("http://localhost:" + port() + path);
  }

  /**
   * Where the {@code RestatusFilter} of /legacy was declared: the {@code web-fragment.xml} inside
   * the restatus-servlet-filter jar, if the drop-in worked.
   *
   * @return the URI of the descriptor that named the filter class, or {@code null} if /legacy has
   *     no filter named "Restatus"
   */
  public String restatusFilterSource() {
    FilterHolder holder = legacy.getServletHandler().getFilter("Restatus");
    if (holder == null || holder.getClassName() == null) {
      return null;
    }
    Descriptor d = legacy.getMetaData().getOriginDescriptor("Restatus.filter.filter-class");
    return d == null ? String.valueOf(holder.getSource()) : d.getURI();
  }

  /**
   * Waits until the server stops.
   *
   * @throws InterruptedException if interrupted
   */
  public void join() throws InterruptedException {
    server.join();
  }

  /**
   * Stops the server.
   *
   * @throws Exception if Jetty fails to stop
   */
  public void stop() throws Exception {
    server.stop();
  }

  /**
   * The port to listen on: the system property {@code port}, else the environment variable {@code
   * PORT}, else {@value #DEFAULT_PORT}.
   *
   * @param systemProperty the value of {@code -Dport}, or {@code null}
   * @param environment the value of {@code PORT}, or {@code null}
   * @return the port
   * @throws IllegalArgumentException if the chosen value is not a port number
   */
  static int port(String systemProperty, String environment) {
    String value = systemProperty;
    String source = "system property port";
    if (value == null || value.isBlank()) {
      value = environment;
      source = "environment variable PORT";
    }
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        source + " = \"" + value + "\": expected a port from 0 to 65535");
  }

  /**
   * @return the start-up text: where the applications are and what to compare
   */
  String banner() {
    String base = "http://localhost:" + port();
    StringBuilder b = new StringBuilder();
    b.append("\nRestatus examples on ").append(base).append("  (Ctrl-C stops)\n\n");
    b.append("  ").append(base).append("/legacy-raw  servlet app from web.xml, no Restatus\n");
    b.append("  ").append(base).append("/legacy      the same app + RestatusFilter from\n");
    b.append("      ").append(restatusFilterSource()).append('\n');
    b.append("  ").append(base).append("/api-raw     Jersey app, restatus.auto-register=false\n");
    b.append("  ")
        .append(base)
        .append("/api         the same Jersey app, Restatus auto-discovered\n");
    b.append("  ")
        .append(base)
        .append("/api-report  the same again in restatus.mode=report: answers as /api-raw,")
        .append(" logs each violation once, counts them in JMX dev.restatus:type=Findings\n");
    b.append("\nEach line asks the raw app, then the one with Restatus:\n");
    for (Map.Entry<String, String> e : comparisons()) {
      b.append("\n  # ").append(e.getKey()).append('\n');
      b.append("  ").append(e.getValue()).append('\n');
    }
    b.append("\nMore paths, the same under every app: /orders/{42,7,abc,0,13,99},")
        .append(" /orders/42/invoice, POST /orders/42/ship,\n")
        .append("  /tracking/42, /reports/daily, POST /reports/export, /me, /admin/users, /ping,")
        .append(" /nope;")
        .append(" JAX-RS only: /orders/42/payment,\n")
        .append("  POST /orders/42/refund, POST /orders (415), -H 'Accept: text/csv' (406)\n");
    return b.toString();
  }

  private List<Map.Entry<String, String>> comparisons() {
    return List.of(
        Map.entry(
            "uncaught exception, its message holds a password: HTML 500 vs sanitized problem",
            curl("", "/legacy-raw/orders/13", "/legacy/orders/13")),
        Map.entry(
            "sendError(404) and HEAD: the shop's HTML error page vs problem headers",
            curl("-I ", "/legacy-raw/orders/7", "/legacy/orders/7")),
        Map.entry(
            "a client preferring XML: the shop's HTML 404 page vs problem+xml",
            curl("-H 'Accept: application/xml' ", "/legacy-raw/orders/7", "/legacy/orders/7")),
        Map.entry(
            "a browser: the shop's own 404 page both times (wrapped: with Vary: Accept)",
            curl("-H 'Accept: text/html' ", "/legacy-raw/orders/7", "/legacy/orders/7")),
        Map.entry(
            "IllegalArgumentException, mapped by restatus.exception.*: 500 vs 400",
            curl("", "/legacy-raw/orders/0", "/legacy/orders/0")),
        Map.entry(
            "HttpServlet's 405 without Allow vs a problem with Allow",
            curl("-X DELETE ", "/legacy-raw/orders/42", "/legacy/orders/42")),
        Map.entry(
            "async servlet failing from another thread: HTML 504 vs problem",
            curl("", "/legacy-raw/tracking/42", "/legacy/tracking/42")),
        Map.entry(
            "403 on a concealed path: 403 vs the 404 of a missing path",
            curl("", "/legacy-raw/admin/users", "/legacy/admin/users")),
        Map.entry(
            "WebApplicationException(503), no entity: HTML, no Retry-After vs problem + Retry-After",
            curl("", "/api-raw/orders/42/invoice", "/api/orders/42/invoice")),
        Map.entry(
            "a resource returning a Problem: Jackson cannot write it, Jersey's 400 vs problem+json"
                + " 402",
            curl("", "/api-raw/orders/42/payment", "/api/orders/42/payment")),
        Map.entry(
            "an unknown JSON property: Jackson's text with Java class names vs the field to fix",
            curl(
                "-H 'Content-Type: application/json' -d '{\"sku\":\"a\",\"qty\":1,\"colour\":1}' ",
                "/api-raw/orders",
                "/api/orders")),
        Map.entry(
            "Bean Validation: an empty 400 vs the violations, by JSON field name",
            curl(
                "-H 'Content-Type: application/json' -d '{\"sku\":\"\",\"qty\":0}' ",
                "/api-raw/orders",
                "/api/orders")),
        Map.entry(
            "PROPFIND: Jersey's 405 vs 501 Not Implemented",
            curl("-X PROPFIND ", "/api-raw/orders/42", "/api/orders/42")),
        Map.entry(
            "a slow export: 201 after 3 s vs 202 after 1 s, Location: its monitor (poll it)",
            curl("-X POST ", "/legacy-raw/reports/export", "/legacy/reports/export")),
        Map.entry(
            "a batch of three orders: one result per item, 200 vs 207 (writing a MultiStatus needs"
                + " only the jar)",
            curl(
                "-H 'Content-Type: application/json' -d '[{\"sku\":\"b\",\"qty\":1},"
                    + "{\"sku\":\"a\",\"qty\":1},{\"qty\":2}]' ",
                "/api-raw/orders/batch",
                "/api/orders/batch")));
  }

  private String curl(String options, String raw, String wrapped) {
    return "curl -si " + options + "-w '\\n\\n' " + uri(raw) + " " + uri(wrapped);
  }

  /**
   * Restatus and Jersey log through java.util.logging: one line per record (plus a stack trace
   * where there is one), and without Jersey's start-up warning that jakarta.activation is absent.
   * An explicit {@code -Djava.util.logging.*} configuration wins.
   */
  private static void quietLogging() {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null) {
      return;
    }
    if (System.getProperty(JUL_FORMAT) == null) {
      System.setProperty(JUL_FORMAT, "%1$tT %4$s %3$s: %5$s%6$s%n");
    }
    jerseyProviders = Logger.getLogger(JERSEY_PROVIDERS);
    jerseyProviders.setLevel(Level.SEVERE);
  }

  /**
   * Starts the server and waits.
   *
   * @param args ignored
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    quietLogging();
    ExampleServer server = start(port(System.getProperty("port"), System.getenv("PORT")));
    System.out.println(server.banner());
    server.join();
  }
}
