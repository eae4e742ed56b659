package dev.restatus.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session that lives for one deferred request: what the application gets when it asks for a new
 * session after the 202 was sent and the container can no longer create one.
 */
final class RequestSession implements HttpSession {

  private final ServletContext context;
  private final long created = System.currentTimeMillis();
  private final String id = UUID.randomUUID().toString();
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  private int maxInactive;
  private boolean valid = true;

  RequestSession(ServletContext context) {
    this.context = context;
  }

  private void check() {
    if (!valid) {
      throw new IllegalStateException("the session was invalidated");
    }
  }

  @Override
  public long getCreationTime() {
    check();
    return created;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public long getLastAccessedTime() {
    check();
    return created;
  }

  @Override
  public ServletContext getServletContext() {
    return context;
  }

  @Override
  public void setMaxInactiveInterval(int interval) {
    maxInactive = interval;
  }

  @Override
  public int getMaxInactiveInterval() {
    return maxInactive;
  }

  @Override
  public Object getAttribute(String name) {
    check();
    return attributes.get(name);
  }

  @Override
  public Enumeration<String> getAttributeNames() {
    check();
    return Collections.enumeration(attributes.keySet());
  }

  @Override
  public void setAttribute(String name, Object value) {
    check();
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
  }

  @Override
  public void removeAttribute(String name) {
    check();
    attributes.remove(name);
  }

  @Override
  public void invalidate() {
    check();
    valid = false;
    attributes.clear();
  }

  @Override
  public boolean isNew() {
    check();
    return true;
  }
}
