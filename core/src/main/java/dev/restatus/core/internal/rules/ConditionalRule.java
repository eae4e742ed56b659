package dev.restatus.core.internal.rules;

import dev.restatus.core.PathPattern;
import dev.restatus.core.internal.http.EntityTag;
import dev.restatus.core.internal.http.HttpDates;
import dev.restatus.core.internal.http.Preconditions;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Conditional requests (RFC 9110 section 13, RFC 6585 section 3) for endpoints that never
 * implemented them:
 *
 * <ul>
 *   <li>a 200 to a GET or HEAD that carries the application's {@code ETag} or {@code Last-Modified}
 *       is evaluated against {@code If-Match}, {@code If-Unmodified-Since}, {@code If-None-Match}
 *       and {@code If-Modified-Since} in the order of section 13.2.2: {@code 304} (no body, no
 *       representation metadata but the validators and cache fields section 15.4.5 lists) or {@code
 *       412}; a malformed entity-tag list is a {@code 400};
 *   <li>a PUT, PATCH or DELETE on a {@code restatus.precondition-required} path without {@code
 *       If-Match} or {@code If-Unmodified-Since} (or, for a create-only PUT, {@code If-None-Match})
 *       is answered {@code 428} before the application runs;
 *   <li>a conditional write (PUT, PATCH, DELETE, POST) whose resource's current state is known
 *       ({@link dev.restatus.core.adapter.RequestView#currentState()}) is evaluated before the
 *       application runs: a failed precondition is a {@code 412} and the write never executes
 *       ({@code If-None-Match: *} on an existing resource included).
 * </ul>
 */
final class ConditionalRule implements Rule {

  /** What a 304 does not carry (RFC 9110 section 15.4.5): the representation's own metadata. */
  private static final List<String> NOT_IN_304 =
      List.of(
          "Content-Encoding",
          "Content-Language",
          "Content-Disposition",
          "Content-Range",
          "Content-MD5",
          "Digest",
          "Content-Digest",
          "Repr-Digest");

  private static final Set<String> WRITES = Set.of("PUT", "PATCH", "DELETE");

  private static final Set<String> UNSAFE = Set.of("PUT", "PATCH", "DELETE", "POST");

  private final List<PathPattern> required;

  ConditionalRule(List<PathPattern> required) {
    this.required = required;
  }

  @Override
  public void onRequest(Draft d) {
    String method = d.request.method();
    boolean conditional =
        d.request.header("If-Match") != null
            || d.request.header("If-Unmodified-Since") != null
            || d.request.header("If-None-Match") != null;
    if (WRITES.contains(method) && PathPatterns.any(required, d.request.path())) {
      if (malformed(d)) {
        return;
      }
      // an invalid date is ignored (RFC 9110), so it makes no write conditional; nor does an
      // If-None-Match other than the create-only "*"
      String ifNoneMatch = d.request.header("If-None-Match");
      if (d.request.header("If-Match") == null
          && HttpDates.parse(d.request.header("If-Unmodified-Since")).isEmpty()
          && !(method.equals("PUT") && ifNoneMatch != null && ifNoneMatch.trim().equals("*"))) {
        d.found("precondition-required", method + " without If-Match");
        d.answer(
            428,
            "This resource is only changed by a conditional request: send If-Match with the ETag"
                + " of the representation you last received (or If-Unmodified-Since).");
        return;
      }
    }
    if (conditional && UNSAFE.contains(method)) {
      decideWrite(d, method);
    }
  }

  /**
   * A conditional write, decided before the application runs where the resource's current state is
   * known (a validator source, the adapter's sub-request): a failed precondition is a 412 and the
   * write never executes.
   */
  private static void decideWrite(Draft d, String method) {
    java.util.Optional<dev.restatus.core.ResourceState> state;
    try {
      Preconditions.checkSyntax(d.request::header);
      state = d.request.currentState();
    } catch (IllegalArgumentException e) {
      malformed(d);
      return;
    }
    if (state.isEmpty()) {
      return; // unknown: the application sees the headers, as without Restatus
    }
    dev.restatus.core.ResourceState s = state.get();
    Preconditions.Outcome outcome =
        Preconditions.evaluate(
            method,
            d.request::header,
            new Preconditions.Validators(
                s.exists(), EntityTag.parseETag(s.etag()), s.lastModified()));
    if (outcome == Preconditions.Outcome.FAILED) {
      d.found("precondition-failed", method + " whose precondition failed");
      d.answer(
          412,
          s.exists()
              ? "The resource has changed since the representation the request is based on:"
                  + " fetch it again and retry with its ETag."
              : "The precondition does not hold: the resource does not exist.");
    }
  }

  @Override
  public boolean idle(
      dev.restatus.core.adapter.RequestView request,
      dev.restatus.core.adapter.ResponseView response) {
    return !asked(response.status(), request);
  }

  /** Whether a 200 to a read carries a condition to answer: the one case this rule acts on. */
  private static boolean asked(int status, dev.restatus.core.adapter.RequestView request) {
    String method = request.method();
    return status == 200
        && (method.equals("GET") || method.equals("HEAD"))
        && hasConditions(request);
  }

  @Override
  public void onResponse(Draft d) {
    if (!asked(d.status, d.request)) {
      return; // the common case: nothing asked, so no validator is read or parsed
    }
    String etagValue = d.header("ETag");
    EntityTag etag = EntityTag.parseETag(etagValue);
    Instant lastModified = HttpDates.parse(d.header("Last-Modified")).orElse(null);
    if (etag == null && lastModified == null) {
      return; // no validator: nothing to compare with
    }
    if (malformed(d)) {
      return;
    }
    Preconditions.Outcome outcome =
        Preconditions.evaluate(
            d.request.method(),
            d.request::header,
            new Preconditions.Validators(true, etag, lastModified));
    if (outcome == Preconditions.Outcome.NOT_MODIFIED) {
      d.found("not-modified", "200 to a request whose validator matched");
      d.status = 304; // the body rule drops the body, Content-Length and Content-Type
      NOT_IN_304.forEach(d::removeHeader);
      if (etag != null) {
        d.removeHeader("Last-Modified"); // only useful without an ETag (section 15.4.5)
      }
    } else if (outcome == Preconditions.Outcome.FAILED) {
      d.found("precondition-failed", "200 to a request whose precondition failed");
      d.status = 412;
      d.body = Draft.Body.PROBLEM;
      forgetCaching(d);
      d.detail =
          "The representation has changed: it no longer matches If-Match or"
              + " If-Unmodified-Since.";
    }
  }

  /** Whether a read carries any of the conditional headers of RFC 9110 section 13.1. */
  private static boolean hasConditions(dev.restatus.core.adapter.RequestView request) {
    return request.header("If-None-Match") != null
        || request.header("If-Modified-Since") != null
        || request.header("If-Match") != null
        || request.header("If-Unmodified-Since") != null;
  }

  /**
   * A success this rule turns into an error: the application's caching fields were meant for the
   * representation, and a shared cache must not keep one client's error for everyone.
   */
  private static void forgetCaching(Draft d) {
    d.removeHeader("Cache-Control");
    d.removeHeader("Expires");
    d.removeHeader("Pragma");
  }

  /** A malformed If-Match or If-None-Match is the client's error: 400. */
  private static boolean malformed(Draft d) {
    try {
      Preconditions.checkSyntax(d.request::header);
      return false;
    } catch (IllegalArgumentException e) {
      d.found("malformed-header", "malformed conditional header");
      String detail = "The " + e.getMessage() + " (an entity-tag is a quoted string).";
      if (d.response == null) {
        d.answer(400, detail);
      } else {
        d.status = 400;
        d.body = Draft.Body.PROBLEM;
        d.detail = detail;
        forgetCaching(d);
      }
      return true;
    }
  }
}
