package dev.restatus.core;

/** One response rule of DESIGN.md section 1: reads the draft, fixes it, records findings. */
interface ResponseRule {

  /**
   * @param draft the response as the rules before this one left it
   */
  void apply(Draft draft);
}
