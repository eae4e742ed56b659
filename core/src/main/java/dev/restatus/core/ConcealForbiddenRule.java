package dev.restatus.core;

import java.util.List;

/**
 * Rule 6: a 403 on a concealed path ({@code restatus.conceal-forbidden}) becomes exactly the 404 of
 * a missing resource. The application's message and body are dropped, since either could tell the
 * caller that the resource exists.
 */
final class ConcealForbiddenRule implements ResponseRule {

  private final List<PathPattern> concealed;

  ConcealForbiddenRule(List<PathPattern> concealed) {
    this.concealed = concealed;
  }

  @Override
  public void apply(Draft d) {
    if (d.status != 403 || concealed.isEmpty()) {
      return;
    }
    String path = d.request.path();
    for (PathPattern p : concealed) {
      if (p.matches(path)) {
        d.found("conceal-forbidden", "403 on a concealed path");
        d.status = 404;
        d.detail = null;
        d.body = Decision.Body.PROBLEM;
        return;
      }
    }
  }
}
