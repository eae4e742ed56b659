package dev.restatus.core.internal.rules;

import dev.restatus.core.PathPattern;
import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.RequestView;
import dev.restatus.core.adapter.ResponseView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Strong entity-tags for {@code restatus.etag} paths whose application sets none: a 200 to a GET is
 * held back (at most {@code restatus.etag.max-buffer} bytes) and tagged with a digest of its {@code
 * Content-Type} and bytes, so that the conditional rule can answer a matching {@code If-None-Match}
 * with 304. A longer body streams through untouched, without one.
 */
final class GeneratedETags {

  private final List<PathPattern> paths;
  private final int max;

  GeneratedETags(List<PathPattern> paths, int max) {
    this.paths = paths;
    this.max = max;
  }

  /**
   * @return how much of the body to hold back for a generated ETag, or 0 for none
   */
  int buffer(RequestView request, ResponseView response, Decision decided) {
    if (max == 0
        || paths.isEmpty()
        || !(decided instanceof Decision.Keep)
        || decided.status() != 200
        || !request.method().equals("GET")
        || !PathPatterns.any(paths, request.path())
        || response.header("ETag") != null) {
      return 0;
    }
    return max;
  }

  /** A strong entity-tag: 132 bits of SHA-256 over the content type and the body, base64url. */
  static String of(byte[] body, int length, String contentType) {
    MessageDigest md = sha256();
    if (contentType != null) {
      md.update(contentType.getBytes(StandardCharsets.UTF_8));
    }
    md.update((byte) 0);
    md.update(body, 0, length);
    return quote(md.digest());
  }

  /** The same for a body written as characters (tagged as UTF-8, whatever the charset). */
  static String of(CharSequence body, String contentType) {
    byte[] b = body.toString().getBytes(StandardCharsets.UTF_8);
    return of(b, b.length, contentType);
  }

  private static String quote(byte[] digest) {
    return "\""
        + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
        + "\"";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
