package dev.restatus.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restatus.core.RestatusConfig;
import dev.restatus.core.adapter.Restatus;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wrapper's commit-point logic without a container, on {@link MemoryResponse}: what it decides
 * and when. How the decisions look on the wire is tested on real containers ({@code
 * ServletContractTest}).
 */
class RestatusResponseTest {

  private final Restatus engine =
      Restatus.create(RestatusConfig.builder().keepErrorBodies("text/plain").build(), null);
  private final MemoryResponse real = new MemoryResponse();
  private final RestatusResponse wrapper = wrap("GET", "/orders/1");

  @AfterEach
  void close() {
    engine.close();
  }

  private RestatusResponse wrap(String method, String path) {
    return new RestatusResponse(
        real,
        new ServletRequestView(request(method, path), new AllowProbe()),
        engine,
        null,
        ErrorPages.NONE);
  }

  /** Just what the view asks of a request dispatched to {@code path}. */
  private static HttpServletRequest request(String method, String path) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getMethod" -> method;
                  case "getServletPath", "getRequestURI" -> path;
                  case "getProtocol" -> "HTTP/1.1";
                  case "getDispatcherType" -> DispatcherType.REQUEST;
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "isAsyncStarted" -> false;
                  default -> null;
                });
  }

  @Test
  void aSuccessStreamsThroughUntouched() throws Exception {
    wrapper.setContentType("text/plain");
    wrapper.getWriter().write("hello");
    wrapper.finish();
    assertThat(real.getStatus()).isEqualTo(200);
    assertThat(real.body()).isEqualTo("hello");
    assertThat(real.getContentType()).isEqualTo("text/plain");
  }

  @Test
  void aSuccessGoesFromOpenToStreamingAtItsFirstWrite() throws Exception {
    assertThat(wrapper.phase()).isEqualTo(RestatusResponse.Phase.OPEN);
    wrapper.setStatus(201);
    assertThat(wrapper.phase()).isEqualTo(RestatusResponse.Phase.OPEN);
    wrapper.getOutputStream().write('x');
    assertThat(wrapper.phase()).isEqualTo(RestatusResponse.Phase.STREAMING);
    assertThat(wrapper.isCommitted()).isFalse();
  }

  @Test
  void aSentErrorIsRecordedThenAnsweredWhenTheExchangeEnds() throws Exception {
    wrapper.sendError(404, "no order 1");
    assertThat(wrapper.phase()).isEqualTo(RestatusResponse.Phase.ERROR_RECORDED);
    assertThat(wrapper.isCommitted()).as("the application sees a committed response").isTrue();
    assertThat(real.body()).isEmpty();
    wrapper.finish();
    assertThat(wrapper.phase()).isEqualTo(RestatusResponse.Phase.ANSWERED);
    assertThat(real.body()).contains("\"status\":404");
  }

  @Test
  void inReportModeASentErrorIsPassedToTheContainer() throws Exception {
    Restatus reporting =
        Restatus.create(RestatusConfig.builder().mode(dev.restatus.core.Mode.REPORT).build(), null);
    try {
      RestatusResponse w =
          new RestatusResponse(
              real,
              new ServletRequestView(request("GET", "/x"), new AllowProbe()),
              reporting,
              null,
              ErrorPages.NONE);
      w.sendError(500);
      assertThat(w.phase()).isEqualTo(RestatusResponse.Phase.ERROR_PASSED);
      assertThat(real.getStatus()).isEqualTo(500);
    } finally {
      reporting.close();
    }
  }

  @Test
  void aStatusSetAfterTheFirstWriteIsDecidedAgain() throws Exception {
    wrapper.setContentType("text/html");
    wrapper.getWriter().write("<html>no such order</html>");
    wrapper.setStatus(404);
    wrapper.getWriter().write("<p>more of the page</p>");
    wrapper.finish();
    assertThat(real.getStatus()).isEqualTo(404);
    assertThat(real.getContentType()).isEqualTo("application/problem+json");
    assertThat(real.body()).contains("\"status\":404").doesNotContain("html");
  }

  @Test
  void sendErrorIsRecordedAndAnsweredWithAProblem() throws Exception {
    wrapper.sendError(409, "name taken");
    assertThat(wrapper.isCommitted()).as("the application sees a committed response").isTrue();
    assertThat(real.isCommitted()).as("the container does not, yet").isFalse();
    wrapper.finish();
    assertThat(real.getStatus()).isEqualTo(409);
    assertThat(real.body()).contains("\"detail\":\"name taken\"");
  }

  @Test
  void aKeptServerErrorBodyIsHeldUntilItHasBeenLookedAt() throws Exception {
    wrapper.setStatus(500);
    wrapper.setContentType("text/plain");
    PrintWriter w = wrapper.getWriter();
    w.write("plain failure");
    w.flush();
    wrapper.flushBuffer();
    assertThat(real.isCommitted()).as("a flush waits for the look").isFalse();
    assertThat(real.body()).isEmpty();
    wrapper.finish();
    assertThat(real.body()).isEqualTo("plain failure");
  }

  @Test
  void aKeptServerErrorBodyShowingInternalsIsReplaced() throws Exception {
    wrapper.setStatus(500);
    wrapper.setContentType("text/plain");
    wrapper.getWriter().write("java.lang.IllegalStateException: pw=hunter2");
    wrapper.finish();
    assertThat(real.getContentType()).isEqualTo("application/problem+json");
    assertThat(real.body()).contains("\"status\":500").doesNotContain("hunter2");
  }

  @Test
  void anIncludedServletCannotSendAnError() throws Exception {
    wrapper.setContentType("text/plain");
    wrapper.getWriter().write("before;");
    wrapper.enterInclude();
    wrapper.sendError(404);
    wrapper.setStatus(500);
    wrapper.exitInclude();
    wrapper.getWriter().write("after");
    wrapper.finish();
    assertThat(real.getStatus()).isEqualTo(200);
    assertThat(real.body()).isEqualTo("before;after");
  }

  @Test
  void aProblemTakesNothingOfTheApplicationsCharsetOrLocale() throws Exception {
    wrapper.setContentType("text/html;charset=UTF-16");
    wrapper.setLocale(Locale.GERMAN);
    wrapper.setHeader("Retry-After", "30");
    wrapper.sendError(503);
    wrapper.finish();
    assertThat(real.getContentType()).isEqualTo("application/problem+json");
    assertThat(real.getHeader("Content-Language")).isNull();
    assertThat(real.getHeader("Retry-After")).as("a header of the status stays").isEqualTo("30");
  }
}
