package dev.restatus.core.internal.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a client must fix in a JSON request body Jackson could not read, in words a client can act
 * on and without a Java class, package or Jackson message: where the document is malformed (line
 * and column), or which field (named as in the document, {@code items[0].qty}, and as an RFC 6901
 * pointer, {@code /items/0/qty}) is unknown, missing, null or of the wrong kind. A failure that is
 * not the client's (a class Jackson cannot build, a write) is not described: it stays a server
 * error.
 */
final class JsonInputErrors {

  /** Field names come from the client: long ones are cut. */
  private static final int MAX_NAME = 64;

  private JsonInputErrors() {}

  /**
   * @param detail the problem's detail
   * @param field the field as in the document, or {@code null}
   * @param pointer the RFC 6901 pointer to it, or {@code null}
   */
  record Described(String detail, String field, String pointer) {}

  /**
   * @param thrown what reading the body threw (a Jackson exception or one that wraps it)
   * @return the client's error, or empty if it is none (not Jackson's, or the server's)
   */
  static Optional<Described> describe(Throwable thrown) {
    JsonProcessingException outer = null;
    JsonProcessingException inner = null;
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof JsonProcessingException j) {
        if (outer == null) {
          outer = j;
        }
        inner = j;
      }
    }
    if (outer == null || isServers(outer) || isServers(inner)) {
      return Optional.empty();
    }
    Path path = Path.of(outer, inner);
    return Optional.of(new Described(sentence(inner, path), path.field(), path.pointer()));
  }

  private static boolean isServers(JsonProcessingException e) {
    // a type Jackson cannot build, or a failure while writing: the application's fault
    return e instanceof InvalidDefinitionException
        || !(e instanceof StreamReadException
            || e instanceof JsonMappingException
            || e instanceof StreamConstraintsException);
  }

  private static String sentence(JsonProcessingException e, Path path) {
    String where = path.field() == null ? null : "field `" + path.field() + "`";
    if (e instanceof StreamConstraintsException) {
      return "The JSON document exceeds a limit (nesting depth, or the length of a number, string"
          + " or name)"
          + at(e)
          + ".";
    }
    if (e instanceof InputCoercionException) {
      return (where == null ? "A number" : where + ": the number")
          + " is out of range for this field.";
    }
    if (e instanceof JsonEOFException) {
      return "The JSON document ends early" + at(e) + ".";
    }
    if (e instanceof JsonParseException || e instanceof StreamReadException) {
      return "Malformed JSON" + at(e) + ".";
    }
    if (e instanceof PropertyBindingException) {
      return (where == null ? "A field" : where) + " is not known.";
    }
    if (e instanceof InvalidNullException || isNullForPrimitive(e)) {
      return (where == null ? "A field" : where) + " must not be null.";
    }
    if (e instanceof InvalidTypeIdException) {
      return (where == null ? "The body" : where) + " names an unknown type.";
    }
    if (e instanceof ValueInstantiationException) {
      return (where == null ? "The body" : where) + " has a value that is not accepted.";
    }
    if (e instanceof MismatchedInputException m) {
      String original = m.getOriginalMessage();
      if (original != null && original.startsWith("Trailing token")) {
        return "The body holds more than one JSON value" + at(e) + ".";
      }
      if (path.missing()) {
        return where + " is required.";
      }
      return (where == null ? "The body" : where) + ": expected " + kind(m.getTargetType()) + ".";
    }
    return (where == null ? "The body" : where) + " has a value that is not accepted.";
  }

  /** {@code FAIL_ON_NULL_FOR_PRIMITIVES}: Jackson says so only in its message. */
  private static boolean isNullForPrimitive(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    return e instanceof MismatchedInputException && m != null && m.startsWith("Cannot map `null`");
  }

  private static String at(JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    if (l == null || l.getLineNr() < 1) {
      return "";
    }
    return " at line " + l.getLineNr() + ", column " + l.getColumnNr();
  }

  /** What a client must send for a Java type, in JSON words. */
  static String kind(Class<?> t) {
    if (t == null) {
      return "a valid value";
    }
    if (t == int.class
        || t == long.class
        || t == short.class
        || t == byte.class
        || t == Integer.class
        || t == Long.class
        || t == Short.class
        || t == Byte.class
        || t == java.math.BigInteger.class) {
      return "a whole number";
    }
    if (t == double.class || t == float.class || Number.class.isAssignableFrom(t)) {
      return "a number";
    }
    if (t == boolean.class || t == Boolean.class) {
      return "true or false";
    }
    if (t.isEnum()) {
      return "one of the allowed values";
    }
    if (CharSequence.class.isAssignableFrom(t) || t == char.class || t == Character.class) {
      return "a string";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(t)
        || java.util.Date.class.isAssignableFrom(t)) {
      return "a date or time";
    }
    if (t.isArray() || Collection.class.isAssignableFrom(t)) {
      return "an array";
    }
    return "an object";
  }

  /** Where in the document: the path of the outermost mapping exception. */
  private record Path(String field, String pointer, boolean missing) {

    static Path of(JsonProcessingException outer, JsonProcessingException inner) {
      List<JsonMappingException.Reference> refs =
          outer instanceof JsonMappingException m ? m.getPath() : List.of();
      StringBuilder field = new StringBuilder();
      StringBuilder pointer = new StringBuilder();
      for (JsonMappingException.Reference r : refs) {
        if (r.getFieldName() != null) {
          String name = cut(r.getFieldName());
          field.append(field.length() == 0 ? "" : ".").append(name);
          pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
        } else if (r.getIndex() >= 0) {
          field.append('[').append(r.getIndex()).append(']');
          pointer.append('/').append(r.getIndex());
        }
      }
      String missing = missingCreatorProperty(inner);
      boolean named =
          !refs.isEmpty()
              && missing != null
              && missing.equals(refs.get(refs.size() - 1).getFieldName());
      if (missing != null && !named) {
        // some versions of Jackson leave the missing property out of the path
        field.append(field.length() == 0 ? "" : ".").append(cut(missing));
        pointer.append('/').append(cut(missing).replace("~", "~0").replace("/", "~1"));
      }
      return field.length() == 0
          ? new Path(null, null, false)
          : new Path(field.toString(), pointer.toString(), missing != null);
    }

    /** Jackson reports a missing creator property by name only in its message. */
    private static String missingCreatorProperty(JsonProcessingException e) {
      String m = e.getOriginalMessage();
      String prefix = "Missing required creator property '";
      if (e instanceof MismatchedInputException && m != null && m.startsWith(prefix)) {
        int end = m.indexOf('\'', prefix.length());
        return end > prefix.length() ? m.substring(prefix.length(), end) : null;
      }
      return null;
    }

    private static String cut(String name) {
      return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME) + "…";
    }
  }

  /** For the map of members a described error adds to its problem. */
  static Map<String, Object> members(Described d) {
    if (d.field() == null) {
      return Map.of();
    }
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("field", d.field());
    m.put("pointer", d.pointer());
    return m;
  }
}
