package dev.restatus.core.internal.rules;

import dev.restatus.core.adapter.HeaderEdits;
import dev.restatus.core.adapter.RequestView;
import dev.restatus.core.adapter.ResponseView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The working copy of one exchange while the rules run over it: each rule reads what the rules
 * before it left, changes it, and records what it found. On a request it starts without an answer
 * ({@link #answered()} is false) and without a response; on a response it starts from what the
 * application set. Not thread-safe; one per exchange.
 */
final class Draft {

  final RequestView request;
  final ResponseView response;
  int status;
  Body body = Body.KEEP;

  /** What the decision will do with the body. */
  enum Body {
    /** Send the application's. */
    KEEP,
    /** Send none. */
    DROP,
    /** Send a generated problem. */
    PROBLEM
  }

  /** The application's message for a generated problem's detail, or {@code null}. */
  String detail;

  /** Extension members of a generated problem, in order. */
  private Map<String, Object> extensions;

  /**
   * Set by the conceal rule: the lower-case names of the only application headers that survive, or
   * {@code null} for no such restriction.
   */
  java.util.Set<String> keepOnly;

  private dev.restatus.core.internal.http.ErrorNegotiation negotiation;

  // allocated when a rule first needs them: a response nothing changes allocates none
  private Map<String, List<String>> set;
  private Map<String, String> remove;
  private List<Finding> findings;

  /** A draft of the response about to commit. */
  Draft(RequestView request, ResponseView response) {
    this.request = request;
    this.response = response;
    this.status = response.status();
  }

  /** A draft of a bare status, no rule run: to replace a body the rules never saw. */
  Draft(RequestView request, int status) {
    this.request = request;
    this.response = null;
    this.status = status;
  }

  /** A draft of a request before the application runs: no answer yet. */
  Draft(RequestView request) {
    this.request = request;
    this.response = null;
    this.status = 0;
  }

  /**
   * A request rule answers instead of the application: a generated problem with this status.
   *
   * @param status the status
   * @param detail the problem's detail, or {@code null}
   */
  void answer(int status, String detail) {
    this.status = status;
    this.detail = detail;
    this.body = Body.PROBLEM;
  }

  /**
   * @return whether a request rule answered
   */
  boolean answered() {
    return response == null && status != 0;
  }

  /** The header as the response will carry it, rules applied so far. */
  String header(String name) {
    if (remove != null && remove.containsKey(name.toLowerCase(Locale.ROOT))) {
      return null;
    }
    if (set != null) {
      for (Map.Entry<String, List<String>> e : set.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
    }
    if (response == null
        || (keepOnly != null && !keepOnly.contains(name.toLowerCase(Locale.ROOT)))) {
      return null; // a request has no response headers yet; the canonical not-found drops them
    }
    return response.header(name);
  }

  void setHeader(String name, String value) {
    if (remove != null) {
      remove.remove(name.toLowerCase(Locale.ROOT));
    }
    if (set == null) {
      set = new LinkedHashMap<>();
    }
    set.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    set.put(name, List.of(value));
  }

  /**
   * Removes a header whether or not the view shows it: containers keep some headers (Tomcat's
   * {@code Content-Type} and {@code Content-Length}) outside what {@code getHeader} reports.
   */
  void removeHeader(String name) {
    if (set != null) {
      set.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    }
    if (remove == null) {
      remove = new LinkedHashMap<>();
    }
    remove.put(name.toLowerCase(Locale.ROOT), name);
  }

  /**
   * @return whether no rule changed a header (or restricted them)
   */
  boolean noHeaderEdits() {
    return set == null && remove == null && keepOnly == null;
  }

  /**
   * @return what the request's {@code Accept} prefers for an error body (parsed once)
   */
  dev.restatus.core.internal.http.ErrorNegotiation negotiation() {
    if (negotiation == null) {
      negotiation = dev.restatus.core.internal.http.ErrorNegotiation.of(request.header("Accept"));
    }
    return negotiation;
  }

  /**
   * @return whether this is the canonical not-found of a concealed path, which is the same whatever
   *     the request says
   */
  boolean canonical() {
    return keepOnly != null;
  }

  /**
   * The response depends on the request's {@code Accept}: its {@code Vary} gets {@code Accept},
   * after whatever the application listed (RFC 9110 section 12.5.5).
   */
  void varyOnAccept() {
    String vary = header("Vary");
    if (vary == null || vary.isBlank()) {
      setHeader("Vary", "Accept");
      return;
    }
    for (String name : vary.split(",")) {
      String n = name.trim();
      if (n.equals("*") || n.equalsIgnoreCase("Accept")) {
        return;
      }
    }
    setHeader("Vary", vary + ", Accept");
  }

  /** Adds an extension member to the problem a rule answers with. */
  void extension(String name, Object value) {
    if (extensions == null) {
      extensions = new LinkedHashMap<>();
    }
    extensions.put(name, value);
  }

  /**
   * @return the extension members of a generated problem, in order
   */
  Map<String, Object> extensions() {
    return extensions == null ? Map.of() : extensions;
  }

  void found(String rule, String what) {
    if (findings == null) {
      findings = new ArrayList<>(2);
    }
    findings.add(new Finding(rule, what, request.method(), request.path(), status));
  }

  /**
   * @return what the rules found
   */
  List<Finding> findings() {
    return findings == null ? List.of() : findings;
  }

  /** The header changes the rules made, plus {@code extra} to set. */
  HeaderEdits edits(Map<String, List<String>> extra, List<String> extraRemoved) {
    Map<String, List<String>> setting =
        set == null ? new LinkedHashMap<>() : new LinkedHashMap<>(set);
    setting.putAll(extra);
    List<String> removing = remove == null ? new ArrayList<>() : new ArrayList<>(remove.values());
    removing.addAll(extraRemoved);
    return new HeaderEdits(setting, removing, keepOnly);
  }
}
