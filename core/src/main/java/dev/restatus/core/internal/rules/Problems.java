package dev.restatus.core.internal.rules;

import dev.restatus.core.Problem;
import dev.restatus.core.adapter.Restatus;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the problems Restatus generates itself. Each carries an {@code errorId} extension, a
 * per-occurrence id, which is also sent as the {@code Restatus-Error-Id} header and logged with any
 * exception, so that a body can be tied to its log line. A 5xx {@code detail} is a generic sentence
 * unless {@code restatus.server-error-details} supplied one.
 */
final class Problems {

  Problem generate(int status, String detail) {
    return generate(status, detail, java.util.Map.of());
  }

  Problem generate(int status, String detail, java.util.Map<String, Object> extensions) {
    String id = newId();
    if (detail == null && status >= 500) {
      detail =
          "The server could not complete the request. Quote error id "
              + id
              + " when reporting this.";
    }
    Problem.Builder b = Problem.builder(status).detail(detail);
    extensions.forEach(b::extension);
    return b.extension(Restatus.ERROR_ID_MEMBER, id).build();
  }

  private static final System.Logger LOG = System.getLogger("dev.restatus");

  /**
   * The log line of a 5xx whose error id reached the client without an exception's own line:
   * "Restatus error id ID: METHOD PATH" and then {@code what}.
   */
  static void warn(String id, dev.restatus.core.adapter.RequestView request, String what) {
    String trace = traceId(request);
    LogContext.with(
        id,
        trace,
        () ->
            LOG.log(
                System.Logger.Level.WARNING,
                "Restatus error id {0}{1}: {2} {3}{4}",
                id,
                trace == null ? "" : " trace " + trace,
                dev.restatus.core.adapter.LogText.safe(request.method()),
                dev.restatus.core.adapter.LogText.safe(request.path()),
                what));
  }

  /** The problem member carrying the request's W3C trace id. */
  static final String TRACE_ID_MEMBER = "traceId";

  /**
   * @return the trace id of the request's {@code traceparent}, or {@code null}
   */
  static String traceId(dev.restatus.core.adapter.RequestView request) {
    return dev.restatus.core.internal.http.TraceContext.traceId(request.header("traceparent"));
  }

  /**
   * @return the problem with the request's trace id, if it has an error id and the request a valid
   *     {@code traceparent}
   */
  static Problem traced(dev.restatus.core.adapter.RequestView request, Problem p) {
    if (errorId(p) == null || p.extensions().containsKey(TRACE_ID_MEMBER)) {
      return p;
    }
    String trace = traceId(request);
    return trace == null ? p : p.toBuilder().extension(TRACE_ID_MEMBER, trace).build();
  }

  static String errorId(Problem p) {
    Object id = p.extensions().get(Restatus.ERROR_ID_MEMBER);
    return id == null ? null : id.toString();
  }

  static String newId() {
    // 16 hex digits, zero-padded; String.format would cost a microsecond on every error
    String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
    return "0000000000000000".substring(hex.length()) + hex;
  }
}
