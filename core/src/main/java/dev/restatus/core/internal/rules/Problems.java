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
    LOG.log(
        System.Logger.Level.WARNING,
        "Restatus error id {0}: {1} {2}{3}",
        id,
        dev.restatus.core.adapter.LogText.safe(request.method()),
        dev.restatus.core.adapter.LogText.safe(request.path()),
        what);
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
