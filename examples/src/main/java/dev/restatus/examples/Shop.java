package dev.restatus.examples;

/**
 * The tiny domain both example applications share: one order that exists, and the failures the
 * others run into. Knows nothing about servlets, JAX-RS or Restatus.
 */
public final class Shop {

  /** The password that leaks through the container's error page when nothing sanitizes it. */
  public static final String SECRET = "hunter2";

  /** The message of the uncaught exception behind {@code GET /orders/13}. */
  public static final String SECRET_MESSAGE =
      "cannot reach jdbc:postgresql://db.internal:5432/shop?user=shop&password=" + SECRET;

  /** The only order that exists. */
  public static final long ORDER_ID = 42;

  /** The body of {@code GET /orders/42}. */
  public static final String ORDER_JSON =
      "{\"id\":42,\"item\":\"espresso machine\",\"status\":\"paid\"}";

  /** The problem+json body the applications write themselves for {@code GET /orders/99}. */
  public static final String ARCHIVED_PROBLEM_JSON =
      "{\"type\":\"https://shop.example/problems/order-archived\",\"title\":\"Order archived\","
          + "\"status\":410,\"detail\":\"order 99 was archived in 2019\",\"order\":99}";

  /** The HTML error body of {@code GET /reports/daily}. */
  public static final String REPORT_ERROR_HTML =
      "<html><body><h1>Report engine failed</h1><p>upstream reportd answered garbage</p>"
          + "</body></html>";

  private Shop() {}

  /**
   * Looks an order up the way the legacy code does.
   *
   * @param id the order id from the URL
   * @return the order as JSON, or {@code null} if there is no such order
   * @throws IllegalArgumentException if the id is below 1: a client error
   * @throws IllegalStateException for order 13: the database is down, and the message says more
   *     than a client should ever see
   */
  public static String findOrder(long id) {
    if (id < 1) {
      throw new IllegalArgumentException("order id must be positive, was " + id);
    }
    if (id == 13) {
      throw new IllegalStateException(SECRET_MESSAGE);
    }
    return id == ORDER_ID ? ORDER_JSON : null;
  }
}
