package dev.restatus.core.internal.rules;

import dev.restatus.core.PathPattern;
import dev.restatus.core.internal.http.MediaRange;
import java.util.List;
import java.util.Map;

/**
 * A request rule for the media types a path declares ({@code restatus.consumes.<path-pattern>},
 * {@code restatus.produces.<path-pattern>}; the longest matching pattern wins):
 *
 * <ul>
 *   <li>a request with a body whose {@code Content-Type} is not among the consumed types gets
 *       {@code 415}, listing them, with {@code Accept-Post} (POST) or {@code Accept-Patch} (PATCH)
 *       naming them (RFC 9110 section 15.5.16, RFC 5789 section 3.1); a request without a body is
 *       not judged;
 *   <li>a request whose {@code Accept} gives every produced type a weight of 0 gets {@code 406},
 *       listing them (RFC 9110 section 12.5.1); no {@code Accept} accepts anything;
 *   <li>a malformed {@code Content-Type} or {@code Accept} on such a path is a {@code 400}.
 * </ul>
 *
 * <p>A 415 or 406 the application or its framework answers itself (JAX-RS, from {@code @Consumes}
 * and {@code @Produces}) gets the same hints: the types the path declares, or else those the
 * application declares ({@link dev.restatus.core.adapter.RequestView#consumes()}).
 */
final class MediaTypeRule implements Rule {

  /**
   * The methods whose content has a meaning: a body on another (GET, DELETE) is not judged, so the
   * application's own answer to the method (a 405) stays.
   */
  private static final java.util.Set<String> CONTENT_METHODS =
      java.util.Set.of("POST", "PUT", "PATCH");

  private final Map<PathPattern, List<String>> consumes;
  private final Map<PathPattern, List<String>> produces;

  /** The patterns of {@link #produces}, to match without an iterator. */
  private final List<PathPattern> producing;

  /** Both maps ordered longest pattern first. */
  MediaTypeRule(Map<PathPattern, List<String>> consumes, Map<PathPattern, List<String>> produces) {
    this.consumes = consumes;
    this.produces = produces;
    this.producing = List.copyOf(produces.keySet());
  }

  @Override
  public void onRequest(Draft d) {
    String path = d.request.path();
    List<String> accepted = PathPatterns.longest(consumes, path);
    if (accepted != null && CONTENT_METHODS.contains(d.request.method()) && hasBody(d)) {
      String contentType = d.request.header("Content-Type");
      MediaRange sent = null;
      if (contentType != null) {
        try {
          sent = MediaRange.parseContentType(contentType);
        } catch (IllegalArgumentException e) {
          d.found("malformed-header", "malformed Content-Type");
          d.answer(400, "The Content-Type header is malformed: " + e.getMessage() + ".");
          return;
        }
      }
      if (sent == null || !isAmong(sent, accepted)) {
        d.found("unsupported-media-type", "body of a type the path does not consume");
        d.answer(415, "This resource accepts " + String.join(", ", accepted) + ".");
        hint415(d, accepted);
        return;
      }
    }
    List<String> available = PathPatterns.longest(produces, path);
    String accept = d.request.header("Accept");
    if (available != null && accept != null) {
      List<MediaRange> ranges;
      try {
        ranges = MediaRange.parseAccept(accept);
      } catch (IllegalArgumentException e) {
        d.found("malformed-header", "malformed Accept");
        d.answer(400, "The Accept header is malformed: " + e.getMessage() + ".");
        return;
      }
      for (String type : available) {
        if (MediaRange.weightOf(ranges, MediaRange.parseContentType(type)) > 0) {
          return;
        }
      }
      d.found("not-acceptable", "Accept excludes every type the path produces");
      d.answer(406, "This resource can only produce " + String.join(", ", available) + ".");
      d.extension("available", available);
    }
  }

  @Override
  public boolean idle(
      dev.restatus.core.adapter.RequestView request,
      dev.restatus.core.adapter.ResponseView response) {
    int status = response.status();
    return status != 415
        && status != 406
        && (status >= 400 || !PathPatterns.any(producing, request.path()));
  }

  @Override
  public void onResponse(Draft d) {
    List<String> declared = PathPatterns.longest(produces, d.request.path());
    if (declared != null && d.status < 400 && !d.canonical()) {
      d.varyOnAccept(); // another Accept would have been answered 406
    }
    if (d.status == 415) {
      List<String> accepted = PathPatterns.longest(consumes, d.request.path());
      accepted = accepted != null ? accepted : d.request.consumes();
      hint415(d, accepted);
      if (!accepted.isEmpty() && d.detail == null) {
        d.detail = "This resource accepts " + String.join(", ", accepted) + ".";
      }
    } else if (d.status == 406) {
      List<String> available = declared != null ? declared : d.request.produces();
      if (!available.isEmpty()) {
        d.extension("available", available);
        if (d.detail == null) {
          d.detail = "This resource can only produce " + String.join(", ", available) + ".";
        }
      }
    }
  }

  /** The accepted types in the problem, and the hint header of the method (unless already set). */
  private static void hint415(Draft d, List<String> accepted) {
    if (accepted.isEmpty()) {
      return;
    }
    d.extension("accepted", accepted);
    String method = d.request.method();
    String header =
        method.equals("POST") ? "Accept-Post" : method.equals("PATCH") ? "Accept-Patch" : null;
    if (header != null && d.header(header) == null) {
      d.setHeader(header, String.join(", ", accepted));
    }
  }

  private static boolean hasBody(Draft d) {
    String length = d.request.header("Content-Length");
    if (length != null) {
      return !length.trim().equals("0");
    }
    return d.request.header("Transfer-Encoding") != null;
  }

  /** A consumed entry is a type ({@code application/json}) or a range ({@code application/*}). */
  private static boolean isAmong(MediaRange sent, List<String> accepted) {
    for (String a : accepted) {
      int slash = a.indexOf('/');
      String type = a.substring(0, slash);
      String subtype = a.substring(slash + 1);
      if (type.equals(sent.type()) && (subtype.equals("*") || subtype.equals(sent.subtype()))) {
        return true;
      }
    }
    return false;
  }
}
