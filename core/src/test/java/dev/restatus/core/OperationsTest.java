package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restatus.core.RequestRulesTest.Req;
import dev.restatus.core.adapter.Restatus;
import dev.restatus.core.operation.CapturedResponse;
import dev.restatus.core.operation.MemoryOperationStore;
import dev.restatus.core.operation.Operation;
import dev.restatus.core.operation.OperationStore;
import dev.restatus.core.operation.StoredOperation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Operations answered 202, their monitor and their store, without a container. */
class OperationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Restatus engine(String... settings) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < settings.length; i += 2) {
      m.put(settings[i], settings[i + 1]);
    }
    return Restatus.create(RestatusConfig.of(m), null);
  }

  private static CapturedResponse monitor(Restatus r, String method, String path, String owner) {
    return r.onMonitor(Req.of(method, path), () -> owner).orElseThrow();
  }

  private static String idPath(Operation op) {
    return op.monitor().substring("/shop".length());
  }

  @Test
  void aDeferredPathHasItsDurationAndTheLongestPatternWins() {
    Restatus r =
        engine("restatus.defer./reports/**", "2s", "restatus.defer./reports/slow/*", "500ms");
    assertThat(r.deferAfter(Req.of("POST", "/reports/x"))).contains(Duration.ofSeconds(2));
    assertThat(r.deferAfter(Req.of("GET", "/reports/slow/1"))).contains(Duration.ofMillis(500));
    assertThat(r.deferAfter(Req.of("GET", "/orders/1"))).isEmpty();
    assertThat(r.onMonitor(Req.of("GET", "/orders/1"), () -> null)).isEmpty();
  }

  @Test
  void reportAndOffModesNeitherDeferNorAnswerTheMonitor() {
    for (String mode : List.of("report", "off")) {
      Restatus r = engine("restatus.mode", mode, "restatus.defer./reports/**", "2s");
      assertThat(r.deferAfter(Req.of("POST", "/reports/x"))).isEmpty();
      assertThat(r.onMonitor(Req.of("GET", "/restatus/operations/x"), () -> null)).isEmpty();
    }
  }

  @Test
  void anOperationIsWatchedUntilItsResultIsServed() throws Exception {
    Restatus r = engine();
    String owner = Restatus.owner("Bearer alice", null);
    Operation op = r.startOperation(Req.of("POST", "/exports"), owner, 3, true).orElseThrow();
    assertThat(op.id()).matches("[A-Za-z0-9_-]{24}");
    assertThat(op.monitor()).isEqualTo("/shop/restatus/operations/" + op.id());

    CapturedResponse accepted = op.accepted();
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.header("Location")).isEqualTo(op.monitor());
    assertThat(accepted.header("Retry-After")).isEqualTo("3");
    assertThat(accepted.header("Cache-Control")).isEqualTo("no-store");
    JsonNode doc = JSON.readTree(accepted.body());
    assertThat(doc.get("status").asText()).isEqualTo("running");
    assertThat(doc.get("id").asText()).isEqualTo(op.id());

    CapturedResponse running = monitor(r, "GET", idPath(op), owner);
    assertThat(running.status()).isEqualTo(202);
    assertThat(running.header("Retry-After")).isEqualTo("3");
    assertThat(monitor(r, "GET", idPath(op) + "/result", owner).status())
        .as("a result asked for early says it is running")
        .isEqualTo(202);
    CapturedResponse delete = monitor(r, "DELETE", idPath(op), owner);
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.header("Allow")).isEqualTo("GET, HEAD");

    op.complete(
        CapturedResponse.of(201, "application/json", "{\"id\":7}".getBytes(StandardCharsets.UTF_8))
            .with("Location", "/shop/exports/7"));
    assertThat(op.isDone()).isTrue();
    CapturedResponse done = monitor(r, "GET", idPath(op), owner);
    assertThat(done.status()).isEqualTo(303);
    assertThat(done.header("Location")).isEqualTo(op.monitor() + "/result");
    JsonNode finished = JSON.readTree(done.body());
    assertThat(finished.get("status").asText()).isEqualTo("succeeded");
    assertThat(finished.get("result").asText()).isEqualTo(op.monitor() + "/result");
    CapturedResponse result = monitor(r, "HEAD", idPath(op) + "/result", owner);
    assertThat(result.status()).isEqualTo(201);
    assertThat(result.header("Location")).isEqualTo("/shop/exports/7");
    assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":7}");

    op.complete(CapturedResponse.of(500, null, new byte[0]));
    assertThat(monitor(r, "GET", idPath(op) + "/result", owner).status())
        .as("completed once")
        .isEqualTo(201);
  }

  @Test
  void strangersUnknownAndMalformedIdsGetTheCanonicalNotFound() throws Exception {
    Restatus r = engine("restatus.conceal-forbidden", "/vault/**");
    Operation op =
        r.startOperation(Req.of("POST", "/x"), Restatus.owner("Bearer alice", "s1"), 1, true)
            .orElseThrow();
    CapturedResponse canonical =
        monitor(r, "GET", "/restatus/operations/AAAAAAAAAAAAAAAAAAAAAAAA", null);
    assertThat(canonical.status()).isEqualTo(404);
    for (CapturedResponse miss :
        List.of(
            monitor(r, "GET", idPath(op), null),
            monitor(r, "GET", idPath(op), Restatus.owner("Bearer alice", null)),
            monitor(r, "GET", idPath(op), Restatus.owner("Bearer alice", "s2")),
            monitor(r, "DELETE", idPath(op), Restatus.owner("Bearer bob", "s1")),
            monitor(r, "GET", idPath(op) + "/result", Restatus.owner("Bearer mallory", null)),
            monitor(r, "GET", "/restatus/operations/", null),
            monitor(r, "GET", "/restatus/operations/" + op.id() + "/", null),
            monitor(r, "GET", "/restatus/operations/" + op.id().toLowerCase() + "x", null),
            monitor(r, "GET", "/restatus/operations/../x", null))) {
      assertThat(miss.status()).isEqualTo(404);
      assertThat(miss.headerNames()).isEqualTo(canonical.headerNames());
      assertThat(withoutId(miss.body())).isEqualTo(withoutId(canonical.body()));
    }
    assertThat(monitor(r, "GET", idPath(op), Restatus.owner("Bearer alice", "s1")).status())
        .isEqualTo(202);
  }

  @Test
  void ownersAreFingerprintsThatNeverHoldTheCredentials() {
    String owner = Restatus.owner("Bearer secret-token", "session-1");
    assertThat(owner).doesNotContain("secret").doesNotContain("session");
    assertThat(Restatus.owner(null, null)).isNull();
    assertThat(Restatus.owner("", null)).isNull();
    assertThat(Restatus.owner("a", "b")).isNotEqualTo(Restatus.owner("ab", null));
  }

  @Test
  void anApplicationsResultIsHeldToTheRules() throws Exception {
    Restatus r = engine("restatus.defer.max-result", "100");
    Map<String, CapturedResponse> results = new HashMap<>();
    Operation html = r.startOperation(Req.of("POST", "/a"), null, 1, false).orElseThrow();
    html.complete(404, "text/html", "<h1>Not here</h1>".getBytes(StandardCharsets.UTF_8));
    Operation leak = r.startOperation(Req.of("POST", "/b"), null, 1, false).orElseThrow();
    leak.complete(
        500,
        "application/problem+json",
        "{\"status\":500,\"detail\":\"java.lang.IllegalStateException: db\\n\\tat com.acme.Db.q(Db.java:3)\"}"
            .getBytes(StandardCharsets.UTF_8));
    Operation big = r.startOperation(Req.of("POST", "/c"), null, 1, true).orElseThrow();
    big.complete(200, "text/plain", new byte[101]);
    Operation thrown = r.startOperation(Req.of("POST", "/d"), null, 1, false).orElseThrow();
    thrown.fail(new IllegalStateException("secret-1234 in com.acme.Db"));
    Operation problem = r.startOperation(Req.of("POST", "/e"), null, 1, false).orElseThrow();
    problem.fail(Problem.builder(409).detail("version 7 is current").build());
    for (Operation op : List.of(html, leak, big, thrown, problem)) {
      results.put(op.id(), monitor(r, "GET", idPath(op) + "/result", null));
    }
    CapturedResponse h = results.get(html.id());
    assertThat(h.status()).isEqualTo(404);
    assertThat(h.header("Content-Type")).isEqualTo("application/problem+json");
    for (Operation op : List.of(leak, big, thrown)) {
      CapturedResponse c = results.get(op.id());
      assertThat(c.status()).isEqualTo(500);
      String text = new String(c.body(), StandardCharsets.UTF_8);
      assertThat(text)
          .doesNotContain("com.acme")
          .doesNotContain("secret")
          .doesNotContain("Exception");
      assertThat(JSON.readTree(c.body()).get("errorId").asText())
          .isEqualTo(c.header(Restatus.ERROR_ID_HEADER));
    }
    CapturedResponse p = results.get(problem.id());
    assertThat(p.status()).isEqualTo(409);
    assertThat(JSON.readTree(p.body()).get("detail").asText()).isEqualTo("version 7 is current");
  }

  @Test
  void aDeferredResultThatWasRuledIsKeptAsItIs() {
    Restatus r = engine();
    Operation op = r.startOperation(Req.of("POST", "/a"), null, 1, true).orElseThrow();
    byte[] kept = "{\"error\":\"legacy shape\"}".getBytes(StandardCharsets.UTF_8);
    op.complete(409, "application/vnd.legacy+json", kept);
    CapturedResponse c = monitor(r, "GET", idPath(op) + "/result", null);
    assertThat(c.status()).isEqualTo(409);
    assertThat(c.body()).isEqualTo(kept);
  }

  /** A clock the test moves. */
  private static final class Moving extends Clock {
    private Instant now = Instant.parse("2026-12-02T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static StoredOperation running(String id, Instant at) {
    return new StoredOperation(id, null, at, 1, null, null);
  }

  @Test
  void theMemoryStoreIsBoundedInCountBytesAndAgeAndNeverDropsAPromisedResult() {
    Moving clock = new Moving();
    MemoryOperationStore store =
        new MemoryOperationStore(new OperationStore.Bounds(3, 1000, Duration.ofMinutes(10)), clock);
    int small = MemoryOperationStore.SMALL - 128; // a result body that takes nothing of maxBytes
    assertThat(store.add(running("a", clock.now))).isTrue();
    assertThat(store.add(running("a", clock.now))).as("an id is unique").isFalse();
    assertThat(store.add(running("b", clock.now))).isTrue();
    assertThat(store.add(running("c", clock.now))).isTrue();
    assertThat(store.add(running("d", clock.now))).as("full").isFalse();
    StoredOperation a = store.find("a").orElseThrow();
    assertThat(
            store.finish(
                a.finish(clock.now, CapturedResponse.of(200, null, new byte[small + 600]))))
        .isTrue();
    StoredOperation b = store.find("b").orElseThrow();
    assertThat(
            store.finish(
                b.finish(clock.now, CapturedResponse.of(200, null, new byte[small + 600]))))
        .as("beyond maxBytes")
        .isFalse();
    assertThat(store.finish(b.finish(clock.now, CapturedResponse.of(500, null, new byte[small]))))
        .as("a small result always fits")
        .isTrue();
    assertThat(store.add(running("d", clock.now)))
        .as("a finished result is never pushed out before its time")
        .isFalse();
    assertThat(store.find("a")).isPresent();

    clock.now = clock.now.plus(Duration.ofMinutes(10));
    assertThat(store.find("c")).as("expired while running").isEmpty();
    assertThat(store.find("a")).as("expired after it finished").isEmpty();
    assertThat(store.count()).isZero();
    assertThat(store.bytes()).isZero();
    assertThat(store.add(running("d", clock.now))).isTrue();
  }

  @Test
  void aResultThatDoesNotFitIsAProblemSayingSo() throws Exception {
    Restatus r = engine("restatus.defer.max-bytes", "2000", "restatus.defer.max-result", "2000");
    Operation first = r.startOperation(Req.of("POST", "/a"), null, 1, true).orElseThrow();
    Operation second = r.startOperation(Req.of("POST", "/b"), null, 1, true).orElseThrow();
    first.complete(200, "text/plain", new byte[2000]);
    second.complete(200, "text/plain", new byte[2000]);
    assertThat(monitor(r, "GET", idPath(first) + "/result", null).status()).isEqualTo(200);
    CapturedResponse lost = monitor(r, "GET", idPath(second) + "/result", null);
    assertThat(lost.status()).isEqualTo(500);
    assertThat(JSON.readTree(lost.body()).get("errorId").asText())
        .isEqualTo(lost.header(Restatus.ERROR_ID_HEADER));
    assertThat(lost.header("Cache-Control")).isEqualTo("no-store");
  }

  /** A store that checks its bounds after every call, from every thread. */
  private static final class Checked implements OperationStore {
    final MemoryOperationStore inner;
    final Bounds bounds;
    final AtomicInteger maxCount = new AtomicInteger();
    final AtomicLong maxBytes = new AtomicLong();

    Checked(Bounds bounds) {
      this.bounds = bounds;
      this.inner = new MemoryOperationStore(bounds);
    }

    private <T> T checked(T t) {
      maxCount.accumulateAndGet(inner.count(), Math::max);
      maxBytes.accumulateAndGet(inner.bytes(), Math::max);
      return t;
    }

    @Override
    public boolean add(StoredOperation operation) {
      return checked(inner.add(operation));
    }

    @Override
    public Optional<StoredOperation> find(String id) {
      return checked(inner.find(id));
    }

    @Override
    public boolean finish(StoredOperation finished) {
      return checked(inner.finish(finished));
    }

    @Override
    public int count() {
      return inner.count();
    }

    @Override
    public long bytes() {
      return inner.bytes();
    }
  }

  /** The store instance the engine below creates: {@code restatus.defer.store} names this class. */
  static volatile Checked created;

  /** For {@code restatus.defer.store}: a checked memory store. */
  public static final class CheckedStore implements OperationStore {
    private final Checked c;

    /**
     * @param bounds the configured bounds
     */
    public CheckedStore(Bounds bounds) {
      c = new Checked(bounds);
      created = c;
    }

    @Override
    public boolean add(StoredOperation operation) {
      return c.add(operation);
    }

    @Override
    public Optional<StoredOperation> find(String id) {
      return c.find(id);
    }

    @Override
    public boolean finish(StoredOperation finished) {
      return c.finish(finished);
    }

    @Override
    public int count() {
      return c.count();
    }

    @Override
    public long bytes() {
      return c.bytes();
    }
  }

  @Test
  void concurrentLoadOnTheMonitorKeepsTheStoreWithinItsBounds() throws Exception {
    int maxOperations = 200;
    long maxBytes = 1 << 20;
    Restatus r =
        engine(
            "restatus.defer.store", CheckedStore.class.getName(),
            "restatus.defer.max-operations", Integer.toString(maxOperations),
            "restatus.defer.max-bytes", Long.toString(maxBytes),
            "restatus.defer.max-result", "65536",
            "restatus.defer.ttl", "50ms"); // results expire during the run: the store churns
    Checked store = created;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger started = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger served = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      futures.add(
          pool.submit(
              () -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                List<Operation> mine = new ArrayList<>();
                long deadline = System.nanoTime() + 30_000_000_000L;
                for (int mineStarted = 0; mineStarted < 500 && System.nanoTime() < deadline; ) {
                  Optional<Operation> op =
                      r.startOperation(Req.of("POST", "/load"), null, 1, rnd.nextBoolean());
                  if (op.isEmpty()) {
                    refused.incrementAndGet();
                    Thread.sleep(1); // a client that found no room comes back later
                  } else {
                    started.incrementAndGet();
                    mineStarted++;
                    mine.add(op.get());
                  }
                  if (!mine.isEmpty() && rnd.nextInt(3) > 0) {
                    Operation done = mine.remove(rnd.nextInt(mine.size()));
                    done.complete(200, "application/octet-stream", new byte[rnd.nextInt(20_000)]);
                  }
                  if (!mine.isEmpty()) {
                    Operation watched = mine.get(rnd.nextInt(mine.size()));
                    int s = monitor(r, "GET", idPath(watched), null).status();
                    assertThat(s).as("running, done, or expired").isIn(202, 303, 404);
                    served.incrementAndGet();
                  }
                }
                mine.forEach(o -> o.complete(204, null, new byte[0]));
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    long budget = maxBytes + (long) MemoryOperationStore.SMALL * maxOperations;
    assertThat(store.maxCount.get()).as("filled, never past").isEqualTo(maxOperations);
    assertThat(refused.get()).as("refused when full").isPositive();
    assertThat(store.maxBytes.get()).isLessThanOrEqualTo(budget);
    assertThat(store.count()).isLessThanOrEqualTo(maxOperations);
    assertThat(started.get()).as("expired results made room for all").isEqualTo(8 * 500);
    assertThat(served.get()).isGreaterThan(2_000);
  }

  @Test
  void badSettingsFailAtStartNamingKeyValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> engine("restatus.defer./x/**", "soon"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.defer./x/**")
        .hasMessageContaining("soon")
        .hasMessageContaining("500ms");
    assertThatThrownBy(() -> engine("restatus.defer./x/**", "0s"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> engine("restatus.defer.monitor-path", "restatus"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.defer.monitor-path")
        .hasMessageContaining("starts and ends with /");
    assertThatThrownBy(() -> engine("restatus.defer.max-bytes", "10"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.defer.max-bytes")
        .hasMessageContaining("restatus.defer.max-result");
    assertThatThrownBy(() -> engine("restatus.defer.store", "java.lang.String"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.defer.store")
        .hasMessageContaining("OperationStore.Bounds");
    assertThatThrownBy(() -> engine("restatus.defer.ttl", "-1h"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.defer.ttl");
    assertThatThrownBy(() -> engine("restatus.defer./restatus/**", "1s"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.defer./restatus/**")
        .hasMessageContaining("monitor");
    assertThatThrownBy(() -> engine("restatus.defer.max-reslt", "1"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restatus.defer.max-reslt");
  }

  @Test
  void durationsInEveryAcceptedSpelling() {
    Map<String, Duration> spellings =
        Map.of(
            "500ms", Duration.ofMillis(500),
            "2s", Duration.ofSeconds(2),
            "5m", Duration.ofMinutes(5),
            "1h", Duration.ofHours(1),
            "PT2.5S", Duration.ofMillis(2500));
    spellings.forEach(
        (text, d) ->
            assertThat(engine("restatus.defer./x", text).deferAfter(Req.of("GET", "/x")))
                .as(text)
                .contains(d));
  }

  private static JsonNode withoutId(byte[] body) throws Exception {
    JsonNode n = JSON.readTree(body);
    ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("errorId");
    return n;
  }
}
