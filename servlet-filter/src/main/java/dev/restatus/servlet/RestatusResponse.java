package dev.restatus.servlet;

import dev.restatus.core.Mode;
import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.Failure;
import dev.restatus.core.adapter.ResponseView;
import dev.restatus.core.adapter.Restatus;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The response the application writes to. Nothing is buffered: the core rules run once, at the
 * commit point (the first byte or flush of the body, or the end of the exchange without one), and
 * the body then streams straight to the container or is discarded in favour of a problem. {@code
 * sendError} is recorded, never passed to the container, so no container error page runs.
 *
 * <p>Before the commit point every call passes through, so the container keeps its own state
 * (status, headers, buffer). After a decision that replaces or drops the body, the application sees
 * a committed response: its header changes and writes are ignored, as a container ignores them
 * after {@code sendError}.
 *
 * <p>Why this file is long: it must intercept the whole response API of the Servlet specification
 * (status, errors, redirects, every header setter, the buffer, the writer and the stream) on top of
 * the commit point. Its state is one of the {@link Phase}s; the changes to the container's response
 * live in {@link ContainerEdits}, a held body in {@link HeldBody}.
 */
final class RestatusResponse extends HttpServletResponseWrapper {

  private static final System.Logger LOG = System.getLogger("dev.restatus");

  /** Headers that describe a body: a replaced or dropped body takes them along. */
  private static final Set<String> BODY_HEADERS =
      Set.of("content-type", "content-length", "content-language", "transfer-encoding");

  private final Restatus engine;
  private final ServletRequestView request;
  private final boolean enforce;
  private final Integer pinnedStatus;
  private final ErrorPages errorPages;

  private int status;
  private boolean errorSent;
  private String errorMessage;
  private Decision decision;
  private long written;
  private boolean finished;

  private Output stream;
  private PrintWriter writer;
  private ServletOutputStream realStream;

  private PrintWriter realWriter;

  private byte[] inspected;
  private int inspectedLength;
  private HeldBody held;
  private HeldBody tagging;
  private int including;
  private int forwarding;

  /**
   * @param pinnedStatus in an ERROR dispatch, the status of the error being rendered: whatever the
   *     error page sets, this is the status sent; otherwise {@code null}
   */
  RestatusResponse(
      HttpServletResponse response,
      ServletRequestView request,
      Restatus engine,
      Integer pinnedStatus,
      ErrorPages errorPages) {
    super(response);
    this.engine = engine;
    this.request = request;
    this.enforce = engine.config().mode() == Mode.ENFORCE;
    this.pinnedStatus = pinnedStatus;
    this.errorPages = errorPages;
    this.status = pinnedStatus != null ? pinnedStatus : response.getStatus();
  }

  // ---- the commit point ------------------------------------------------------------------

  /** Runs the response rules once and carries out the decision. */
  private void decide(boolean hasBody) throws IOException {
    if (decision != null) {
      return;
    }
    View view = new View(hasBody);
    decision = engine.onResponse(request, view);
    apply(decision);
    if (hasBody && held == null && written == 0 && !isCommittedToContainer()) {
      int cap = engine.etagBuffer(request, view, decision);
      if (cap > 0) {
        tagging = new HeldBody(cap, announcedLength()); // restatus.etag: held for its ETag
      }
    }
  }

  /**
   * A body held for its generated ETag is complete: the conditional rule runs with it (a 304
   * discards it; a 200 sends it with the ETag).
   */
  private void releaseTagged() throws IOException {
    HeldBody t = tagging;
    tagging = null;
    if (t == null || !keeping()) {
      return;
    }
    String type = getResponse().getContentType();
    String etag =
        t.isText() ? engine.etagOf(t.chars(), type) : engine.etagOf(t.bytes(), t.size(), type);
    decision = engine.onGeneratedETag(request, new View(true), etag);
    apply(decision);
    if (keeping()) {
      passOn(t);
    }
  }

  /** Longer than may be held: what was held goes on, and the rest streams, without an ETag. */
  private void spillTagged() throws IOException {
    HeldBody t = tagging;
    if (t != null && t.full()) {
      tagging = null;
      passOn(t);
    }
  }

  private void apply(Decision d) throws IOException {
    HttpServletResponse real = (HttpServletResponse) getResponse();
    if (d instanceof Decision.Replace r) {
      sendProblem(real, r);
      return;
    }
    boolean dropping = d instanceof Decision.Drop && !real.isCommitted();
    if (dropping) {
      // no body, so none of its headers: a reset also undoes a getWriter() the application made
      restart(real, d.status(), d.headers().remove(), null);
    } else {
      if (d.status() != real.getStatus()) {
        real.setStatus(d.status());
      }
      if (ContainerEdits.removeHeaders(real, d.headers().remove())) {
        realStream = null;
        realWriter = null;
      }
    }
    ContainerEdits.setHeaders(real, d.headers().set());
    if (dropping) {
      // committed now, with no length: completing an unwritten response, Jetty would add a
      // Content-Length: 0 that a 304 must not carry (RFC 9110 section 15.4.5)
      real.flushBuffer();
      return;
    }
    if (d instanceof Decision.Keep && d.status() >= 500 && engine.config().inspectLimit() > 0) {
      if (enforce && written == 0 && !real.isCommitted()) {
        // looked at before anything is sent
        held = new HeldBody(engine.config().inspectLimit(), announcedLength());
      } else if (!enforce) {
        inspected = new byte[engine.config().inspectLimit()];
      }
    }
  }

  /**
   * Replaces whatever the response holds with the decided problem: the response is reset, so that
   * nothing of the application's body, character encoding or locale survives, and the headers it
   * had are put back except the removed ones (all but the safe ones for a canonical not-found).
   */
  private void sendProblem(HttpServletResponse real, Decision.Replace d) throws IOException {
    if (real.isCommitted()) {
      return; // too late: the container already sent the application's response
    }
    restart(real, d.status(), d.headers().remove(), d.headers().keepOnly());
    ContainerEdits.setHeaders(real, d.headers().set());
    real.setContentType(d.contentType());
    real.setContentLength(d.bytes().length);
    if (!request.isHead()) {
      realStream().write(d.bytes());
    }
  }

  /**
   * Resets the uncommitted response to {@code sc} and the headers it had, less those of the body
   * ({@code Content-Type}, {@code Content-Length}, {@code Content-Language}) and {@code remove}; or
   * only those in {@code keepOnly} when that is not {@code null}.
   */
  private void restart(
      HttpServletResponse real, int sc, Collection<String> remove, Set<String> keepOnly) {
    Set<String> drop = new HashSet<>(BODY_HEADERS);
    remove.forEach(n -> drop.add(n.toLowerCase(Locale.ROOT)));
    if (keepOnly != null) {
      request.forgetNewSession(); // its cookie would tell the resource exists
    }
    ContainerEdits.restart(
        real, sc, lower -> !drop.contains(lower) && (keepOnly == null || keepOnly.contains(lower)));
    realStream = null;
    realWriter = null;
    held = null;
    tagging = null;
  }

  /**
   * The {@code Content-Length} the response carries now, or -1: read only when a body is about to
   * be held, to size the hold.
   */
  private long announcedLength() {
    String value = ((HttpServletResponse) getResponse()).getHeader("Content-Length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private ServletOutputStream realStream() throws IOException {
    if (realStream == null) {
      realStream = getResponse().getOutputStream();
    }
    return realStream;
  }

  private PrintWriter realWriter() throws IOException {
    if (realWriter == null) {
      realWriter = getResponse().getWriter();
    }
    return realWriter;
  }

  /**
   * @return whether Restatus changes responses ({@code enforce} mode), rather than only reporting
   */
  boolean isEnforcing() {
    return enforce;
  }

  /** Sends an answer the request rules gave before the application ran. */
  void answer(Decision d) throws IOException {
    finished = true;
    decision = d;
    apply(d);
  }

  /**
   * The phases of one response, from what has been recorded and decided. Commit detection (the
   * first write or flush, the end of the exchange, a status change) moves a response out of {@link
   * #OPEN}; carrying out the decision is {@link #apply} and {@link ContainerEdits}.
   */
  enum Phase {
    /** Nothing decided yet: every call passes through to the container. */
    OPEN(false, false),
    /**
     * {@code sendError} recorded in {@code enforce} mode: the problem is decided and written when
     * the exchange ends; the application sees a committed response.
     */
    ERROR_RECORDED(false, true),
    /** Decided to keep: the application's body streams on (a kept 5xx is held until looked at). */
    STREAMING(true, false),
    /**
     * {@code sendError} and a decision to keep what follows ({@code report} mode: the container
     * writes its own page); the application sees a committed response.
     */
    ERROR_PASSED(true, true),
    /** Decided to drop or replace the body: the application's writes are discarded. */
    ANSWERED(false, true);

    /** Whether the application's bytes go to the client. */
    final boolean keepsBody;

    /** Whether the application must see a committed response: its changes are ignored. */
    final boolean closedToApp;

    Phase(boolean keepsBody, boolean closedToApp) {
      this.keepsBody = keepsBody;
      this.closedToApp = closedToApp;
    }
  }

  /**
   * @return the phase this response is in
   */
  Phase phase() {
    if (decision == null) {
      return errorSent ? Phase.ERROR_RECORDED : Phase.OPEN;
    }
    if (decision instanceof Decision.Keep) {
      return errorSent ? Phase.ERROR_PASSED : Phase.STREAMING;
    }
    return Phase.ANSWERED;
  }

  private boolean keeping() {
    return phase().keepsBody;
  }

  private boolean closedToApp() {
    return phase().closedToApp;
  }

  /**
   * Ends the exchange: runs the rules if no byte forced them earlier, writes a pending problem and
   * inspects a kept 5xx body. Called when the filter chain returns, or on {@code
   * AsyncContext.complete()}. Idempotent.
   */
  void finish() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    decide(written > 0);
    release();
    releaseTagged();
    // no flush: the container completes the response, and can still send Content-Length
    if (inspected != null && inspectedLength > 0) {
      engine.inspect(request, decision.status(), inspected, inspectedLength);
    }
  }

  /**
   * Sends a held 5xx body on, once it has been looked at, or the problem instead if it shows
   * internals.
   */
  private void release() throws IOException {
    HeldBody h = held;
    held = null;
    if (h == null || !keeping()) {
      return;
    }
    Optional<Decision.Replace> instead =
        h.full()
            // longer than can be looked at: what follows the limit could show anything
            ? engine.unseenErrorBody(request, decision.status(), "body longer than inspect-limit")
            : engine.inspect(request, decision.status(), h.head());
    if (instead.isPresent()) {
      decision = instead.get();
      apply(decision);
    } else {
      passOn(h);
    }
  }

  /** Sends what was held to the client, through the stream or writer the application chose. */
  private void passOn(HeldBody h) throws IOException {
    if (h.isText()) {
      realWriter().append(h.chars());
    } else if (h.size() > 0) {
      h.writeBytesTo(realStream());
    }
  }

  /** A held body longer than can be looked at goes (replaced) at once, not at the end. */
  private void releaseIfFull() throws IOException {
    if (held.full()) {
      release();
    }
  }

  /**
   * The status changed after the rules ran on the first write, and nothing is committed yet: they
   * run again on the new status. A body that must go is discarded from the container's buffer.
   */
  private void redecide() throws IOException {
    HeldBody h = held != null ? held : tagging;
    held = null;
    tagging = null;
    decision = engine.onResponse(request, new View(true));
    if (decision instanceof Decision.Keep && status >= 500) {
      // the start of this body was written before its status: it was never looked at
      decision =
          engine
              .unseenErrorBody(request, status, "set after its body had started")
              .<Decision>map(r -> r)
              .orElse(decision);
    }
    apply(decision);
    if (h != null && keeping()) {
      passOn(h);
    }
  }

  /** A forward's target runs. */
  void enterForward() {
    forwarding++;
  }

  /** The forward's target returned. */
  void exitForward() {
    forwarding--;
  }

  /** An included servlet runs: its status, {@code sendError} and reset are ignored (spec 9.3). */
  void enterInclude() {
    including++;
  }

  /** The included servlet returned. */
  void exitInclude() {
    including--;
  }

  /**
   * Sends a failure instead of whatever the application had started, if the response is not yet
   * committed to the container.
   *
   * @return {@code false} if the container already committed the response
   */
  boolean fail(Failure f) throws IOException {
    HttpServletResponse real = (HttpServletResponse) getResponse();
    if (!enforce || real.isCommitted()) {
      return false;
    }
    restart(real, f.status(), Restatus.REPRESENTATION_HEADERS, null);
    ContainerEdits.setHeaders(real, f.headers());
    String type = engine.problemMediaType(request);
    byte[] body = engine.render(f.problem(), type);
    real.setContentType(type);
    real.setContentLength(body.length);
    errorSent = false;
    errorMessage = null;
    written = 0;
    status = f.status();
    decision = engine.onResponse(request, new View(true));
    apply(decision);
    if (keeping() && !request.isHead()) {
      realStream().write(body);
    }
    return true;
  }

  /**
   * The application forwards: the container discards the uncommitted body, so whatever was decided
   * on it no longer holds.
   */
  void beforeForward() {
    if (!isCommittedToContainer() && keeping()) {
      forgetBody();
    }
  }

  /** The body written so far was discarded: whatever was decided on it no longer holds. */
  private void forgetBody() {
    decision = null;
    written = 0;
    inspected = null;
    inspectedLength = 0;
    held = null;
    tagging = null;
  }

  /** Ends the exchange if the container still lets us write (an async completion we missed). */
  void finishIfStillOpen() {
    if (finished || isCommittedToContainer()) {
      return;
    }
    try {
      finish();
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "Restatus: could not end an async response", e);
    }
  }

  /**
   * @return the request this response answers, as the rules see it
   */
  Restatus engine() {
    return engine;
  }

  ServletRequestView requestView() {
    return request;
  }

  boolean isCommittedToContainer() {
    return getResponse().isCommitted();
  }

  // ---- status and errors -----------------------------------------------------------------

  @Override
  public void setStatus(int sc) {
    if (closedToApp() || pinnedStatus != null || including > 0) {
      return;
    }
    int before = status;
    status = sc;
    super.setStatus(sc);
    if (decision != null && sc != before && !isCommittedToContainer()) {
      try {
        redecide();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public int getStatus() {
    return decision != null ? decision.status() : status;
  }

  @Override
  public void sendError(int sc) throws IOException {
    sendError(sc, null);
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    if (including > 0) {
      return; // ignored inside an include, as the container would
    }
    if (errorSent || isCommittedToContainer()) {
      throw new IllegalStateException("Cannot call sendError() after the response is committed");
    }
    if (!enforce) {
      // report mode: observe, then let the container do what it always did
      status = sc;
      errorSent = true;
      errorMessage = msg;
      decide(false);
      super.sendError(sc, msg);
      return;
    }
    HttpServletResponse real = (HttpServletResponse) getResponse();
    if (decision != null) {
      // the body had started but was not committed: sendError discards it
      real.resetBuffer();
      forgetBody();
    }
    status = pinnedStatus != null ? pinnedStatus : sc;
    errorSent = true;
    errorMessage = msg;
    real.setStatus(status);
    if (pinnedStatus == null && errorPages.has(status)) {
      // the application has a page for it: a client preferring HTML may get it
      decide(false);
      if (decision instanceof Decision.Keep) {
        super.sendError(status, msg); // the page's ERROR dispatch passes the filter again
        return;
      }
    }
    if (request.isAsync() || forwarding > 0) {
      // nothing may follow; after a forward, Tomcat 11 suspends the response before we get it
      // back (suspendWrappedResponseAfterForward), so the problem is written now
      finish();
    }
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    if (including > 0) {
      return;
    }
    if (closedToApp()) {
      throw new IllegalStateException("Cannot call sendRedirect() after the response is committed");
    }
    super.sendRedirect(location);
    status = super.getStatus();
    decision = Decision.keep(status);
  }

  @Override
  public boolean isCommitted() {
    return closedToApp() || super.isCommitted();
  }

  @Override
  public void reset() {
    if (including > 0) {
      return;
    }
    if (isCommittedToContainer()) {
      throw new IllegalStateException("Cannot reset() a committed response");
    }
    super.reset();
    status = pinnedStatus != null ? pinnedStatus : 200;
    errorSent = false;
    errorMessage = null;
    decision = null;
    written = 0;
    inspected = null;
    held = null;
    tagging = null;
    // Servlet 6: reset() also forgets whether getWriter() or getOutputStream() was called
    stream = null;
    writer = null;
    realStream = null;
    realWriter = null;
  }

  @Override
  public void resetBuffer() {
    if (closedToApp()) {
      return; // the application's body is being discarded anyway
    }
    if (isCommittedToContainer()) {
      throw new IllegalStateException("Cannot resetBuffer() a committed response");
    }
    if (realStream != null || realWriter != null) {
      super.resetBuffer();
    }
    if (keeping()) {
      forgetBody();
    }
    held = null;
    tagging = null;
  }

  @Override
  public void flushBuffer() throws IOException {
    decide(written > 0);
    if (held != null || tagging != null) {
      return; // a held 5xx body is sent when it has been looked at, not before
    }
    if (realWriter != null && keeping()) {
      realWriter.flush();
    }
    super.flushBuffer();
  }

  // ---- headers: passed through until the application must see a committed response ---------

  @Override
  public void setHeader(String name, String value) {
    if (!closedToApp()) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!closedToApp()) {
      super.addHeader(name, value);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    if (!closedToApp()) {
      super.setIntHeader(name, value);
    }
  }

  @Override
  public void addIntHeader(String name, int value) {
    if (!closedToApp()) {
      super.addIntHeader(name, value);
    }
  }

  @Override
  public void setDateHeader(String name, long date) {
    if (!closedToApp()) {
      super.setDateHeader(name, date);
    }
  }

  @Override
  public void addDateHeader(String name, long date) {
    if (!closedToApp()) {
      super.addDateHeader(name, date);
    }
  }

  @Override
  public void setContentType(String type) {
    if (!closedToApp()) {
      super.setContentType(type);
    }
  }

  @Override
  public void setContentLength(int len) {
    if (!closedToApp()) {
      super.setContentLength(len);
    }
  }

  @Override
  public void setContentLengthLong(long len) {
    if (!closedToApp()) {
      super.setContentLengthLong(len);
    }
  }

  @Override
  public void setCharacterEncoding(String charset) {
    if (!closedToApp()) {
      super.setCharacterEncoding(charset);
    }
  }

  @Override
  public void setLocale(Locale loc) {
    if (!closedToApp()) {
      super.setLocale(loc);
    }
  }

  // ---- body ------------------------------------------------------------------------------

  @Override
  public ServletOutputStream getOutputStream() {
    if (writer != null) {
      throw new IllegalStateException("getWriter() has already been called");
    }
    if (stream == null) {
      stream = new Output();
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (stream != null) {
      throw new IllegalStateException("getOutputStream() has already been called");
    }
    if (writer == null) {
      if (!closedToApp()) {
        realWriter(); // the container checks the character encoding now, as without Restatus
      }
      writer = new PrintWriter(new CharOutput(), false);
    }
    return writer;
  }

  private void inspect(byte[] b, int off, int len) {
    if (inspected != null && inspectedLength < inspected.length) {
      int n = Math.min(len, inspected.length - inspectedLength);
      System.arraycopy(b, off, inspected, inspectedLength, n);
      inspectedLength += n;
    }
  }

  private void inspect(char[] c, int off, int len) {
    if (inspected != null && inspectedLength < inspected.length) {
      int n = Math.min(len, inspected.length - inspectedLength);
      for (int i = 0; i < n; i++) {
        inspected[inspectedLength++] = (byte) c[off + i];
      }
    }
  }

  /**
   * Called before the application's bytes or chars go anywhere: the first one is the commit point.
   *
   * @return whether they go to the client (else they are discarded)
   */
  private boolean beforeWrite(int len) throws IOException {
    decide(true);
    written += len;
    return keeping();
  }

  /** The application flushed: a kept response commits; nothing else is sent early. */
  private void appFlushed(Flushable real) throws IOException {
    decide(written > 0);
    if (held != null || tagging != null) {
      return; // a held 5xx body is sent when it has been looked at, not before
    }
    if (keeping()) {
      if (real != null) {
        real.flush();
      } else if (realStream == null && realWriter == null) {
        getResponse().flushBuffer();
      }
    }
  }

  /** The application closed its stream or writer. */
  private void appClosed(Closeable real) throws IOException {
    decide(written > 0);
    release();
    releaseTagged();
    if (keeping() && real != null) {
      real.close();
    }
  }

  /** The application's byte stream: decides on the first byte, then streams or discards. */
  private final class Output extends ServletOutputStream {
    private boolean closed;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > 0 && !closed && beforeWrite(len)) {
        if (held != null) {
          held.add(b, off, len);
          releaseIfFull();
        } else if (tagging != null) {
          tagging.add(b, off, len);
          spillTagged();
        } else {
          inspect(b, off, len);
          realStream().write(b, off, len);
        }
      }
    }

    @Override
    public void flush() throws IOException {
      appFlushed(realStream);
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        appClosed(realStream);
      }
    }

    @Override
    public boolean isReady() {
      if (!keeping()) {
        return true;
      }
      try {
        return realStream().isReady();
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      // no decision yet: the first write the listener makes is the commit point
      try {
        realStream().setWriteListener(listener);
      } catch (IOException e) {
        listener.onError(e);
      }
    }
  }

  /** The application's character stream: decides on the first char, then streams or discards. */
  private final class CharOutput extends Writer {
    private boolean closed;

    @Override
    public void write(char[] c, int off, int len) throws IOException {
      if (len > 0 && !closed && beforeWrite(len)) {
        if (held != null) {
          held.add(c, off, len);
          releaseIfFull();
        } else if (tagging != null) {
          tagging.add(c, off, len);
          spillTagged();
        } else {
          inspect(c, off, len);
          realWriter().write(c, off, len);
        }
      }
    }

    @Override
    public void flush() throws IOException {
      appFlushed(realWriter);
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        appClosed(realWriter);
      }
    }
  }

  /** The response so far, for the rules. */
  private final class View implements ResponseView {
    private final boolean hasBody;

    View(boolean hasBody) {
      this.hasBody = hasBody;
    }

    @Override
    public int status() {
      return status;
    }

    @Override
    public String header(String name) {
      if (name.equalsIgnoreCase("Content-Type")) {
        return getResponse().getContentType();
      }
      return ((HttpServletResponse) getResponse()).getHeader(name);
    }

    @Override
    public String contentType() {
      return getResponse().getContentType();
    }

    @Override
    public boolean hasBody() {
      return hasBody;
    }

    @Override
    public String errorMessage() {
      return errorMessage;
    }

    @Override
    public boolean errorSent() {
      return errorSent;
    }

    @Override
    public boolean hasErrorPage() {
      // never from an ERROR dispatch: the container is rendering an error page already
      return errorSent && pinnedStatus == null && errorPages.has(status);
    }
  }
}
