package dev.restatus.core.internal.rules;

import dev.restatus.core.Problem;
import dev.restatus.core.StatusCatalog;
import dev.restatus.core.XmlProblemRenderer;
import dev.restatus.core.adapter.ResponseView;
import java.util.List;
import java.util.Locale;

/**
 * 204 and 304 carry no body, {@code Content-Length} or {@code Content-Type}; every 4xx and 5xx
 * carries a problem body. An application body that is already a problem ({@code
 * application/problem+json} or {@code +xml}), or of a type in {@code restatus.keep-error-bodies},
 * is kept; any other error body is replaced. (HEAD responses lose their body in the adapter, which
 * sends the headers of the response the rules decided.)
 *
 * <p>A client that prefers HTML to JSON (a browser) keeps the application's own HTML error page: an
 * HTML body it wrote, or the error page it has for a {@code sendError} status ({@link
 * dev.restatus.core.adapter.ResponseView#hasErrorPage()}), which the adapter leaves to the
 * container. Such a response varies on {@code Accept}. A 5xx page is looked at for internals like
 * any kept 5xx body (the leak rule); the canonical not-found of a concealed path never keeps one.
 */
final class BodyRule implements Rule {

  private final List<String> keep;
  private final boolean clientErrorDetails;

  BodyRule(List<String> keep, boolean clientErrorDetails) {
    this.keep = keep;
    this.clientErrorDetails = clientErrorDetails;
  }

  @Override
  public boolean idle(
      dev.restatus.core.adapter.RequestView request,
      dev.restatus.core.adapter.ResponseView response) {
    int status = response.status();
    return status != 204 && status != 304 && !StatusCatalog.isError(status);
  }

  @Override
  public void onResponse(Draft d) {
    ResponseView r = d.response;
    if (d.status == 204 || d.status == 304) {
      if (r.hasBody() || d.header("Content-Length") != null || d.header("Content-Type") != null) {
        d.found("no-body", d.status + " with a body or Content-Length/Content-Type");
      }
      d.body = Draft.Body.DROP;
      d.removeHeader("Content-Length");
      d.removeHeader("Content-Type");
      return;
    }
    if (!StatusCatalog.isError(d.status) || d.body == Draft.Body.PROBLEM) {
      return;
    }
    if (!r.errorSent() && r.hasBody() && isKept(r.contentType())) {
      return;
    }
    if (d.negotiation().html() && !d.canonical() && isPage(r)) {
      d.varyOnAccept(); // a client preferring JSON gets a problem instead
      return;
    }
    d.found("problem-body", d.status + " without a problem body");
    d.body = Draft.Body.PROBLEM;
    if (clientErrorDetails && d.status < 500 && r.errorMessage() != null) {
      d.detail = r.errorMessage();
    }
  }

  private boolean isKept(String contentType) {
    String type = mediaType(contentType);
    if (type == null) {
      return false;
    }
    if (type.equals(Problem.MEDIA_TYPE) || type.equals(XmlProblemRenderer.MEDIA_TYPE)) {
      return true;
    }
    for (String k : keep) {
      if (k.equals(type) || (k.endsWith("/*") && type.startsWith(k.substring(0, k.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** The application's own HTML error page: one it wrote, or one the container will render. */
  private static boolean isPage(ResponseView r) {
    if (r.errorSent()) {
      return r.hasErrorPage();
    }
    String type = mediaType(r.contentType());
    return r.hasBody() && ("text/html".equals(type) || "application/xhtml+xml".equals(type));
  }

  /**
   * @param contentType a {@code Content-Type} value
   * @return its lower-case {@code type/subtype} without parameters, or {@code null}
   */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semi = contentType.indexOf(';');
    String t = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
    return t.isEmpty() ? null : t.toLowerCase(Locale.ROOT);
  }
}
