package dev.restatus.core.operation;

/**
 * What fails an operation whose result outgrew {@code restatus.defer.max-result} after its 202 (an
 * adapter could hold no more of it): logged with the operation's error id, never shown. It carries
 * no stack trace: where it was made tells nothing.
 */
public final class ResultTooLongException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param length how many body bytes the application wrote
   * @param limit {@code restatus.defer.max-result}
   */
  public ResultTooLongException(long length, int limit) {
    super(
        "the deferred response of "
            + length
            + " bytes is longer than restatus.defer.max-result="
            + limit,
        null,
        false,
        false);
  }
}
