package dev.restatus.core.internal.rules;

/**
 * One response rule (docs/ARCHITECTURE.md, Where each rule lives): reads the draft, fixes it,
 * records findings.
 */
interface ResponseRule {

  /**
   * @param draft the response as the rules before this one left it
   */
  void apply(Draft draft);
}
