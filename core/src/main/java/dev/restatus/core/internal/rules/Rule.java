package dev.restatus.core.internal.rules;

/**
 * One rule (docs/ARCHITECTURE.md, Where each rule lives). A rule acts at either or both points of
 * an exchange, always on a {@link Draft}: it reads what the rules before it left, changes it, and
 * records findings. {@link Engine} runs the rules in one explicit order.
 */
interface Rule {

  /**
   * Before the application runs. A rule that answers the request itself calls {@link Draft#answer};
   * the first answer wins and the application is not called.
   *
   * @param draft the request, and the answer so far (none)
   */
  default void onRequest(Draft draft) {}

  /**
   * When the response is about to commit.
   *
   * @param draft the response as the rules before this one left it
   */
  default void onResponse(Draft draft) {}

  /**
   * Whether {@link #onResponse} would leave this response exactly as the application set it and
   * record nothing, judged on the response itself before any rule ran. When every rule says so, the
   * engine answers "keep" without a draft, so that a success nothing changes costs no allocation.
   * The default, {@code false}, is always safe; {@code RuleIdlenessTest} checks each answer of
   * {@code true} against a full run of the rules.
   *
   * @param request the request
   * @param response the response as the application left it
   * @return {@code true} only if {@link #onResponse} would do nothing
   */
  default boolean idle(
      dev.restatus.core.adapter.RequestView request,
      dev.restatus.core.adapter.ResponseView response) {
    return false;
  }
}
