package dev.restatus.core.internal.rules;

import dev.restatus.core.InvalidRequestException;
import dev.restatus.core.Problem;
import dev.restatus.core.ProblemResponse;
import dev.restatus.core.RestatusConfig;
import dev.restatus.core.Violation;
import dev.restatus.core.adapter.Failure;
import dev.restatus.core.adapter.LogText;
import dev.restatus.core.adapter.RequestView;
import dev.restatus.core.adapter.Restatus;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an uncaught exception into a {@link Failure}. Walking the exception and then its causes,
 * the first one that is an {@link InvalidRequestException} ({@code restatus.validation-status} with
 * its {@code violations}), a {@link ProblemResponse} or whose class (or nearest superclass) is
 * mapped by {@code restatus.exception.<class>} decides the status; otherwise it is 500. A 5xx never
 * shows the exception unless {@code restatus.server-error-details} is on; the exception, with its
 * stack, goes to the one log line that carries the error id.
 */
final class ExceptionRule {

  private static final System.Logger LOG = System.getLogger("dev.restatus");

  private final Map<String, Integer> mapped;
  private final boolean clientDetails;
  private final boolean serverDetails;
  private final Problems problems;
  private final int validationStatus;

  ExceptionRule(RestatusConfig config, Problems problems) {
    this.validationStatus = config.validationStatus();
    this.mapped = config.exceptionStatuses();
    this.clientDetails = config.clientErrorDetails();
    this.serverDetails = config.serverErrorDetails();
    this.problems = problems;
  }

  /** An exception that carries its own status (a framework's HTTP exception). */
  Failure apply(RequestView request, Throwable thrown, int status) {
    return failure(request, status, thrown, null);
  }

  Failure apply(RequestView request, Throwable thrown) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof InvalidRequestException invalid) {
        return invalid(request, invalid, validationStatus);
      }
      if (t instanceof ProblemResponse pr && pr.problem() != null) {
        Map<String, List<String>> headers = pr.responseHeaders();
        return applicationProblem(
            request, pr.problem(), headers == null ? Map.of() : headers, thrown);
      }
      Integer status = statusOf(t.getClass());
      if (status != null) {
        return failure(request, status, t, thrown);
      }
    }
    for (Throwable t = thrown; t != null && seen.remove(t); t = t.getCause()) {
      Integer status = ClientErrors.statusOf(t);
      if (status != null) {
        // the client's error, as the bare container would answer it; no message: a container's
        // text may quote internals
        return failure(request, status, null, thrown);
      }
    }
    return failure(request, 500, thrown, thrown);
  }

  /**
   * A problem the application built (a {@link ProblemResponse} it threw, a {@code Problem} entity
   * it returned). A 4xx one is sent as built. A 5xx one gets an error id (body and header) unless
   * it has one, and is replaced by a generic problem if it shows a stack frame, an exception class
   * or message: an application's own text is held to the same rule as any 5xx body.
   *
   * @param thrown the exception that carried it, to log, or {@code null} for a returned entity
   */
  Failure applicationProblem(
      RequestView request, Problem p, Map<String, List<String>> headers, Throwable thrown) {
    int status = p.status();
    if (status < 400 && thrown != null) {
      // an exception is a failure: a problem that says otherwise does not make it a success
      return failure(request, 500, thrown, thrown);
    }
    if (status < 500) {
      if (thrown != null) {
        log(request, status, null, thrown);
      }
      return new Failure(status, headers, p);
    }
    Problem sent = p;
    boolean replaced = LeakRule.leaks(visibleText(p)) || showsACause(p, thrown);
    if (replaced) {
      sent = problems.generate(status, null);
      Problems.warn(
          Problems.errorId(sent),
          request,
          ": the application's " + status + " problem showed internals and was replaced");
    } else if (Problems.errorId(p) == null) {
      sent = p.toBuilder().extension(Restatus.ERROR_ID_MEMBER, Problems.newId()).build();
    }
    String id = Problems.errorId(sent);
    if (thrown != null) {
      log(request, status, id, thrown);
    } else if (!replaced && Problems.errorId(p) == null) {
      // every error id has its log line (one that came with the problem already has its own)
      Problems.warn(id, request, " answered " + status + " with the application's problem");
    }
    Map<String, List<String>> withId = new java.util.LinkedHashMap<>(headers);
    withId.put(Restatus.ERROR_ID_HEADER, List.of(id));
    return new Failure(status, withId, sent);
  }

  /** Whether the problem repeats the message of an exception that caused the one carrying it. */
  private static boolean showsACause(Problem p, Throwable thrown) {
    if (thrown == null) {
      return false;
    }
    String text = visibleText(p);
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown.getCause(); t != null && seen.add(t); t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.trim().length() >= 8 && text.contains(m.trim())) {
        return true;
      }
    }
    return false;
  }

  /** Everything of a problem a client reads. */
  static String visibleText(Problem p) {
    return p.type()
        + "\n"
        + p.title()
        + "\n"
        + p.detail()
        + "\n"
        + p.instance()
        + "\n"
        + p.extensions();
  }

  /**
   * A request body Jackson could not read: a 400 saying what to fix ({@link JsonInputErrors}), or,
   * when it is not the client's error, as any exception.
   */
  Failure applyJson(RequestView request, Throwable thrown) {
    Optional<JsonInputErrors.Described> d = JsonInputErrors.describe(thrown);
    if (d.isEmpty()) {
      return apply(request, thrown);
    }
    log(request, 400, null, thrown);
    Problem p =
        problems.generate(
            400, clientDetails ? d.get().detail() : null, JsonInputErrors.members(d.get()));
    return new Failure(400, Map.of(Restatus.ERROR_ID_HEADER, List.of(Problems.errorId(p))), p);
  }

  /**
   * A framework's parameter that cannot be converted: the status the framework prescribes, and a
   * violation naming the parameter, never the converter's message (it names Java classes).
   */
  Failure applyParameter(RequestView request, String in, String name, int status) {
    return invalid(
        request,
        InvalidRequestException.of(name, "is not a valid value for this " + in + " parameter"),
        status);
  }

  /** The violations, in the shape of a Bean Validation failure; never a stack in the log. */
  private Failure invalid(RequestView request, InvalidRequestException e, int status) {
    List<Map<String, String>> members = new ArrayList<>();
    for (Violation v : e.violations()) {
      members.add(v.asMember());
    }
    Problem p =
        problems.generate(
            status, clientDetails ? e.getMessage() : null, Map.of("violations", members));
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(
          Level.DEBUG,
          "Restatus: {0} {1} answered {2}: {3}",
          LogText.safe(request.method()),
          LogText.safe(request.path()),
          status,
          LogText.safe(e.getMessage()));
    }
    return new Failure(status, Map.of(Restatus.ERROR_ID_HEADER, List.of(Problems.errorId(p))), p);
  }

  private Integer statusOf(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      Integer s = mapped.get(c.getName());
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  // `crash` is the throwable to log with its stack, or null for an exception the application
  // threw on purpose to answer with its status (logged in one line, without a stack)
  private Failure failure(RequestView request, int status, Throwable cause, Throwable crash) {
    String detail = null;
    if (cause == null) {
      cause = crash;
    } else if (status < 500) {
      detail = clientDetails ? cause.getMessage() : null;
    } else if (serverDetails) {
      detail =
          cause.getClass().getName()
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
    Problem p = problems.generate(status, detail);
    String id = Problems.errorId(p);
    if (crash != null) {
      log(request, status, id, crash);
    } else if (status >= 500) {
      Problems.warn(id, request, " answered " + status + " for " + cause);
    }
    return new Failure(status, Map.of(Restatus.ERROR_ID_HEADER, List.of(id)), p);
  }

  private static void log(RequestView r, int status, String id, Throwable t) {
    String exchange = LogText.safe(r.method()) + " " + LogText.safe(r.path());
    if (status >= 500) {
      String trace = Problems.traceId(r);
      LogContext.with(
          id,
          trace,
          () ->
              LOG.log(
                  Level.ERROR,
                  "Restatus error id "
                      + id
                      + (trace == null ? "" : " trace " + trace)
                      + ": "
                      + exchange
                      + " failed with "
                      + status,
                  t));
    } else if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(
          Level.DEBUG,
          "Restatus: " + exchange + " answered " + status + " for " + LogText.safe(t.toString()),
          t);
    }
  }
}
