package dev.restatus.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restatus.core.adapter.Failure;
import dev.restatus.core.adapter.Restatus;
import java.io.IOException;
import org.apache.restatustest.InvalidParameter;
import org.eclipse.jetty.restatustest.CodedException;
import org.junit.jupiter.api.Test;

/** A container's client-error exception stays the client's error: never a 500. */
class ClientErrorsTest {

  private final Restatus engine = Restatus.create(RestatusConfig.defaults(), null);
  private final RulesTest.Req get = RulesTest.Req.of("GET", "/x");

  @Test
  void jettyCodesAreReadThroughTheirPublicInterface() {
    Failure f = engine.onException(get, CodedException.of(400));
    assertThat(f.status()).isEqualTo(400);
    assertThat(f.problem().detail()).as("no container text").isNull();
  }

  @Test
  void theOutermostCodeWinsAsInTheContainer() {
    RuntimeException outer = CodedException.of(400);
    outer.initCause(CodedException.of(413));
    assertThat(engine.onException(get, outer).status()).isEqualTo(400);
  }

  @Test
  void aCodedCauseUnderAPlainWrapperCounts() {
    Exception wrapped = new IOException("multipart", CodedException.of(400));
    assertThat(engine.onException(get, wrapped).status()).isEqualTo(400);
  }

  @Test
  void tomcatErrorCodesAreRead() {
    assertThat(engine.onException(get, new InvalidParameter(413)).status()).isEqualTo(413);
  }

  @Test
  void codesOutsideTheClientRangeAndOtherPackagesAreServerErrors() {
    assertThat(engine.onException(get, CodedException.of(503)).status()).isEqualTo(500);
    assertThat(engine.onException(get, new IllegalStateException("x")).status()).isEqualTo(500);
  }

  @Test
  void aMappedExceptionStillWinsOverAContainerCode() {
    Restatus mapped =
        Restatus.create(
            RestatusConfig.of(java.util.Map.of("restatus.exception.java.io.IOException", "422")),
            null);
    Exception wrapped = new IOException("x", CodedException.of(400));
    assertThat(mapped.onException(get, wrapped).status()).isEqualTo(422);
  }
}
