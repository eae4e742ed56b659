package dev.restatus.spring;

import dev.restatus.core.ConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad {@code restatus.*} setting into Boot's short start-up report ("APPLICATION FAILED TO
 * START", description and action) instead of a long stack trace: the message names the key, the
 * value, its source and what is allowed.
 */
public class RestatusConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {

  /** For Boot's {@code spring.factories}. */
  public RestatusConfigFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
    return new FailureAnalysis(
        "Restatus cannot start: " + cause.getMessage(),
        "Correct the restatus.* setting named above (application.properties or YAML, a profile,"
            + " the command line, a RESTATUS_* environment variable, a system property or"
            + " restatus.properties), or remove it to take the default.",
        cause);
  }
}
