package dev.restatus.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The short soak of the test command: 20,000 mixed requests per container, every response checked
 * against the contract, the heap back where it was. The long one is {@code exec:exec@soak}.
 */
class SoakTest {

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void twentyThousandMixedRequestsAllConform(String host) throws Exception {
    Soak.Report r = Soak.run(host, 20_000, 4);
    assertThat(r.failures()).as(r.toString()).isZero();
    assertThat(r.passed()).as(r.toString()).isTrue();
  }
}
