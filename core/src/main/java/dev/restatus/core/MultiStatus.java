package dev.restatus.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code 207 Multi-Status} answer to a batch request: one result per item of the request, each
 * with its own status. On the wire (always {@value #MEDIA_TYPE}, status {@value #STATUS}):
 *
 * <pre>{@code
 * {"results":[
 *   {"id":"a1","status":201,"body":{"orderId":7}},
 *   {"id":"a2","status":409,"problem":{"type":"about:blank","title":"Conflict","status":409,...}}]}
 * }</pre>
 *
 * <p>The results keep the order they were added in. Each result's members come in the order {@code
 * id}, {@code status}, then {@code body} (only when the item has one) or {@code problem} (on every
 * 4xx and 5xx item, never on another). A 4xx or 5xx item the application gives no problem gets one
 * generated from its status, with an error id, as a top-level error does; a 5xx item's problem is
 * held to the rules of any 5xx problem (no stack, exception class or message; an error id and its
 * log line). Send one with {@code MultiStatusResponses.write} (servlets) or return it as a JAX-RS
 * entity.
 *
 * <p>Immutable and thread-safe: a body is copied into a JSON tree when the item is made, so later
 * changes to the object given do not change the document.
 */
public final class MultiStatus {

  /** The status of the response that carries the document. */
  public static final int STATUS = 207;

  /** The {@code Content-Type} of the document. */
  public static final String MEDIA_TYPE = "application/json";

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private final List<Item> items;

  private MultiStatus(List<Item> items) {
    this.items = List.copyOf(items);
  }

  /**
   * @param items the results in order; may be empty (an empty batch gets {@code {"results":[]}})
   * @return the document
   * @throws NullPointerException if {@code items} or one of them is {@code null}
   */
  public static MultiStatus of(List<Item> items) {
    Objects.requireNonNull(items, "items");
    return new MultiStatus(items);
  }

  /**
   * @param items the results in order
   * @return the document
   * @throws NullPointerException if {@code items} or one of them is {@code null}
   */
  public static MultiStatus of(Item... items) {
    Objects.requireNonNull(items, "items");
    return of(Arrays.asList(items));
  }

  /**
   * @return a builder adding results in order
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the results, in order; unmodifiable
   */
  public List<Item> items() {
    return items;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MultiStatus m && items.equals(m.items);
  }

  @Override
  public int hashCode() {
    return items.hashCode();
  }

  @Override
  public String toString() {
    return "MultiStatus" + items;
  }

  /** One result: the request item it answers, its status, and its body or problem. */
  public static final class Item {
    private final String id;
    private final int status;
    private final JsonNode body;
    private final Problem problem;

    private Item(String id, int status, JsonNode body, Problem problem) {
      Objects.requireNonNull(id, "id");
      if (id.isEmpty()) {
        throw new IllegalArgumentException("an item's id must not be empty");
      }
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException(
            "item '" + id + "': status must be from 100 to 599, was " + status);
      }
      if (body != null && status >= 400) {
        throw new IllegalArgumentException(
            "item '"
                + id
                + "': a "
                + status
                + " item carries a problem, not a body; put what the client needs in the"
                + " problem's extension members");
      }
      this.id = id;
      this.status = status;
      this.body = body;
      this.problem = problem;
    }

    /**
     * A result without a body. A 4xx or 5xx one gets a problem generated from its status.
     *
     * @param id the id (or index) of the request item it answers; not empty
     * @param status its status, 100 to 599
     * @return the item
     * @throws IllegalArgumentException if the id is empty or the status out of range
     */
    public static Item of(String id, int status) {
      return new Item(id, status, null, null);
    }

    /**
     * A result with a body: a {@code Map}, {@code List}, {@code String}, number, boolean, {@link
     * JsonNode} or simple bean, turned into JSON at once by a default Jackson mapper (to apply the
     * application's own mapper settings, pass {@code mapper.valueToTree(value)}).
     *
     * @param id the id (or index) of the request item it answers; not empty
     * @param status its status, 100 to 399 (an error item carries a problem instead)
     * @param body the body; {@code null} for none
     * @return the item
     * @throws IllegalArgumentException if the id is empty, the status out of range or 400 and above
     *     with a body, the body is a {@link Throwable} (its stack would reach the client), or
     *     Jackson cannot serialise it
     */
    public static Item of(String id, int status, Object body) {
      Objects.requireNonNull(id, "id");
      return new Item(id, status, tree(id, body), null);
    }

    /**
     * A failed result with the application's own problem; its status is the problem's.
     *
     * @param id the id (or index) of the request item it answers; not empty
     * @param problem the problem, of a status from 400 to 599
     * @return the item
     * @throws IllegalArgumentException if the id is empty or the problem's status below 400
     */
    public static Item of(String id, Problem problem) {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(problem, "problem");
      if (problem.status() < 400) {
        throw new IllegalArgumentException(
            "item '"
                + id
                + "': only a 4xx or 5xx item has a problem, this one's status is "
                + problem.status());
      }
      return new Item(id, problem.status(), null, problem);
    }

    private static JsonNode tree(String id, Object body) {
      if (body == null) {
        return null;
      }
      if (body instanceof Throwable) {
        throw new IllegalArgumentException(
            "item '" + id + "': a body cannot be an exception: it would expose its stack");
      }
      try {
        return MAPPER.valueToTree(body);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "item '" + id + "': Jackson cannot serialise its body of type " + body.getClass(), e);
      }
    }

    /**
     * @return the id (or index) of the request item this result answers
     */
    public String id() {
      return id;
    }

    /**
     * @return the result's status
     */
    public int status() {
      return status;
    }

    /**
     * @return a copy of the body as JSON, or empty (always empty on a 4xx or 5xx item)
     */
    public Optional<JsonNode> body() {
      return body == null ? Optional.empty() : Optional.of(body.deepCopy());
    }

    /**
     * @return the problem the application gave this item, or empty (a 4xx or 5xx item then gets one
     *     generated when the document is rendered)
     */
    public Optional<Problem> problem() {
      return Optional.ofNullable(problem);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Item i
          && status == i.status
          && id.equals(i.id)
          && Objects.equals(body, i.body)
          && Objects.equals(problem, i.problem);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, status, body, problem);
    }

    @Override
    public String toString() {
      return "Item[id=" + id + ", status=" + status + "]";
    }
  }

  /** Adds results in order; not thread-safe. */
  public static final class Builder {
    private final List<Item> items = new ArrayList<>();

    private Builder() {}

    /**
     * @param item a result
     * @return this builder
     */
    public Builder add(Item item) {
      items.add(Objects.requireNonNull(item, "item"));
      return this;
    }

    /**
     * Adds {@link Item#of(String, int)}.
     *
     * @param id the id (or index) of the request item
     * @param status its status
     * @return this builder
     */
    public Builder add(String id, int status) {
      return add(Item.of(id, status));
    }

    /**
     * Adds {@link Item#of(String, int, Object)}.
     *
     * @param id the id (or index) of the request item
     * @param status its status, below 400
     * @param body its body, or {@code null}
     * @return this builder
     */
    public Builder add(String id, int status, Object body) {
      return add(Item.of(id, status, body));
    }

    /**
     * Adds {@link Item#of(String, Problem)}.
     *
     * @param id the id (or index) of the request item
     * @param problem its problem, 4xx or 5xx
     * @return this builder
     */
    public Builder add(String id, Problem problem) {
      return add(Item.of(id, problem));
    }

    /**
     * @return the document, with the results added so far
     */
    public MultiStatus build() {
      return new MultiStatus(items);
    }
  }
}
