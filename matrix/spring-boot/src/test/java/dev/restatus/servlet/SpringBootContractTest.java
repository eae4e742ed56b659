package dev.restatus.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The servlet contract in Spring Boot 3.5 applications on embedded Tomcat, with Boot's own error
 * handling ({@code BasicErrorController} on {@code /error}), plus what only Spring has.
 */
class SpringBootContractTest extends ServletContractTest {
  @Override
  ServletContainer newContainer() {
    return new SpringBootContainer();
  }

  @Test
  void springsOwnProblemDetailsPassThroughUnchanged() throws Exception {
    for (String path : new String[] {"/spring/problem", "/spring/gone"}) {
      HttpResponse<byte[]> wrapped = app().send("GET", path, "Accept", "application/json");
      HttpResponse<byte[]> bare = without().send("GET", path, "Accept", "application/json");
      assertThat(wrapped.statusCode()).as(path).isEqualTo(bare.statusCode());
      assertThat(wrapped.headers().firstValue("Content-Type"))
          .as(path)
          .isEqualTo(bare.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      // the two applications differ only in their context path, which Spring puts in instance
      assertThat(new String(wrapped.body(), StandardCharsets.UTF_8).replace("/app/", "/<ctx>/"))
          .as(path)
          .isEqualTo(
              new String(bare.body(), StandardCharsets.UTF_8).replace("/without/", "/<ctx>/"))
          .contains("\"status\":" + bare.statusCode());
    }
  }
}
