package dev.restatus.examples.legacy;

import dev.restatus.examples.Shop;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /reports/daily}: a 502 whose body is an HTML page the servlet writes itself. */
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
}
