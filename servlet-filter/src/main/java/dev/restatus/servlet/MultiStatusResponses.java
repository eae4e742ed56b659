package dev.restatus.servlet;

import dev.restatus.core.MultiStatus;
import dev.restatus.core.RestatusConfig;
import dev.restatus.core.adapter.Restatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link MultiStatus} as a servlet's {@code 207 Multi-Status} answer:
 *
 * <pre>{@code
 * protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
 *   MultiStatus.Builder results = MultiStatus.builder();
 *   ... results.add("a1", 201, created) ... results.add("a2", 409) ...
 *   MultiStatusResponses.write(req, resp, results.build());
 * }
 * }</pre>
 *
 * <p>Behind an active {@link RestatusFilter} the document is rendered by the filter's engine, with
 * its settings (mode, renderer): error items get their generated problems, error ids and log lines
 * as the filter's other problems do. Without one (no filter, a filter in {@code off} mode or opted
 * out) a default engine renders it: {@code enforce} mode, the default renderer, no findings MBean;
 * the document has the same shape, its error items the same problems.
 */
public final class MultiStatusResponses {

  private MultiStatusResponses() {}

  /** The engine without a filter: created on first use, kept for the life of the class. */
  private static final class Fallback {
    static final Restatus ENGINE = Restatus.create(RestatusConfig.of(Map.of()), null);
  }

  /**
   * Sets status 207 and {@code Content-Type: application/json} and writes the document as the
   * complete body. Call it instead of writing a body, before the response is committed; the
   * application writes nothing after it. The bytes are ASCII (every other character escaped), so
   * they are also right through a writer the application already obtained.
   *
   * @param request the request the document answers
   * @param response the response
   * @param multiStatus the document
   * @throws IOException if writing fails
   * @throws IllegalStateException if the response is already committed
   */
  public static void write(
      HttpServletRequest request, HttpServletResponse response, MultiStatus multiStatus)
      throws IOException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(multiStatus, "multiStatus");
    if (response.isCommitted()) {
      throw new IllegalStateException("the response is committed: the 207 cannot be sent");
    }
    RestatusResponse wrapper = RestatusFilter.find(response);
    byte[] body =
        wrapper != null
            ? wrapper.engine().renderMultiStatus(wrapper.requestView(), multiStatus)
            : Fallback.ENGINE.renderMultiStatus(
                new ServletRequestView(request, new AllowProbe()), multiStatus);
    response.setStatus(MultiStatus.STATUS);
    response.setContentType(MultiStatus.MEDIA_TYPE);
    response.setContentLength(body.length);
    try {
      response.getOutputStream().write(body);
    } catch (IllegalStateException writerInUse) {
      // the application took the writer already: ASCII is the same in any charset
      response.getWriter().write(new String(body, StandardCharsets.US_ASCII));
    }
  }
}
