package dev.restatus.core.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the contract: a request, and the status, headers and body shape every adapter must
 * answer it with. Built fluently: {@code Scenario.get("/status/404").status(404).problem()}.
 */
public final class Scenario {

  /** The expected body. */
  public enum Body {
    /** {@code application/problem+json} whose {@code status} equals the response status. */
    PROBLEM,
    /**
     * {@code application/problem+xml} (RFC 9457 Appendix B) whose {@code status} equals the
     * response status.
     */
    XML_PROBLEM,
    /** No bytes at all. */
    EMPTY,
    /** Anything; checked only by {@link #bodyContains}. */
    ANY
  }

  final String name;
  final String method;
  final String path;
  final Map<String, String> requestHeaders = new LinkedHashMap<>();
  String requestBody;
  int status;
  Body body = Body.ANY;
  String detail;
  boolean detailAbsent;
  String problemType;
  final Map<String, String> headerEquals = new LinkedHashMap<>();
  final Map<String, String> headerContains = new LinkedHashMap<>();
  final Map<String, String> headerLacks = new LinkedHashMap<>();
  final List<String> headersAbsent = new ArrayList<>();
  final List<String> headersPresent = new ArrayList<>();
  final List<String> bodyContains = new ArrayList<>();
  final List<String> bodyLacks = new ArrayList<>();

  private Scenario(String name, String method, String path) {
    this.name = name;
    this.method = method;
    this.path = path;
  }

  /**
   * @param name what the row shows
   * @param method the request method
   * @param path the path below the application's root
   * @return a new row
   */
  public static Scenario of(String name, String method, String path) {
    return new Scenario(name, method, path);
  }

  Scenario header(String name, String value) {
    requestHeaders.put(name, value);
    return this;
  }

  Scenario body(String body) {
    requestBody = body;
    return this;
  }

  Scenario status(int expected) {
    this.status = expected;
    return this;
  }

  Scenario problem() {
    this.body = Body.PROBLEM;
    return this;
  }

  Scenario xmlProblem() {
    this.body = Body.XML_PROBLEM;
    return this;
  }

  Scenario empty() {
    this.body = Body.EMPTY;
    return this;
  }

  Scenario detail(String expected) {
    this.detail = expected;
    return this;
  }

  Scenario noDetail() {
    this.detailAbsent = true;
    return this;
  }

  Scenario type(String expected) {
    this.problemType = expected;
    return this;
  }

  Scenario headerIs(String name, String value) {
    headerEquals.put(name, value);
    return this;
  }

  Scenario headerHas(String name, String part) {
    headerContains.put(name, part);
    return this;
  }

  Scenario headerLacks(String name, String part) {
    headerLacks.put(name, part);
    return this;
  }

  Scenario without(String... names) {
    headersAbsent.addAll(List.of(names));
    return this;
  }

  Scenario with(String... names) {
    headersPresent.addAll(List.of(names));
    return this;
  }

  Scenario contains(String... parts) {
    bodyContains.addAll(List.of(parts));
    return this;
  }

  Scenario lacks(String... parts) {
    bodyLacks.addAll(List.of(parts));
    return this;
  }

  /**
   * @return the display name: method, path and what it shows
   */
  public String displayName() {
    return method + " " + path + " - " + name;
  }

  @Override
  public String toString() {
    return displayName();
  }
}
