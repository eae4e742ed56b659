package dev.restatus.examples.legacy;

import dev.restatus.examples.Shop;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /orders/*} of the legacy shop, written the way pre-REST servlet code often is. Implements
 * GET and POST only: {@code DELETE} gets {@code HttpServlet}'s own 405, {@code PROPFIND} its 501.
 *
 * <ul>
 *   <li>{@code GET /orders/42}: 200 with the order
 *   <li>{@code GET /orders/7}: {@code sendError(404)}
 *   <li>{@code GET /orders/abc}: {@code sendError(400, "order id must be a number")}
 *   <li>{@code GET /orders/0}: an {@code IllegalArgumentException}, uncaught
 *   <li>{@code GET /orders/13}: an {@code IllegalStateException} whose message holds a password
 *   <li>{@code GET /orders/99}: a 410 with a problem+json body the servlet writes itself
 *   <li>{@code GET /orders/42/invoice}: {@code setStatus(503)}, no body, no {@code Retry-After}
 *   <li>{@code POST /orders/42/ship}: {@code setStatus(409)}, no body
 * </ul>
 */
public class OrdersServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String[] path = segments(req);
    if (path.length == 2 && path[1].equals("invoice")) {
      resp.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE); // invoicing is down
      return;
    }
    if (path.length != 1) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    long id;
    try {
      id = Long.parseLong(path[0]);
    } catch (NumberFormatException e) {
      resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "order id must be a number");
      return;
    }
    if (id == 99) {
      resp.setStatus(HttpServletResponse.SC_GONE);
      resp.setContentType("application/problem+json");
      resp.getWriter().write(Shop.ARCHIVED_PROBLEM_JSON);
      return;
    }
    String order = Shop.findOrder(id); // throws for 0 and 13
    if (order == null) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    resp.setContentType("application/json");
    resp.getWriter().write(order);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String[] path = segments(req);
    if (path.length == 2 && path[1].equals("ship")) {
      resp.setStatus(HttpServletResponse.SC_CONFLICT); // already shipped; says nothing more
      return;
    }
    resp.sendError(HttpServletResponse.SC_NOT_FOUND);
  }

  private static String[] segments(HttpServletRequest req) {
    String info = req.getPathInfo();
    return info == null || info.equals("/") ? new String[0] : info.substring(1).split("/");
  }
}
