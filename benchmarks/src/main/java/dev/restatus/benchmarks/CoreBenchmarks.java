package dev.restatus.benchmarks;

import dev.restatus.core.RestatusConfig;
import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.Failure;
import dev.restatus.core.adapter.RequestView;
import dev.restatus.core.adapter.ResponseView;
import dev.restatus.core.adapter.Restatus;
import dev.restatus.core.internal.http.EntityTag;
import dev.restatus.core.internal.http.HttpDates;
import dev.restatus.core.internal.http.MediaRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The core's cost per exchange, without a server: the pass-through decision of a success (goal: at
 * most 100 ns and 0 B/op, with {@code -prof gc}), a generated problem (404 and 500; goal: at most 2
 * µs), a concealed 403, and the header parsers on values as they arrive.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CoreBenchmarks {

  /** Held, or the JUL logger (and its level) may be collected. */
  private static final java.util.logging.Logger QUIET =
      java.util.logging.Logger.getLogger("dev.restatus");

  private static final String BROWSER =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

  private Restatus engine;
  private final RequestView get = new Request("GET", "/orders/42");
  private final RequestView concealedGet = new Request("GET", "/admin/users");
  private final ResponseView ok = new Response(200, "application/json", true);
  private final ResponseView notFound = new Response(404, null, false);
  private final ResponseView forbidden = new Response(403, "text/html", true);
  private final IllegalStateException failure = new IllegalStateException("pool exhausted");

  /** The engine with the settings of a typical deployment. */
  @Setup
  public void setUp() {
    engine =
        Restatus.create(
            RestatusConfig.of(
                Map.of(
                    "restatus.conceal-forbidden", "/admin/**",
                    "restatus.produces./listing/**", "application/json",
                    "restatus.etag", "/catalog/**")),
            null);
    QUIET.setLevel(java.util.logging.Level.OFF);
  }

  /** Unregisters the engine. */
  @TearDown
  public void tearDown() {
    engine.close();
  }

  /**
   * @return the decision for a 200 that nothing changes
   */
  @Benchmark
  public Decision passThrough() {
    return engine.onResponse(get, ok);
  }

  /**
   * @return the problem for a bare 404
   */
  @Benchmark
  public Decision generatedProblem404() {
    return engine.onResponse(get, notFound);
  }

  /**
   * @return the sanitized 500 for an uncaught exception, rendered
   */
  @Benchmark
  public byte[] generatedProblem500() {
    Failure f = engine.onException(get, failure);
    return engine.render(f.problem(), engine.problemMediaType(get));
  }

  /**
   * @return the canonical not-found of a 403 on a concealed path
   */
  @Benchmark
  public Decision concealed403() {
    return engine.onResponse(concealedGet, forbidden);
  }

  /**
   * @return a browser's Accept, parsed
   */
  @Benchmark
  public List<MediaRange> parseAccept() {
    return MediaRange.parseAccept(BROWSER);
  }

  /**
   * @return an If-None-Match list, parsed
   */
  @Benchmark
  public List<EntityTag> parseEntityTags() {
    return EntityTag.parseList("\"v41\", W/\"v42\", \"3f0c2a9d51b7e804\"");
  }

  /**
   * @return an If-Modified-Since date, parsed
   */
  @Benchmark
  public Optional<Instant> parseHttpDate() {
    return HttpDates.parse("Tue, 01 Dec 2026 10:00:00 GMT");
  }

  /** A request as an adapter shows it. */
  private record Request(String method, String path) implements RequestView {
    @Override
    public String header(String name) {
      return name.equalsIgnoreCase("Accept") ? "application/json" : null;
    }
  }

  /** A response as an adapter shows it. */
  private record Response(int status, String contentType, boolean hasBody) implements ResponseView {
    @Override
    public String header(String name) {
      return name.equalsIgnoreCase("Content-Type") ? contentType : null;
    }
  }
}
