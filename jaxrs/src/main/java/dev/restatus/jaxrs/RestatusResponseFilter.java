package dev.restatus.jaxrs;

import dev.restatus.core.Problem;
import dev.restatus.core.adapter.Decision;
import dev.restatus.core.adapter.Failure;
import dev.restatus.core.adapter.HeaderEdits;
import dev.restatus.core.adapter.ResponseView;
import dev.restatus.core.adapter.Restatus;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the core response rules on every response, including those of exception mappers and of
 * Jersey's own routing errors, and carries out the decision on the response context. Its priority
 * makes it the last response filter to run, so it sees what the application's filters did.
 */
@Priority(1)
final class RestatusResponseFilter implements ContainerResponseFilter {

  private static final Annotation[] NONE = new Annotation[0];

  private final Restatus engine;

  @Context private Providers providers;

  RestatusResponseFilter(Restatus engine) {
    this.engine = engine;
  }

  @Override
  public void filter(ContainerRequestContext req, ContainerResponseContext res) {
    if (req.getProperty(Deferrals.ANSWERED) != null) {
      return; // a monitor's answer, or a deferred copy's response that was judged in the copy
    }
    JaxrsRequestView request =
        new JaxrsRequestView(req.getMethod(), req.getUriInfo(), req::getHeaderString);
    if (res.getEntity() instanceof dev.restatus.core.MultiStatus && res.getStatus() < 400) {
      // a resource returned a MultiStatus: the 207 document, written by MultiStatusWriter; an
      // error status the resource chose stays (a failure never becomes a success), and its
      // body is then replaced by a problem like any other non-problem error body
      res.setStatus(dev.restatus.core.MultiStatus.STATUS);
      res.setEntity(
          res.getEntity(),
          res.getEntityAnnotations(),
          MediaType.valueOf(dev.restatus.core.MultiStatus.MEDIA_TYPE));
    }
    if (res.getEntity() instanceof Problem p) {
      // a resource returned a Problem: it is an error resource with its own status
      if (res.getStatus() == 200) {
        res.setStatus(p.status());
      }
      Failure f = engine.onApplicationProblem(request, new View(res), p);
      for (Map.Entry<String, List<String>> h : f.headers().entrySet()) {
        res.getHeaders().put(h.getKey(), new ArrayList<>(h.getValue()));
      }
      res.setEntity(
          f.problem(),
          res.getEntityAnnotations(),
          MediaType.valueOf(engine.problemMediaType(request)));
    }
    Decision d = engine.onResponse(request, new View(res));
    carryOut(request, res, d);
    int cap = engine.etagBuffer(request, new View(res), d);
    if (cap > 0 && res.hasEntity()) {
      byte[] body = serialize(res, cap);
      if (body != null) {
        // restatus.etag: the body, written once here, gets its ETag and is sent as these bytes
        res.setEntity(body, res.getEntityAnnotations(), res.getMediaType());
        String type = res.getMediaType() == null ? null : res.getMediaType().toString();
        carryOut(
            request,
            res,
            engine.onGeneratedETag(request, new View(res), engine.etagOf(body, body.length, type)));
      }
    }
  }

  /**
   * The entity as the bytes Jersey would write, if it has a media type, can be written twice (not a
   * stream) and fits in {@code cap}; else {@code null}, and it is written as it is.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private byte[] serialize(ContainerResponseContext res, int cap) {
    Object e = res.getEntity();
    MediaType type = res.getMediaType();
    if (type == null
        || e instanceof StreamingOutput
        || e instanceof java.io.InputStream
        || e instanceof java.io.Reader
        || e instanceof java.io.File
        || e instanceof java.nio.file.Path) {
      return null;
    }
    if (e instanceof byte[] b) {
      return b.length <= cap ? b : null;
    }
    if (e instanceof String text) {
      String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
      byte[] b;
      try {
        b = text.getBytes(charset == null ? "UTF-8" : charset);
      } catch (java.io.UnsupportedEncodingException x) {
        return null;
      }
      return b.length <= cap ? b : null;
    }
    MessageBodyWriter w =
        providers == null
            ? null
            : providers.getMessageBodyWriter(
                e.getClass(), res.getEntityType(), res.getEntityAnnotations(), type);
    if (w == null) {
      return null;
    }
    Bounded out = new Bounded(cap);
    try {
      w.writeTo(
          e,
          e.getClass(),
          res.getEntityType(),
          res.getEntityAnnotations(),
          type,
          new MultivaluedHashMap<String, Object>(res.getHeaders()),
          out);
    } catch (java.io.IOException | RuntimeException x) {
      return null; // too long, or failing: Jersey writes it as it would
    }
    return out.toByteArray();
  }

  /** Collects at most {@code cap} bytes, then gives up. */
  private static final class Bounded extends java.io.ByteArrayOutputStream {
    private final int cap;

    Bounded(int cap) {
      super(Math.min(cap, 8192));
      this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
      check(1);
      super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      check(len);
      super.write(b, off, len);
    }

    private void check(int more) {
      if (count + more > cap) {
        throw new Full();
      }
    }

    /** Longer than may be held. */
    static final class Full extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Full() {
        super(null, null, false, false);
      }
    }
  }

  private void carryOut(JaxrsRequestView request, ContainerResponseContext res, Decision d) {
    if (d.status() != res.getStatus()) {
      res.setStatus(d.status());
    }
    edit(res, d.headers());
    if (d instanceof Decision.Replace r) {
      res.setEntity(r.bytes(), NONE, MediaType.valueOf(r.contentType()));
    } else if (d instanceof Decision.Drop) {
      res.setEntity(null);
      res.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    } else {
      inspect(request, res);
    }
  }

  private static void edit(ContainerResponseContext res, HeaderEdits edits) {
    for (String name : edits.remove()) {
      res.getHeaders().remove(name);
    }
    Set<String> keepOnly = edits.keepOnly();
    if (keepOnly != null) {
      // the canonical not-found: nothing the resource or a filter set may tell it apart
      res.getHeaders().keySet().removeIf(name -> !keepOnly.contains(name.toLowerCase(Locale.ROOT)));
    }
    for (Map.Entry<String, List<String>> h : edits.set().entrySet()) {
      res.getHeaders().put(h.getKey(), new ArrayList<>(h.getValue()));
    }
  }

  /**
   * A kept 5xx entity is looked at before it is written, as the servlet filter holds one back: a
   * text or byte entity up to {@code restatus.inspect-limit}, and replaced if it shows internals or
   * is longer than that; any other entity (a {@code StreamingOutput}, an object a writer turns into
   * bytes) cannot be looked at before it is written, so it is replaced too.
   */
  private void inspect(JaxrsRequestView request, ContainerResponseContext res) {
    int limit = engine.config().inspectLimit();
    int status = res.getStatus();
    if (status < 500 || limit == 0 || !res.hasEntity()) {
      return;
    }
    Object entity = res.getEntity();
    Optional<Decision.Replace> instead;
    if (entity instanceof String s && s.length() <= limit) {
      instead = engine.inspect(request, status, s);
    } else if (entity instanceof byte[] b && b.length <= limit) {
      instead = engine.inspect(request, status, b, b.length);
    } else if (entity instanceof Problem) {
      instead = Optional.empty(); // the application's own problem, rendered by the renderer
    } else {
      instead = engine.unseenErrorBody(request, status, "entity that cannot be looked at");
    }
    if (instead.isPresent()) {
      Decision.Replace r = instead.get();
      edit(res, r.headers());
      res.setEntity(r.bytes(), NONE, MediaType.valueOf(r.contentType()));
    }
  }

  private static final class View implements ResponseView {
    private final ContainerResponseContext res;

    View(ContainerResponseContext res) {
      this.res = res;
    }

    @Override
    public int status() {
      return res.getStatus();
    }

    @Override
    public String header(String name) {
      return res.getHeaderString(name);
    }

    @Override
    public String contentType() {
      MediaType t = res.getMediaType();
      return t == null ? null : t.toString();
    }

    @Override
    public boolean hasBody() {
      return res.hasEntity();
    }
  }
}
