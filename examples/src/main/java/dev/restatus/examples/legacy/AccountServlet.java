package dev.restatus.examples.legacy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /me}, {@code /admin/*} and {@code /ping}: status codes without the headers or bodies they
 * call for.
 *
 * <ul>
 *   <li>{@code GET /me}: {@code sendError(401)} without a {@code WWW-Authenticate} challenge
 *   <li>{@code GET /admin/users}: {@code sendError(403)}, which tells that the path exists
 *   <li>{@code GET /ping}: {@code setStatus(204)} and then a body anyway
 * </ul>
 */
public class AccountServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    switch (req.getServletPath()) {
      case "/me" -> resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      case "/admin" -> resp.sendError(HttpServletResponse.SC_FORBIDDEN);
      case "/ping" -> {
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
        resp.setContentType("text/plain");
        resp.getWriter().write("pong");
      }
      default -> resp.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
