package dev.restatus.core.internal.http;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The evaluation of conditional request headers, in the order of RFC 9110 section 13.2.2, against
 * the selected representation's current validators.
 */
public final class Preconditions {

  private Preconditions() {}

  /** What the evaluation says. */
  public enum Outcome {
    /** Carry on: no condition, or every condition holds. */
    PROCEED,
    /** {@code 304 Not Modified} (GET and HEAD). */
    NOT_MODIFIED,
    /** {@code 412 Precondition Failed}. */
    FAILED
  }

  /**
   * The current state of the target resource.
   *
   * @param exists whether it has a current representation
   * @param etag its entity-tag, or {@code null}
   * @param lastModified its modification date, or {@code null}
   */
  public record Validators(boolean exists, EntityTag etag, Instant lastModified) {}

  /**
   * @param method the request method
   * @param header the request's headers by name
   * @param current the validators of the selected representation
   * @return the outcome
   * @throws IllegalArgumentException for a malformed {@code If-Match} or {@code If-None-Match} (an
   *     invalid date is ignored, as RFC 9110 says)
   */
  public static Outcome evaluate(
      String method, Function<String, String> header, Validators current) {
    boolean safe = method.equals("GET") || method.equals("HEAD");
    String ifMatch = header.apply("If-Match");
    if (ifMatch != null) {
      // step 1: false unless a listed tag strongly matches (or "*" and the resource exists)
      if (!matches(EntityTag.parseList(ifMatch), current, true)) {
        return Outcome.FAILED;
      }
    } else {
      // step 2: only without If-Match
      Optional<Instant> since = HttpDates.parse(header.apply("If-Unmodified-Since"));
      if (since.isPresent()
          && current.lastModified() != null
          && seconds(current.lastModified()) > seconds(since.get())) {
        return Outcome.FAILED;
      }
    }
    String ifNoneMatch = header.apply("If-None-Match");
    if (ifNoneMatch != null) {
      // step 3
      if (matches(EntityTag.parseList(ifNoneMatch), current, false)) {
        return safe ? Outcome.NOT_MODIFIED : Outcome.FAILED;
      }
    } else if (safe) {
      // step 4: only without If-None-Match, only GET and HEAD
      Optional<Instant> since = HttpDates.parse(header.apply("If-Modified-Since"));
      if (since.isPresent()
          && current.lastModified() != null
          && seconds(current.lastModified()) <= seconds(since.get())) {
        return Outcome.NOT_MODIFIED;
      }
    }
    return Outcome.PROCEED;
  }

  /**
   * @param header the request's headers by name
   * @throws IllegalArgumentException naming the header, if an entity-tag list is malformed
   */
  public static void checkSyntax(Function<String, String> header) {
    for (String name : List.of("If-Match", "If-None-Match")) {
      String v = header.apply(name);
      if (v != null) {
        try {
          EntityTag.parseList(v);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
      }
    }
  }

  private static boolean matches(List<EntityTag> tags, Validators current, boolean strong) {
    if (tags == EntityTag.ANY) {
      return current.exists();
    }
    if (current.etag() == null || !current.exists()) {
      return false;
    }
    for (EntityTag t : tags) {
      if (strong ? t.strongMatch(current.etag()) : t.weakMatch(current.etag())) {
        return true;
      }
    }
    return false;
  }

  /** HTTP-dates have one-second resolution. */
  private static long seconds(Instant i) {
    return i.getEpochSecond();
  }
}
