package dev.restatus.servlet;

import dev.restatus.core.operation.CapturedResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The response a deferred request's application writes to (docs/ARCHITECTURE.md, Deferred
 * operations): held in memory instead of reaching the container, so that Restatus can answer {@code
 * 202} when the time is up, or replay it when the application finishes first. Three modes:
 *
 * <ul>
 *   <li>capturing: status, headers, cookies and body are held here;
 *   <li>passing: the held part was replayed and everything after goes to the container's response
 *       (the body outgrew {@code restatus.defer.max-result} in time, or the application went
 *       asynchronous itself): the request is then simply not deferred;
 *   <li>detached: the client has its 202; the rest is held, up to the limit, for the monitor.
 * </ul>
 *
 * Every method is synchronized: the application writes on its thread, the timer detaches on
 * another, and the container's response is touched by one of them at a time.
 */
final class DeferredResponse extends HttpServletResponseWrapper {

  enum Mode {
    CAPTURING,
    PASSING,
    DETACHED
  }

  private final HttpServletResponse real;
  private final int limit;
  private final String requestUri;
  private String writerCharset;
  private Mode mode = Mode.CAPTURING;
  private int status = 200;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final List<Cookie> cookies = new ArrayList<>();
  private String contentType;
  private String charset;
  private Locale locale;
  private String redirect;
  private Integer error;
  private String errorMessage;
  private boolean committed;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private boolean overflow;
  private long written;
  private final Out out = new Out();
  private PrintWriter writer;
  private Chars chars;
  private boolean usedStream;

  /**
   * @param limit the most body bytes held; more in time passes the response through
   */
  DeferredResponse(HttpServletResponse real, int limit, String requestUri) {
    super(real);
    this.real = real;
    this.limit = limit;
    this.requestUri = requestUri;
  }

  synchronized Mode mode() {
    return mode;
  }

  /**
   * The time is up: from now on the container's response is Restatus's, and what the application
   * writes is kept for the monitor.
   *
   * @return whether it was still capturing (else the request was answered or passed through)
   */
  synchronized boolean detach() {
    if (mode != Mode.CAPTURING) {
      return false;
    }
    mode = Mode.DETACHED;
    return true;
  }

  /** Replays what was held to the container's response and passes everything after through. */
  synchronized void passThrough() throws IOException {
    if (mode != Mode.CAPTURING) {
      return;
    }
    drain();
    mode = Mode.PASSING;
    replayHead();
    if (redirect != null) {
      real.sendRedirect(redirect);
    } else if (error != null) {
      real.sendError(error, errorMessage);
    } else if (writerCharset != null) {
      // written as characters: the container's writer adds what it adds to Content-Type and
      // encodes as it would have (the bytes were encoded with its own charset)
      PrintWriter w = real.getWriter();
      w.write(body.toString(writerCharset));
      w.flush();
      body.reset();
    } else if (body.size() > 0) {
      real.getOutputStream().write(body.toByteArray());
      body.reset();
    }
  }

  /**
   * The application finished in time: the held response goes to the container's, which frames it as
   * it would have (its own {@code Content-Length}, or chunks for a long body).
   */
  synchronized void replay() throws IOException {
    if (mode != Mode.CAPTURING) {
      return;
    }
    drain();
    passThrough();
  }

  /**
   * @return the response as the application left it, for the monitor
   */
  synchronized CapturedResponse captured() {
    try {
      drain(); // detached: into the held body, never to the container
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, List<String>> h = new LinkedHashMap<>();
    headers.forEach(
        (n, v) -> {
          if (!n.equalsIgnoreCase("Content-Length") && !n.equalsIgnoreCase("Connection")) {
            h.put(n, v);
          }
        });
    String type = getContentType();
    if (type != null && charset == null && writerCharset != null) {
      type = type + ";charset=" + writerCharset;
    }
    if (type != null) {
      h.put("Content-Type", List.of(type));
    }
    if (redirect != null) {
      h.put("Location", List.of(redirect));
    }
    // served from the monitor's URI, a relative reference would resolve against that
    for (String name : List.of("Location", "Content-Location")) {
      for (Map.Entry<String, List<String>> e : h.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          List<String> resolved = new ArrayList<>();
          e.getValue().forEach(v -> resolved.add(resolve(v)));
          e.setValue(resolved);
        }
      }
    }
    if (!cookies.isEmpty()) {
      List<String> set = new ArrayList<>();
      cookies.forEach(c -> set.add(setCookie(c)));
      h.put("Set-Cookie", set);
    }
    return new CapturedResponse(status, h, body.toByteArray());
  }

  /**
   * @return whether the body outgrew the limit after the 202 (the result is then too long to keep)
   */
  synchronized boolean overflowed() {
    return overflow;
  }

  /**
   * @return how many body bytes the application wrote in all
   */
  synchronized long written() {
    return written;
  }

  /** A relative reference made absolute-path against the request's URI; others unchanged. */
  private String resolve(String reference) {
    try {
      java.net.URI ref = new java.net.URI(reference);
      if (ref.isAbsolute() || reference.startsWith("/") || requestUri == null) {
        return reference;
      }
      return new java.net.URI(null, null, requestUri, null).resolve(ref).toString();
    } catch (java.net.URISyntaxException e) {
      return reference;
    }
  }

  private void replayHead() {
    real.setStatus(status);
    headers.forEach(
        (n, values) -> {
          if (!n.equalsIgnoreCase("Content-Type")) {
            values.forEach(v -> real.addHeader(n, v));
          }
        });
    if (locale != null) {
      real.setLocale(locale);
    }
    if (contentType != null) {
      real.setContentType(contentType);
    }
    if (charset != null) {
      real.setCharacterEncoding(charset);
    }
    cookies.forEach(real::addCookie);
  }

  private static String setCookie(Cookie c) {
    StringBuilder b = new StringBuilder(c.getName()).append('=').append(c.getValue());
    if (c.getPath() != null) {
      b.append("; Path=").append(c.getPath());
    }
    if (c.getDomain() != null) {
      b.append("; Domain=").append(c.getDomain());
    }
    if (c.getMaxAge() >= 0) {
      b.append("; Max-Age=").append(c.getMaxAge());
      b.append("; Expires=").append(httpDate(System.currentTimeMillis() + c.getMaxAge() * 1000L));
    }
    if (c.getSecure()) {
      b.append("; Secure");
    }
    if (c.isHttpOnly()) {
      b.append("; HttpOnly");
    }
    c.getAttributes()
        .forEach(
            (k, v) -> {
              if (!k.equalsIgnoreCase("Path")
                  && !k.equalsIgnoreCase("Domain")
                  && !k.equalsIgnoreCase("Max-Age")
                  && !k.equalsIgnoreCase("Secure")
                  && !k.equalsIgnoreCase("HttpOnly")) {
                b.append("; ").append(k);
                if (v != null && !v.isEmpty()) {
                  b.append('=').append(v);
                }
              }
            });
    return b.toString();
  }

  private static String httpDate(long millis) {
    return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        java.time.Instant.ofEpochMilli(millis).atZone(java.time.ZoneOffset.UTC));
  }

  private boolean passing() {
    return mode == Mode.PASSING;
  }

  private String first(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  private void put(String name, String value, boolean add) {
    if (name == null) {
      return;
    }
    if (name.equalsIgnoreCase("Content-Type")) {
      if (!add || contentType == null) {
        setContentType(value);
      }
      return;
    }
    String key = null;
    for (String k : headers.keySet()) {
      if (k.equalsIgnoreCase(name)) {
        key = k;
      }
    }
    if (value == null) {
      if (!add && key != null) {
        headers.remove(key);
      }
      return;
    }
    if (add && key != null) {
      headers.get(key).add(value);
    } else {
      if (key != null) {
        headers.remove(key);
      }
      List<String> l = new ArrayList<>();
      l.add(value);
      headers.put(name, l);
    }
  }

  // --- the response the application sees

  @Override
  public synchronized void addCookie(Cookie cookie) {
    if (passing()) {
      real.addCookie(cookie);
    } else if (!committed) {
      cookies.add(cookie);
    }
  }

  @Override
  public synchronized boolean containsHeader(String name) {
    return passing() ? real.containsHeader(name) : first(name) != null;
  }

  @Override
  public synchronized void sendError(int sc, String msg) throws IOException {
    if (passing()) {
      real.sendError(sc, msg);
      return;
    }
    if (committed) {
      throw new IllegalStateException("Cannot call sendError() after the response was committed");
    }
    body.reset();
    status = sc;
    error = sc;
    errorMessage = msg;
    committed = true;
  }

  @Override
  public void sendError(int sc) throws IOException {
    sendError(sc, null);
  }

  @Override
  public synchronized void sendRedirect(String location) throws IOException {
    if (passing()) {
      real.sendRedirect(location);
      return;
    }
    if (committed) {
      throw new IllegalStateException(
          "Cannot call sendRedirect() after the response was committed");
    }
    body.reset();
    status = 302;
    redirect = location;
    committed = true;
  }

  @Override
  public synchronized void setDateHeader(String name, long date) {
    setHeader(name, httpDate(date));
  }

  @Override
  public synchronized void addDateHeader(String name, long date) {
    addHeader(name, httpDate(date));
  }

  @Override
  public synchronized void setHeader(String name, String value) {
    if (passing()) {
      real.setHeader(name, value);
    } else if (!committed) {
      put(name, value, false);
    }
  }

  @Override
  public synchronized void addHeader(String name, String value) {
    if (passing()) {
      real.addHeader(name, value);
    } else if (!committed) {
      put(name, value, true);
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
  public synchronized void setStatus(int sc) {
    if (passing()) {
      real.setStatus(sc);
    } else if (!committed) {
      status = sc;
    }
  }

  @Override
  public synchronized int getStatus() {
    return passing() ? real.getStatus() : status;
  }

  @Override
  public synchronized String getHeader(String name) {
    if (passing()) {
      return real.getHeader(name);
    }
    return name.equalsIgnoreCase("Content-Type") ? getContentType() : first(name);
  }

  @Override
  public synchronized Collection<String> getHeaders(String name) {
    if (passing()) {
      return real.getHeaders(name);
    }
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return new ArrayList<>(e.getValue());
      }
    }
    String type = name.equalsIgnoreCase("Content-Type") ? getContentType() : null;
    return type == null ? List.of() : List.of(type);
  }

  @Override
  public synchronized Collection<String> getHeaderNames() {
    if (passing()) {
      return real.getHeaderNames();
    }
    List<String> names = new ArrayList<>(headers.keySet());
    if (contentType != null) {
      names.add("Content-Type");
    }
    return names;
  }

  @Override
  public synchronized String getCharacterEncoding() {
    if (passing()) {
      return real.getCharacterEncoding();
    }
    return charset != null ? charset : StandardCharsets.ISO_8859_1.name();
  }

  @Override
  public synchronized String getContentType() {
    if (passing()) {
      return real.getContentType();
    }
    if (contentType == null) {
      return null;
    }
    return charset != null ? contentType + ";charset=" + charset : contentType;
  }

  @Override
  public synchronized void setCharacterEncoding(String enc) {
    if (passing()) {
      real.setCharacterEncoding(enc);
    } else if (!committed && writer == null) {
      charset = enc;
    }
  }

  @Override
  public synchronized void setContentType(String type) {
    if (passing()) {
      real.setContentType(type);
      return;
    }
    if (committed) {
      return;
    }
    if (type == null) {
      contentType = null;
      return;
    }
    int semi = type.indexOf(';');
    contentType = semi < 0 ? type.trim() : type.substring(0, semi).trim();
    if (semi >= 0 && writer == null) {
      for (String p : type.substring(semi + 1).split(";")) {
        String[] kv = p.trim().split("=", 2);
        if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")) {
          charset = kv[1].trim().replace("\"", "");
        }
      }
    }
  }

  @Override
  public synchronized void setContentLength(int len) {
    setContentLengthLong(len);
  }

  @Override
  public synchronized void setContentLengthLong(long len) {
    if (passing()) {
      real.setContentLengthLong(len);
    } else if (!committed) {
      put("Content-Length", len < 0 ? null : Long.toString(len), false);
    }
  }

  @Override
  public synchronized void setLocale(Locale loc) {
    if (passing()) {
      real.setLocale(loc);
    } else if (!committed) {
      locale = loc;
    }
  }

  @Override
  public synchronized Locale getLocale() {
    return passing() || locale == null ? real.getLocale() : locale;
  }

  @Override
  public synchronized ServletOutputStream getOutputStream() {
    if (writer != null) {
      throw new IllegalStateException("getWriter() has already been called");
    }
    usedStream = true;
    return out;
  }

  @Override
  public synchronized PrintWriter getWriter() {
    if (usedStream) {
      throw new IllegalStateException("getOutputStream() has already been called");
    }
    if (writer == null) {
      Charset cs;
      try {
        cs = Charset.forName(charset != null ? charset : containerCharset());
      } catch (RuntimeException e) {
        cs = StandardCharsets.ISO_8859_1;
      }
      writerCharset = cs.name();
      chars = new Chars(cs);
      writer = new PrintWriter(chars, false);
    }
    return writer;
  }

  /**
   * The charset the container's writer would use for the content type set so far (Jetty assumes
   * UTF-8 for JSON, Tomcat ISO-8859-1 unless configured): asked of the container's response, which
   * nothing has been written to yet.
   */
  private String containerCharset() {
    if (contentType == null) {
      return real.getCharacterEncoding();
    }
    String before = real.getContentType();
    real.setContentType(contentType);
    String cs = real.getCharacterEncoding();
    real.setContentType(before);
    return cs;
  }

  @Override
  public synchronized void flushBuffer() throws IOException {
    drain();
    if (mode == Mode.CAPTURING) {
      passThrough(); // the application streams on purpose: it is answered as it writes, undeferred
    }
    if (passing()) {
      real.flushBuffer();
    } else {
      committed = true;
    }
  }

  @Override
  public synchronized void setBufferSize(int size) {
    if (passing()) {
      real.setBufferSize(size);
    }
  }

  @Override
  public synchronized int getBufferSize() {
    return passing() ? real.getBufferSize() : limit;
  }

  @Override
  public synchronized boolean isCommitted() {
    return passing() ? real.isCommitted() : committed;
  }

  @Override
  public synchronized void reset() {
    if (passing()) {
      real.reset();
      return;
    }
    if (committed) {
      throw new IllegalStateException("Cannot reset after the response was committed");
    }
    status = 200;
    headers.clear();
    cookies.clear();
    contentType = null;
    charset = null;
    locale = null;
    body.reset();
    writer = null;
    chars = null;
    writerCharset = null;
    usedStream = false;
  }

  @Override
  public synchronized void resetBuffer() {
    if (passing()) {
      real.resetBuffer();
      return;
    }
    if (committed) {
      throw new IllegalStateException("Cannot reset the buffer after the response was committed");
    }
    body.reset();
  }

  /** Writes to the held body, or, once passing, to the container's. */
  private final class Out extends ServletOutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      synchronized (DeferredResponse.this) {
        written += len;
        if (passing()) {
          toContainer(b, off, len);
          return;
        }
        if (redirect != null || error != null) {
          return; // the container would ignore it too
        }
        if (body.size() + (long) len <= limit) {
          body.write(b, off, len);
        } else if (mode == Mode.CAPTURING) {
          // too long to hold: stop deferring and let it stream, as without Restatus
          passThrough();
          toContainer(b, off, len);
        } else {
          overflow = true;
        }
      }
    }

    @Override
    public void flush() throws IOException {
      synchronized (DeferredResponse.this) {
        if (mode == Mode.CAPTURING) {
          passThrough(); // the application streams on purpose: answered as it writes
        }
        if (passing()) {
          if (writerCharset != null) {
            real.getWriter().flush();
          } else {
            real.getOutputStream().flush();
          }
        } else {
          committed = true;
        }
      }
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new IllegalStateException("a deferred request's response is not asynchronous");
    }
  }

  /** Encoded characters the application's writer has not handed on yet go to the body. */
  private void drain() throws IOException {
    if (chars != null) {
      chars.drain();
    }
  }

  /**
   * Bytes for the container's response once passing: characters through its writer (the bytes were
   * encoded with its charset, in whole characters), else its stream.
   */
  private void toContainer(byte[] b, int off, int len) throws IOException {
    if (writerCharset != null) {
      real.getWriter().write(new String(b, off, len, writerCharset));
    } else {
      real.getOutputStream().write(b, off, len);
    }
  }

  /**
   * The application's writer: encodes into the held body while capturing; hands characters to the
   * container's writer once passing. A flush by the application passes the response through.
   */
  private final class Chars extends java.io.Writer {
    private final OutputStreamWriter encoder;

    Chars(Charset cs) {
      // the encoder's flush hands its bytes on and no more: flushing is the application's call
      encoder =
          new OutputStreamWriter(
              new java.io.OutputStream() {
                @Override
                public void write(int b) throws IOException {
                  out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                  out.write(b, off, len);
                }
              },
              cs);
    }

    void drain() throws IOException {
      encoder.flush();
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
      synchronized (DeferredResponse.this) {
        if (passing()) {
          encoder.flush();
          real.getWriter().write(c, off, len);
        } else {
          encoder.write(c, off, len);
        }
      }
    }

    @Override
    public void flush() throws IOException {
      synchronized (DeferredResponse.this) {
        encoder.flush();
        if (mode == Mode.CAPTURING) {
          passThrough(); // the application streams on purpose: answered as it writes
        }
        if (passing()) {
          real.getWriter().flush();
        }
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
