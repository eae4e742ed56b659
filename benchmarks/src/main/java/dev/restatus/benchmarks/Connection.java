package dev.restatus.benchmarks;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A keep-alive client connection to 127.0.0.1 that exchanges whole requests and responses, and is
 * opened again after the server closed it (Tomcat does after a 500, 501 or 503).
 */
final class Connection implements Closeable {

  private final int port;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  Connection(int port) {
    this.port = port;
  }

  /** Opens the connection unless it is open. */
  void open() throws IOException {
    if (socket == null) {
      socket = new Socket("127.0.0.1", port);
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }
  }

  /**
   * Sends a request on the open connection and reads its whole response.
   *
   * @param request the request bytes
   * @param head whether it is a HEAD (no body follows)
   * @param keepBody whether to keep the body (else it is skipped)
   * @return the response
   */
  Wire exchange(byte[] request, boolean head, boolean keepBody) throws IOException {
    out.write(request);
    return Wire.read(in, head, keepBody);
  }

  /** Closes the connection if the response said the server closes it. */
  void closeIfAsked(Wire response) throws IOException {
    if ("close".equalsIgnoreCase(response.headers().get("connection"))) {
      close();
    }
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
