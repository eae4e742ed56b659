package dev.restatus.core.internal.rules;

import dev.restatus.core.PathPattern;
import dev.restatus.core.Problem;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical not-found: on a concealed path ({@code restatus.conceal-forbidden}) nothing a
 * client can send may tell an existing resource from a missing one. A 403 (the resource exists but
 * is refused), a 405, 406, 415 or an application's 501 (the resource exists but lacks the method or
 * media type: {@code HttpServlet} answers 501 for PATCH before Servlet 6.1, and 400 on HTTP/1.0,
 * where a missing path answers 404), every 404 (the application's, the container's, the
 * framework's) and any {@code OPTIONS} request all leave as the same 404: the same status, a
 * generated problem without {@code detail}, and none of the headers the application or container
 * set but those declared safe ({@code restatus.conceal-forbidden.safe-headers}).
 */
final class ConcealForbiddenRule implements Rule {

  private final List<PathPattern> concealed;
  private final Set<String> safeHeaders;

  ConcealForbiddenRule(List<PathPattern> concealed, Set<String> safeHeaders) {
    this.concealed = concealed;
    this.safeHeaders = safeHeaders;
  }

  /**
   * @param path the request path, as the rules see it
   * @return whether the path is concealed
   */
  boolean covers(String path) {
    return PathPatterns.any(concealed, path);
  }

  /**
   * An {@code OPTIONS} request on a concealed path is answered with the canonical not-found before
   * the application runs: its answer (an {@code Allow} listing) would tell what exists.
   */
  @Override
  public void onRequest(Draft d) {
    if ("OPTIONS".equals(d.request.method()) && covers(d.request.path())) {
      d.found("conceal-forbidden", "OPTIONS on a concealed path");
      d.answer(404, null);
      d.keepOnly = safeHeaders;
    }
  }

  @Override
  public boolean idle(
      dev.restatus.core.adapter.RequestView request,
      dev.restatus.core.adapter.ResponseView response) {
    return !telling(response.status(), request) || !covers(request.path());
  }

  @Override
  public void onResponse(Draft d) {
    if (!telling(d.status, d.request) || !covers(d.request.path())) {
      return;
    }
    if (d.status == 404) {
      if (!Problem.MEDIA_TYPE.equals(BodyRule.mediaType(d.response.contentType()))) {
        d.found("problem-body", "404 without a problem body");
      }
    } else {
      d.found("conceal-forbidden", d.status + " on a concealed path");
    }
    d.status = 404;
    d.detail = null;
    d.body = Draft.Body.PROBLEM;
    d.keepOnly = safeHeaders;
  }

  /**
   * Whether the status could tell an existing resource from a missing one: a refusal (403), a miss
   * (404), or an answer about methods or media types that only an existing resource gives (405,
   * 406, 415, an application's 501, and the 400 {@code HttpServlet} sends on HTTP/1.0 where it
   * would send 405).
   */
  private static boolean telling(int status, dev.restatus.core.adapter.RequestView request) {
    return switch (status) {
      case 403, 404, 405, 406, 415, 501 -> true;
      case 400 -> "HTTP/1.0".equals(request.protocol());
      default -> false;
    };
  }

  /** Lower-cases header names for {@link dev.restatus.core.adapter.HeaderEdits#keepOnly()}. */
  static Set<String> lowerCase(List<String> names) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String n : names) {
      out.add(n.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }
}
