package dev.restatus.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restatus.core.scenario.Adversarial;
import dev.restatus.core.scenario.RawHttp;
import dev.restatus.core.scenario.ScenarioRunner;
import dev.restatus.core.scenario.Scenarios;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link RestatusFeature} must do on every Jersey stack of the matrix: the shared scenario
 * table, framing, and the adversarial corpus, for the feature auto-discovered with the shared
 * settings, compared with the same resources without it. Subclasses start the stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class JerseyStackContract {

  /**
   * @return the application with the feature, auto-discovered, with {@link Scenarios#SETTINGS}
   */
  protected abstract ScenarioRunner app();

  /**
   * @return the same resources with the feature opted out
   */
  protected abstract ScenarioRunner bare();

  /**
   * @return the application with the feature in {@code report} mode
   */
  protected abstract ScenarioRunner report();

  /**
   * @return the application with the feature in {@code off} mode
   */
  protected abstract ScenarioRunner off();

  /**
   * The fixture resources with the given settings, as every stack serves them.
   *
   * @param settings {@code restatus.*} properties
   * @return the application's configuration
   */
  public static ResourceConfig fixtures(Map<String, String> settings) {
    ResourceConfig rc =
        new ResourceConfig(
            FixtureResource.class,
            EdgeResource.class,
            EdgeResource.AppMapper.class,
            VaultResource.class,
            VaultResource.Kept.class);
    rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    settings.forEach(rc::property);
    return rc;
  }

  static JsonNode problem(HttpResponse<byte[]> r) throws Exception {
    return ScenarioRunner.problemOf(r);
  }

  @TestFactory
  Stream<DynamicTest> scenarioTable() {
    return app().tests();
  }

  @TestFactory
  Stream<DynamicTest> reportModeTable() {
    return report().sameWireAs(bare());
  }

  @TestFactory
  Stream<DynamicTest> offModeTable() {
    return off().sameWireAs(bare());
  }

  @Test
  void framingOnTheWire() throws Exception {
    RawHttp.checkFraming(app().base());
  }

  @Test
  void concealedForbiddenIsIndistinguishableFromMissing() throws Exception {
    app().checkConcealedLooksMissing();
  }

  @Test
  void concealedResourceCannotBeToldFromAMissingOne() throws Exception {
    Adversarial.checkConcealment(app().base());
  }

  @Test
  void neverWorseThanBareJersey() throws Exception {
    Adversarial.checkNeverWorse(bare().base(), app().base(), Adversarial.common());
  }

  @Test
  void matrixParametersDoNotEscapeConcealment() throws Exception {
    HttpResponse<byte[]> r = app().send("GET", "/vault;x=1/secret");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("vault");
    assertThat(r.headers().firstValue("X-Vault")).isEmpty();
  }

  @Test
  void aKeptServerErrorEntityIsLookedAtOrReplaced() throws Exception {
    HttpResponse<byte[]> stream = app().send("GET", "/kept/stream");
    assertThat(stream.statusCode()).isEqualTo(500);
    assertThat(new String(stream.body(), StandardCharsets.UTF_8)).doesNotContain("hunter2");
    problem(stream);
    HttpResponse<byte[]> longer = app().send("GET", "/kept/long");
    assertThat(longer.statusCode()).isEqualTo(500);
    problem(longer);
    HttpResponse<byte[]> small = app().send("GET", "/kept/small");
    assertThat(new String(small.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"legacy shape\"}");
  }
}
