package dev.restatus.servlet;

import dev.restatus.core.operation.CapturedResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes a complete response Restatus holds (a monitor's answer, a 202) to the container's. */
final class Replies {

  private Replies() {}

  /**
   * @param head whether the request was HEAD: headers only, with the body's length
   * @param close whether the connection is to be closed after it
   */
  static void write(HttpServletResponse to, CapturedResponse r, boolean head, boolean close)
      throws IOException {
    to.setStatus(r.status());
    for (Map.Entry<String, List<String>> e : r.headers().entrySet()) {
      String name = e.getKey();
      if (name.equalsIgnoreCase("Content-Type")) {
        to.setContentType(e.getValue().get(0));
      } else if (!name.equalsIgnoreCase("Content-Length")) {
        for (String v : e.getValue()) {
          to.addHeader(name, v);
        }
      }
    }
    if (close) {
      to.setHeader("Connection", "close");
    }
    if (r.status() == 204 || r.status() == 304) {
      return;
    }
    to.setContentLength(r.bodyLength());
    if (!head && r.bodyLength() > 0) {
      to.getOutputStream().write(r.body());
    }
    to.flushBuffer();
  }
}
