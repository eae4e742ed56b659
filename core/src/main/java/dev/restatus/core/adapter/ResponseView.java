package dev.restatus.core.adapter;

/** The read-only view of the response so far, at the moment it is about to commit. */
public interface ResponseView {

  /**
   * @return the status the application set
   */
  int status();

  /**
   * @param name a header name, case-insensitive
   * @return its first value, or {@code null}
   */
  String header(String name);

  /**
   * @return the {@code Content-Type} the application set, or {@code null}
   */
  String contentType();

  /**
   * @return whether the application is writing a body (it wrote or flushed bytes, or returned an
   *     entity), as opposed to finishing with none
   */
  boolean hasBody();

  /**
   * @return the message of a servlet {@code sendError(status, message)}, or {@code null}; such a
   *     response never keeps an application body
   */
  default String errorMessage() {
    return null;
  }

  /**
   * @return whether the status comes from a servlet {@code sendError}
   */
  default boolean errorSent() {
    return false;
  }

  /**
   * @return for a {@code sendError} status: whether the application has an error page of its own
   *     for it, which the container renders when the error is passed on to it; the default knows
   *     none
   */
  default boolean hasErrorPage() {
    return false;
  }
}
