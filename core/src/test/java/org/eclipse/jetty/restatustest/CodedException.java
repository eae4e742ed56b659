package org.eclipse.jetty.restatustest;

/**
 * Stands in for Jetty's client-error exceptions in core's unit tests: a package under {@code
 * org.eclipse.jetty.}, a code reachable only through a public interface (like Jetty's early EOF).
 */
public final class CodedException {

  private CodedException() {}

  /** Jetty's {@code HttpException} shape. */
  public interface Coded {
    /**
     * @return the status
     */
    int getCode();
  }

  /**
   * @param code the status it carries
   * @return an exception of a non-public class carrying it
   */
  public static RuntimeException of(int code) {
    return new Hidden(code);
  }

  private static final class Hidden extends RuntimeException implements Coded {
    private final int code;

    Hidden(int code) {
      super("bad request from the client");
      this.code = code;
    }

    @Override
    public int getCode() {
      return code;
    }
  }
}
