package dev.restatus.core.scenario;

import java.util.List;
import java.util.Map;

/**
 * The one scenario table every adapter runs on a real server (docs/ARCHITECTURE.md, Tests).
 *
 * <p>Each adapter's test application is started with {@link #SETTINGS} and serves these endpoints,
 * below its application root, in its own idiom (servlet: {@code sendError}/{@code
 * setStatus}/writers; JAX-RS: {@code Response}s, exceptions, entities):
 *
 * <table>
 *   <caption>fixture endpoints</caption>
 *   <tr><td>GET /ok</td><td>200 text/plain "ok"; only GET (and so HEAD, OPTIONS) served</td></tr>
 *   <tr><td>GET /status/{n}</td><td>status n, no body</td></tr>
 *   <tr><td>GET /html/{n}</td><td>status n, text/html body containing "legacy error page"</td></tr>
 *   <tr><td>GET /generated/{n}</td><td>200 text/plain {@link #generated(int)}, no
 *       validator</td></tr>
 *   <tr><td>GET /versioned</td><td>200 text/plain {@link #VERSIONED_BODY}, ETag "v1",
 *       Last-Modified {@link #VERSIONED_LAST_MODIFIED}, Cache-Control max-age=60,
 *       Content-Language en</td></tr>
 *   <tr><td>PUT, PATCH, DELETE /versioned</td><td>204, whatever the preconditions; the
 *       servlet fixture registers a ValidatorSource that knows it, the JAX-RS one lets Restatus ask
 *       its GET</td></tr>
 *   <tr><td>GET, POST /slow/{ms}</td><td>after {@code ms} milliseconds: 201 application/json
 *       {@code {"done":true}}, Location /things/1 (deferred after 400 ms)</td></tr>
 *   <tr><td>GET /slow-fail/{ms}</td><td>after {@code ms} milliseconds throws
 *       RuntimeException("secret-1234 in com.acme.Db") (deferred after 400 ms)</td></tr>
 *   <tr><td>POST /work/{ms}</td><td>starts an operation through the adapter's Accepted API and
 *       completes it after {@code ms} milliseconds, on another thread, with 201 application/json
 *       {@code {"done":true}}, Location /things/1</td></tr>
 *   <tr><td>POST /work-fail</td><td>starts an operation and fails it at once with
 *       RuntimeException("secret-1234 in com.acme.Db")</td></tr>
 *   <tr><td>GET /multi-status</td><td>{@link #multiStatus()}: a servlet writes it with
 *       MultiStatusResponses, a resource returns it</td></tr>
 *   <tr><td>GET /invalid</td><td>throws InvalidRequestException.of("qty", "must be greater than
 *       0").and("sku", "must not be blank")</td></tr>
 *   <tr><td>GET /html-stack/{n}</td><td>status n, text/html body {@link #HTML_STACK}</td></tr>
 *   <tr><td>GET /problem/{n}</td><td>status n, the app's own problem+json with type
 *       https://example.test/probs/app and detail "kept as written"</td></tr>
 *   <tr><td>GET /legacy-json/{n}</td><td>status n, application/json {"error":"legacy shape"}</td></tr>
 *   <tr><td>GET /legacy-vnd/{n}</td><td>status n, application/vnd.legacy+json
 *       {"error":"legacy shape"}</td></tr>
 *   <tr><td>GET /throw/runtime</td><td>throws RuntimeException("secret-1234 in com.acme.Db")</td></tr>
 *   <tr><td>GET /throw/error</td><td>throws AssertionError("secret-1234")</td></tr>
 *   <tr><td>GET /throw/checked</td><td>throws IOException("secret-1234")</td></tr>
 *   <tr><td>GET /throw/mapped</td><td>throws NumberFormatException("not a number: x")</td></tr>
 *   <tr><td>GET /throw/nearest</td><td>throws InputMismatchException("mismatch")</td></tr>
 *   <tr><td>GET /throw/wrapped</td><td>throws an exception (ServletException, or
 *       RuntimeException) "outer secret-1234" caused by IllegalArgumentException("wrapped
 *       cause")</td></tr>
 *   <tr><td>GET /throw/problem</td><td>throws ProblemException.of(409, "version 7 is current",
 *       "X-Current-Version", "7")</td></tr>
 *   <tr><td>GET /throw/problem-leak</td><td>throws ProblemException.of(500, {@link
 *       #LEAKING_DETAIL})</td></tr>
 *   <tr><td>GET /throw/problem-503</td><td>throws ProblemException.of(503, "back soon")</td></tr>
 *   <tr><td>GET /throw/problem-200</td><td>throws ProblemException.of(200, "fine")</td></tr>
 *   <tr><td>GET /throw/problem-cause</td><td>throws {@link #problemShowingItsCause()}</td></tr>
 *   <tr><td>GET /throw/problem-npe</td><td>throws ProblemException.of(500,
 *       "NullPointerException")</td></tr>
 *   <tr><td>GET /throw/carrier</td><td>throws {@link OutOfStock}, an exception of its own that
 *       implements ProblemResponse</td></tr>
 *   <tr><td>GET /body/204</td><td>status 204 with a text/plain body "stray"</td></tr>
 *   <tr><td>GET /challenge/401</td><td>401 with WWW-Authenticate: Basic realm="legacy"</td></tr>
 *   <tr><td>GET /retry/valid</td><td>503 with Retry-After: 30</td></tr>
 *   <tr><td>GET /retry/invalid</td><td>503 with Retry-After: soon</td></tr>
 *   <tr><td>GET /conceal/secret</td><td>403 with message or body "secret exists"</td></tr>
 *   <tr><td>GET /conceal/missing</td><td>404 as the app answers a missing resource</td></tr>
 *   <tr><td>GET /conceal/status</td><td>a bare 403 status (setStatus, Response.status)</td></tr>
 *   <tr><td>GET /conceal/throw</td><td>throws SecurityException("secret exists"), mapped to
 *       403</td></tr>
 *   <tr><td>GET /forbidden</td><td>403</td></tr>
 *   <tr><td>GET /fixed</td><td>405 without Allow (the Allow override applies)</td></tr>
 *   <tr><td>GET /created</td><td>201 without Location</td></tr>
 *   <tr><td>GET /stack</td><td>500 text/plain showing "java.lang.IllegalStateException: boom" and
 *       the frame "at com.acme.Foo.bar(Foo.java:12)"</td></tr>
 * </table>
 */
public final class Scenarios {

  /** {@code restatus.etag.max-buffer} of the fixtures. */
  public static final int ETAG_BUFFER = 2048;

  /** The settings each adapter's fixture is started with. */
  public static final Map<String, String> SETTINGS =
      Map.ofEntries(
          Map.entry("restatus.exception.java.lang.IllegalArgumentException", "400"),
          Map.entry("restatus.exception.java.util.NoSuchElementException", "404"),
          Map.entry("restatus.exception.java.util.InputMismatchException", "422"),
          Map.entry("restatus.keep-error-bodies", "application/vnd.legacy+json"),
          Map.entry("restatus.exception.java.lang.SecurityException", "403"),
          Map.entry("restatus.conceal-forbidden", "/conceal/** /vault/**"),
          Map.entry("restatus.allow./fixed/**", "GET, PUT"),
          Map.entry("restatus.moved./v1/orders/*", "/orders/{1}"),
          Map.entry("restatus.moved./old/**", "/new/{**}"),
          Map.entry("restatus.gone", "/retired/** /old/gone/**"),
          Map.entry("restatus.maintenance.paths", "/maint/**"),
          Map.entry("restatus.maintenance.exempt", "/maint/health"),
          Map.entry("restatus.consumes./upload/**", "application/json"),
          Map.entry("restatus.produces./listing/**", "application/json"),
          Map.entry("restatus.consumes./ok", "application/json"),
          Map.entry("restatus.precondition-required", "/versioned"),
          Map.entry("restatus.defer./slow/**", "400ms"),
          Map.entry("restatus.defer./slow-fail/**", "400ms"),
          Map.entry("restatus.defer./slow-x/**", "400ms"),
          Map.entry("restatus.contract-path", "/restatus/contract"),
          Map.entry("restatus.etag", "/generated/**"),
          Map.entry("restatus.etag.max-buffer", Integer.toString(ETAG_BUFFER)));

  /** An HTML error page showing a stack, as careless legacy pages do. */
  public static final String HTML_STACK =
      "<html><body><h1>error</h1><pre>java.lang.IllegalStateException: boom\n"
          + "\tat com.acme.Foo.bar(Foo.java:12)</pre></body></html>";

  /** The {@code Accept} a browser sends for a page (Firefox's). */
  public static final String BROWSER =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  /**
   * @param n a length
   * @return the body of {@code GET /generated/n}: {@code n} ASCII characters
   */
  public static String generated(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + (i * 7 + n) % 26));
    }
    return b.toString();
  }

  /** The body of {@code GET /versioned}. */
  public static final String VERSIONED_BODY = "version 1";

  /** The {@code Last-Modified} of {@code GET /versioned}. */
  public static final String VERSIONED_LAST_MODIFIED = "Tue, 01 Dec 2026 10:00:00 GMT";

  /** The detail of an application's 5xx problem that shows internals. */
  public static final String LEAKING_DETAIL =
      "java.lang.IllegalStateException: pool exhausted at com.acme.Db.get(Db.java:9)";

  /**
   * @return a 500 ProblemException whose detail is the message of its cause, as careless code
   *     builds one
   */
  public static dev.restatus.core.ProblemException problemShowingItsCause() {
    Exception cause = new IllegalStateException("Pool db01.internal:5432 exhausted for app_rw");
    return new dev.restatus.core.ProblemException(
        dev.restatus.core.Problem.builder(500).detail(cause.getMessage()).build(), Map.of(), cause);
  }

  /** The string no 5xx body may show. */
  public static final String SECRET = "secret-1234";

  private Scenarios() {}

  /**
   * @return every row of the table
   */
  public static List<Scenario> all() {
    return List.of(
        get("success passes through", "/ok").status(200).contains("ok"),
        get("moved path: 301 with its segment and query", "/v1/orders/7?page=2")
            .status(301)
            .problem()
            .headerHas("Location", "/orders/7?page=2"),
        Scenario.of("moved path, unsafe method: 308", "POST", "/v1/orders/7")
            .status(308)
            .problem()
            .headerHas("Location", "/orders/7"),
        get("moved tree: the rest of the path follows", "/old/a/b")
            .status(301)
            .headerHas("Location", "/new/a/b"),
        get("the longest of moved and gone wins", "/old/gone/x").status(410).problem(),
        Scenario.of("gone path: 410 for any method", "DELETE", "/retired/x")
            .status(410)
            .problem()
            .without("Location"),
        get("maintenance: 503 with Retry-After", "/maint/orders")
            .status(503)
            .problem()
            .headerIs("Retry-After", "120")
            .detail("The service is down for maintenance. Retry after 120 seconds."),
        get("maintenance exempt path reaches the app", "/maint/health").status(404).problem(),
        Scenario.of("body of an undeclared type: 415 with Accept-Post", "POST", "/upload/x")
            .header("Content-Type", "text/plain")
            .body("hi")
            .status(415)
            .problem()
            .headerIs("Accept-Post", "application/json"),
        Scenario.of("PATCH of an undeclared type: 415 with Accept-Patch", "PATCH", "/upload/x")
            .header("Content-Type", "text/plain")
            .body("hi")
            .status(415)
            .headerIs("Accept-Patch", "application/json")
            .without("Accept-Post"),
        Scenario.of("body of a declared type reaches the app", "POST", "/ok")
            .header("Content-Type", "application/json; charset=utf-8")
            .body("{}")
            .status(405)
            .problem(),
        get("Accept excluding every produced type: 406", "/listing/x")
            .header("Accept", "text/csv, application/json;q=0")
            .status(406)
            .problem()
            .contains("application/json"),
        get("Accept lines are one list: a later line can accept", "/listing/x")
            .header("Accept", "text/csv")
            .header("accept", "application/json")
            .status(404),
        get("Accept of a produced type reaches the app", "/listing/x")
            .header("Accept", "text/csv;q=0.5, application/*")
            .status(404),
        get("malformed Accept on a declared path: 400", "/listing/x")
            .header("Accept", "application/json;q=2")
            .status(400)
            .problem(),
        // conditional requests
        get("a matching If-None-Match: 304 with the validators, no body", "/versioned")
            .header("If-None-Match", "\"v0\", \"v1\"")
            .status(304)
            .empty()
            .headerIs("ETag", "\"v1\"")
            .headerIs("Cache-Control", "max-age=60")
            .without("Content-Type", "Content-Language", "Last-Modified"),
        get("If-None-Match compares weakly", "/versioned")
            .header("If-None-Match", "W/\"v1\"")
            .status(304)
            .empty(),
        get("If-None-Match * matches an existing representation", "/versioned")
            .header("If-None-Match", "*")
            .status(304)
            .empty(),
        get("a stale If-None-Match gets the representation", "/versioned")
            .header("If-None-Match", "\"v0\"")
            .status(200)
            .contains(VERSIONED_BODY)
            .headerIs("ETag", "\"v1\""),
        get("If-Modified-Since after the change: 304", "/versioned")
            .header("If-Modified-Since", "Wed, 02 Dec 2026 10:00:00 GMT")
            .status(304)
            .empty(),
        get("If-Modified-Since before the change: 200", "/versioned")
            .header("If-Modified-Since", "Mon, 30 Nov 2026 10:00:00 GMT")
            .status(200)
            .contains(VERSIONED_BODY),
        get("If-None-Match wins over If-Modified-Since", "/versioned")
            .header("If-None-Match", "\"v0\"")
            .header("If-Modified-Since", "Wed, 02 Dec 2026 10:00:00 GMT")
            .status(200),
        get("an invalid If-Modified-Since is ignored", "/versioned")
            .header("If-Modified-Since", "yesterday-ish")
            .status(200)
            .contains(VERSIONED_BODY),
        get("a failed If-Match on a read: 412", "/versioned")
            .header("If-Match", "\"v0\"")
            .status(412)
            .problem(),
        get("a malformed If-None-Match: 400", "/versioned")
            .header("If-None-Match", "\"unterminated")
            .status(400)
            .problem(),
        Scenario.of("HEAD with a matching If-None-Match: 304", "HEAD", "/versioned")
            .header("If-None-Match", "\"v1\"")
            .status(304)
            .empty(),
        Scenario.of("a write without a precondition: 428", "PUT", "/versioned")
            .status(428)
            .problem()
            .contains("If-Match"),
        Scenario.of("a write with If-Match reaches the app", "PUT", "/versioned")
            .header("If-Match", "\"v1\"")
            .status(204),
        Scenario.of("a delete with If-Unmodified-Since reaches the app", "DELETE", "/versioned")
            .header("If-Unmodified-Since", "Wed, 02 Dec 2026 10:00:00 GMT")
            .status(204),
        Scenario.of("a stale If-Match: 412 before the write runs", "PUT", "/versioned")
            .header("If-Match", "\"v0\"")
            .status(412)
            .problem(),
        Scenario.of("If-Match compares strongly", "PATCH", "/versioned")
            .header("If-Match", "W/\"v1\"")
            .status(412)
            .problem(),
        Scenario.of("a create-only PUT on an existing resource: 412", "PUT", "/versioned")
            .header("If-None-Match", "*")
            .status(412)
            .problem(),
        Scenario.of("a stale If-Unmodified-Since: 412", "DELETE", "/versioned")
            .header("If-Unmodified-Since", "Mon, 30 Nov 2026 10:00:00 GMT")
            .status(412)
            .problem(),
        Scenario.of("a write with a malformed If-Match: 400", "PUT", "/versioned")
            .header("If-Match", "v1")
            .status(400)
            .problem(),
        get("a body longer than the ETag buffer streams on, untouched", "/generated/5000")
            .status(200)
            .without("ETag")
            .contains(generated(5000)),
        // negotiated error bodies
        get("a client preferring XML gets problem+xml", "/status/404")
            .header("Accept", "application/xml")
            .status(404)
            .xmlProblem()
            .noDetail()
            .headerHas("Vary", "Accept"),
        get("problem+xml preferred by weight", "/status/409")
            .header("Accept", "application/json;q=0.5, application/problem+xml")
            .status(409)
            .xmlProblem(),
        get("JSON wins a tie with XML", "/status/409")
            .header("Accept", "application/xml, application/json")
            .status(409)
            .problem()
            .headerHas("Vary", "Accept"),
        get("an exception's problem in XML, sanitized", "/throw/runtime")
            .header("Accept", "application/xml")
            .status(500)
            .xmlProblem()
            .lacks(SECRET, "RuntimeException", "com.acme"),
        get("a ProblemException in XML", "/throw/problem")
            .header("Accept", "application/xml")
            .status(409)
            .xmlProblem()
            .detail("version 7 is current")
            .headerIs("X-Current-Version", "7"),
        get("the concealed 404 ignores Accept", "/conceal/secret")
            .header("Accept", "application/xml")
            .status(404)
            .problem()
            .noDetail()
            .without("Vary"),
        get("a browser keeps the app's HTML 4xx page", "/html/404")
            .header("Accept", BROWSER)
            .status(404)
            .contains("legacy error page")
            .headerHas("Content-Type", "text/html")
            .headerHas("Vary", "Accept"),
        get("a browser keeps a clean HTML 5xx page", "/html/500")
            .header("Accept", BROWSER)
            .status(500)
            .contains("legacy error page"),
        get("a browser never sees a stack in an HTML page", "/html-stack/500")
            .header("Accept", BROWSER)
            .status(500)
            .xmlProblem()
            .lacks("com.acme", "IllegalStateException"),
        get("a browser never sees a stack in text", "/stack")
            .header("Accept", BROWSER)
            .status(500)
            .xmlProblem()
            .lacks("com.acme"),
        get("a browser gets the canonical 404 on a concealed path", "/conceal/secret")
            .header("Accept", BROWSER)
            .status(404)
            .problem()
            .noDetail()
            .without("Vary"),
        Scenario.of("HEAD success has no body", "HEAD", "/ok").status(200).empty(),
        // every 4xx/5xx carries a problem
        get("error status without body", "/status/404")
            .status(404)
            .problem()
            .noDetail()
            .headerIs("Vary", "Accept"),
        get("400 without body", "/status/400").status(400).problem(),
        get("409 without body", "/status/409").status(409).problem(),
        get("410 without body", "/status/410").status(410).problem(),
        get("412 without body", "/status/412").status(412).problem(),
        get("428 without body", "/status/428").status(428).problem(),
        get("500 without body", "/status/500")
            .status(500)
            .problem()
            .with("Restatus-Error-Id")
            .contains("error id"),
        get("HTML error body replaced", "/html/404")
            .status(404)
            .problem()
            .lacks("legacy error page"),
        get("HTML 500 replaced", "/html/500").status(500).problem().lacks("legacy error page"),
        get("app problem+json kept", "/problem/409")
            .status(409)
            .problem()
            .type("https://example.test/probs/app")
            .detail("kept as written"),
        get("legacy JSON replaced", "/legacy-json/400").status(400).problem().lacks("legacy shape"),
        get("kept legacy type", "/legacy-vnd/400")
            .status(400)
            .contains("legacy shape")
            .headerHas("Content-Type", "application/vnd.legacy+json"),
        // exceptions
        get("RuntimeException sanitized", "/throw/runtime")
            .status(500)
            .problem()
            .with("Restatus-Error-Id")
            .lacks(SECRET, "RuntimeException", "com.acme", "\tat "),
        get("Error sanitized", "/throw/error")
            .status(500)
            .problem()
            .lacks(SECRET, "AssertionError"),
        get("checked exception sanitized", "/throw/checked")
            .status(500)
            .problem()
            .lacks(SECRET, "IOException"),
        get("mapped exception", "/throw/mapped")
            .status(400)
            .problem()
            .detail("not a number: x")
            .lacks("NumberFormatException"),
        get("nearest mapped superclass wins", "/throw/nearest").status(422).problem(),
        get("mapped cause of a wrapper", "/throw/wrapped")
            .status(400)
            .problem()
            .detail("wrapped cause")
            .lacks(SECRET),
        get("ProblemException sent as built", "/throw/problem")
            .status(409)
            .problem()
            .detail("version 7 is current")
            .headerIs("X-Current-Version", "7"),
        get("an application's 5xx problem showing internals is replaced", "/throw/problem-leak")
            .status(500)
            .problem()
            .with("Restatus-Error-Id")
            .lacks("com.acme", "IllegalStateException"),
        get("an application's clean 5xx problem is kept, with an error id", "/throw/problem-503")
            .status(503)
            .problem()
            .detail("back soon")
            .with("Restatus-Error-Id")
            .contains("\"errorId\""),
        get("a ProblemException saying 200 is still a failure", "/throw/problem-200")
            .status(500)
            .problem()
            .lacks("fine"),
        get("a 5xx problem repeating its cause's message is replaced", "/throw/problem-cause")
            .status(500)
            .problem()
            .lacks("db01", "app_rw"),
        get("a 5xx problem naming an exception class is replaced", "/throw/problem-npe")
            .status(500)
            .problem()
            .lacks("NullPointerException"),
        get("an exception carrying its own problem", "/throw/carrier")
            .status(409)
            .problem()
            .detail("sold out")
            .headerIs("X-Restock", "tomorrow")
            .lacks(SECRET),
        get("an InvalidRequestException lists its violations", "/invalid")
            .status(400)
            .problem()
            .detail("2 values are invalid: qty, sku")
            .contains(
                "\"violations\":[{\"field\":\"qty\",\"message\":\"must be greater than 0\"},"
                    + "{\"field\":\"sku\",\"message\":\"must not be blank\"}]"),
        // container / framework errors
        get("unmatched URI", "/nowhere/at/all").status(404).problem(),
        Scenario.of("method not allowed", "DELETE", "/ok")
            .status(405)
            .problem()
            .headerHas("Allow", "GET")
            .headerLacks("Allow", "DELETE"),
        Scenario.of("HEAD on an error", "HEAD", "/status/404")
            .status(404)
            .empty()
            .headerHas("Content-Type", "application/problem+json"),
        // policy rules
        get("204 without body", "/status/204").status(204).empty().without("Content-Type"),
        get("204 with a stray body", "/body/204")
            .status(204)
            .empty()
            .without("Content-Type", "Content-Length"),
        get("401 gets a challenge", "/status/401")
            .status(401)
            .problem()
            .headerIs("WWW-Authenticate", "Bearer realm=\"api\""),
        get("app challenge wins", "/challenge/401")
            .status(401)
            .problem()
            .headerIs("WWW-Authenticate", "Basic realm=\"legacy\""),
        get("503 gets Retry-After", "/status/503")
            .status(503)
            .problem()
            .headerIs("Retry-After", "120"),
        get("429 gets Retry-After", "/status/429")
            .status(429)
            .problem()
            .headerIs("Retry-After", "120"),
        get("valid app Retry-After kept", "/retry/valid")
            .status(503)
            .problem()
            .headerIs("Retry-After", "30"),
        get("invalid app Retry-After replaced", "/retry/invalid")
            .status(503)
            .problem()
            .headerIs("Retry-After", "120"),
        get("concealed 403", "/conceal/secret")
            .status(404)
            .problem()
            .noDetail()
            .lacks("secret exists", "Forbidden"),
        get("concealed bare 403 status", "/conceal/status").status(404).problem().noDetail(),
        get("concealed 403 from an exception", "/conceal/throw")
            .status(404)
            .problem()
            .noDetail()
            .lacks("secret exists"),
        get("403 outside concealed paths", "/forbidden").status(403).problem(),
        get("304 without body", "/status/304").status(304).empty().without("Content-Type"),
        get("Allow override per path pattern", "/fixed")
            .status(405)
            .problem()
            .headerIs("Allow", "PUT"),
        Scenario.of("unknown method is 501", "PROPFIND", "/ok").status(501).problem(),
        get("201 without Location is left alone", "/created")
            .status(201)
            .without("Location")
            .contains("created"));
  }

  private static Scenario get(String name, String path) {
    return Scenario.of(name, "GET", path);
  }

  /**
   * @return the fixture's 207 document: a 201 item with a body, a 409 item without a problem, a 500
   *     item whose problem shows an exception and a stack frame
   */
  public static dev.restatus.core.MultiStatus multiStatus() {
    return dev.restatus.core.MultiStatus.builder()
        .add("1", 201, Map.of("id", 1))
        .add("2", 409)
        .add(
            "3",
            dev.restatus.core.Problem.builder(500)
                .detail(
                    "java.lang.IllegalStateException: secret-1234\n\tat com.acme.Db.q(Db.java:1)")
                .build())
        .build();
  }
}
