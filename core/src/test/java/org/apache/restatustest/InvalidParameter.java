package org.apache.restatustest;

/** Stands in for Tomcat 11's {@code InvalidParameterException} in core's unit tests. */
public class InvalidParameter extends IllegalStateException {

  private final int errorCode;

  /**
   * @param errorCode the status Tomcat answers
   */
  public InvalidParameter(int errorCode) {
    super("The hexadecimal encoding is invalid");
    this.errorCode = errorCode;
  }

  /**
   * @return the status
   */
  public int getErrorCode() {
    return errorCode;
  }
}
