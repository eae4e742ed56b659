package dev.restatus.benchmarks;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The least a filter that sees a response's bytes can do: wrap the response and hand its stream
 * through, deciding nothing. Measured beside the bare application, it shows what any such filter
 * costs on a container, whatever it does with what it sees.
 */
final class StreamWrappingFilter implements Filter {

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(req, new Wrapper((HttpServletResponse) res));
  }

  private static final class Wrapper extends HttpServletResponseWrapper {
    private ServletOutputStream out;

    Wrapper(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (out == null) {
        out = new PassOn(super.getOutputStream());
      }
      return out;
    }
  }

  private static final class PassOn extends ServletOutputStream {
    private final ServletOutputStream real;

    PassOn(ServletOutputStream real) {
      this.real = real;
    }

    @Override
    public void write(int b) throws IOException {
      real.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      real.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      real.flush();
    }

    @Override
    public void close() throws IOException {
      real.close();
    }

    @Override
    public boolean isReady() {
      return real.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      real.setWriteListener(listener);
    }
  }
}
