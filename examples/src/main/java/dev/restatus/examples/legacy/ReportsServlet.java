package dev.restatus.examples.legacy;

import dev.restatus.examples.Shop;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /reports/daily}: a 502 whose body is an HTML page the servlet writes itself. {@code
 * POST /reports/export}: a slow export, 201 after three seconds (Restatus answers 202 after one).
 */
public class ReportsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"/daily".equals(req.getPathInfo())) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    resp.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
    resp.setContentType("text/html;charset=utf-8");
    resp.getWriter().write(Shop.REPORT_ERROR_HTML);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"/export".equals(req.getPathInfo())) {
      resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    try {
      Thread.sleep(3000); // the legacy report query
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    resp.setStatus(HttpServletResponse.SC_CREATED);
    resp.setHeader("Location", req.getContextPath() + "/reports/monthly");
    resp.setContentType("application/json");
    resp.getWriter().write("{\"report\":\"monthly\",\"rows\":1234}");
  }
}
