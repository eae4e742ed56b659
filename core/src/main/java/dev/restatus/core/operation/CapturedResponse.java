package dev.restatus.core.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A complete HTTP response held in memory: the result of an operation, or an answer of the monitor.
 * Immutable; the body is copied in and never handed out for writing.
 *
 * @param status the status
 * @param headers the headers, {@code Content-Type} among them (names as given, values in order)
 * @param body the body, possibly empty
 */
public record CapturedResponse(int status, Map<String, List<String>> headers, byte[] body) {

  /**
   * @param status the status, 100 to 599
   * @param headers the headers
   * @param body the body
   */
  public CapturedResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599: " + status);
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(headers, "headers")
        .forEach(
            (name, values) -> {
              if (name != null && values != null && !values.isEmpty()) {
                copy.put(name, List.copyOf(values));
              }
            });
    headers = Collections.unmodifiableMap(copy);
    body = Objects.requireNonNull(body, "body").clone();
  }

  /**
   * @param status the status
   * @param contentType the body's media type, or {@code null} for none
   * @param body the body
   * @return the response
   */
  public static CapturedResponse of(int status, String contentType, byte[] body) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    if (contentType != null) {
      h.put("Content-Type", List.of(contentType));
    }
    return new CapturedResponse(status, h, body);
  }

  /**
   * @param name a header name, in any case
   * @return its first value, or {@code null}
   */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  /**
   * @param name a header name, in any case
   * @param value the value it gets instead of any it has
   * @return a copy with the header replaced
   */
  public CapturedResponse with(String name, String value) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    headers.forEach(
        (n, v) -> {
          if (!n.equalsIgnoreCase(name)) {
            h.put(n, v);
          }
        });
    h.put(name, List.of(value));
    return new CapturedResponse(status, h, body);
  }

  /**
   * @return the body (a copy)
   */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /**
   * @return how many bytes of the body there are, without copying it
   */
  public int bodyLength() {
    return body.length;
  }

  /**
   * @return roughly how much memory the response takes: its body and header text
   */
  public long size() {
    long n = body.length + 16;
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      for (String v : e.getValue()) {
        n += e.getKey().length() + v.length() + 4;
      }
    }
    return n;
  }

  /**
   * @return the header names in lower case, for comparisons
   */
  public List<String> headerNames() {
    List<String> out = new ArrayList<>();
    headers.keySet().forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CapturedResponse c
        && c.status == status
        && c.headers.equals(headers)
        && java.util.Arrays.equals(c.body, body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, java.util.Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "CapturedResponse[" + status + ", " + headers + ", " + body.length + " bytes]";
  }
}
