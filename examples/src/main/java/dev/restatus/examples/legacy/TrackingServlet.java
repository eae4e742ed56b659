package dev.restatus.examples.legacy;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /tracking/{id}}: asks the carrier asynchronously; the carrier never answers, so a
 * timer thread ends the request with {@code sendError(504, ...)} and {@code complete()}.
 */
public class TrackingServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Executor CARRIER =
      CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
    AsyncContext async = req.startAsync();
    CARRIER.execute(
        () -> {
          try {
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            response.sendError(
                HttpServletResponse.SC_GATEWAY_TIMEOUT, "carrier tracking API timed out");
          } catch (IOException e) {
            log("cannot send the tracking error", e);
          } finally {
            async.complete();
          }
        });
  }
}
