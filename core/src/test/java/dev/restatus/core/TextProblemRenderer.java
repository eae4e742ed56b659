package dev.restatus.core;

import java.nio.charset.StandardCharsets;

/** A renderer of another shape, for the test that {@code restatus.renderer} is used. */
public final class TextProblemRenderer implements ProblemRenderer {

  /** For {@code restatus.renderer}. */
  public TextProblemRenderer() {}

  @Override
  public String contentType() {
    return "text/x-problem";
  }

  @Override
  public byte[] render(Problem problem) {
    return (problem.status() + " " + problem.title() + ": " + problem.detail())
        .getBytes(StandardCharsets.US_ASCII);
  }
}
