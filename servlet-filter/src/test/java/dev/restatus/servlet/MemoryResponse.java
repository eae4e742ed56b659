package dev.restatus.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response kept in memory, for unit tests of {@link RestatusResponse} without a container: it
 * follows the Servlet contract on the points the wrapper relies on (a buffer that commits on flush,
 * {@code reset()} clearing status, headers and the writer/stream choice, {@code setHeader(name,
 * null)} removing a header) and nothing more. The HTTP behaviour is tested on real containers.
 */
final class MemoryResponse implements HttpServletResponse {

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private int status = 200;
  private String contentType;
  private String charset;
  private boolean committed;
  private ServletOutputStream stream;
  private PrintWriter writer;

  /** What the client would get as the body. */
  String body() {
    if (writer != null) {
      writer.flush();
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void addCookie(Cookie cookie) {
    addHeader("Set-Cookie", cookie.getName() + "=" + cookie.getValue());
  }

  @Override
  public boolean containsHeader(String name) {
    return headers.containsKey(name);
  }

  @Override
  public String encodeURL(String url) {
    return url;
  }

  @Override
  public String encodeRedirectURL(String url) {
    return url;
  }

  @Override
  public void sendError(int sc, String msg) {
    status = sc;
    committed = true;
  }

  @Override
  public void sendError(int sc) {
    sendError(sc, null);
  }

  @Override
  public void sendRedirect(String location) {
    status = 302;
    setHeader("Location", location);
    committed = true;
  }

  @Override
  public void setDateHeader(String name, long date) {
    setHeader(name, Long.toString(date));
  }

  @Override
  public void addDateHeader(String name, long date) {
    addHeader(name, Long.toString(date));
  }

  @Override
  public void setHeader(String name, String value) {
    if (committed) {
      return;
    }
    headers.remove(name);
    if (value != null) {
      addHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!committed) {
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    setHeader(name, Integer.toString(value));
  }

  @Override
  public void addIntHeader(String name, int value) {
    addHeader(name, Integer.toString(value));
  }

  @Override
  public void setStatus(int sc) {
    if (!committed) {
      status = sc;
    }
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public String getHeader(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  @Override
  public Collection<String> getHeaders(String name) {
    return headers.getOrDefault(name, List.of());
  }

  @Override
  public Collection<String> getHeaderNames() {
    return new ArrayList<>(headers.keySet());
  }

  @Override
  public String getCharacterEncoding() {
    return charset == null ? "ISO-8859-1" : charset;
  }

  @Override
  public String getContentType() {
    return contentType == null
        ? null
        : contentType + (charset == null ? "" : ";charset=" + charset);
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (writer != null) {
      throw new IllegalStateException("getWriter() has already been called");
    }
    if (stream == null) {
      stream =
          new ServletOutputStream() {
            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}

            @Override
            public void write(int b) {
              buffer.write(b);
            }
          };
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (stream != null) {
      throw new IllegalStateException("getOutputStream() has already been called");
    }
    if (writer == null) {
      writer =
          new PrintWriter(new OutputStreamWriter(buffer, Charset.forName(getCharacterEncoding())));
    }
    return writer;
  }

  @Override
  public void setCharacterEncoding(String charset) {
    if (writer == null && !committed) {
      this.charset = charset;
    }
  }

  @Override
  public void setContentLength(int len) {
    setContentLengthLong(len);
  }

  @Override
  public void setContentLengthLong(long len) {
    if (len < 0) {
      headers.remove("Content-Length");
    } else {
      setHeader("Content-Length", Long.toString(len));
    }
  }

  @Override
  public void setContentType(String type) {
    if (committed) {
      return;
    }
    if (type == null) {
      contentType = null;
      return;
    }
    int semi = type.indexOf(";charset=");
    contentType = semi < 0 ? type : type.substring(0, semi);
    if (semi >= 0) {
      setCharacterEncoding(type.substring(semi + ";charset=".length()));
    }
  }

  @Override
  public void setBufferSize(int size) {}

  @Override
  public int getBufferSize() {
    return 8192;
  }

  @Override
  public void flushBuffer() {
    committed = true;
  }

  @Override
  public void resetBuffer() {
    if (committed) {
      throw new IllegalStateException("committed");
    }
    if (writer != null) {
      writer.flush();
    }
    buffer.reset();
  }

  @Override
  public boolean isCommitted() {
    return committed;
  }

  @Override
  public void reset() {
    resetBuffer();
    headers.clear();
    status = 200;
    contentType = null;
    charset = null;
    stream = null;
    writer = null;
  }

  @Override
  public void setLocale(Locale loc) {
    setHeader("Content-Language", loc.toLanguageTag());
  }

  @Override
  public Locale getLocale() {
    return Locale.getDefault();
  }
}
