package dev.restatus.core;

import java.time.Instant;

/**
 * The current state of a resource, as far as conditional requests need it: whether it exists, and
 * its validators. A {@link ValidatorSource} gives it, so that Restatus can decide a conditional
 * write ({@code If-Match}, {@code If-Unmodified-Since}, {@code If-None-Match: *}) before the
 * application runs.
 *
 * @param exists whether the resource has a current representation
 * @param etag its entity-tag, quoted as in an {@code ETag} header ({@code "v7"}, {@code W/"v7"}),
 *     or {@code null}
 * @param lastModified when it last changed, or {@code null}
 */
public record ResourceState(boolean exists, String etag, Instant lastModified) {

  /**
   * @return the state of a resource that does not exist
   */
  public static ResourceState missing() {
    return new ResourceState(false, null, null);
  }

  /**
   * @param etag its entity-tag, quoted, or {@code null}
   * @param lastModified when it last changed, or {@code null}
   * @return the state of an existing resource
   */
  public static ResourceState of(String etag, Instant lastModified) {
    return new ResourceState(true, etag, lastModified);
  }
}
