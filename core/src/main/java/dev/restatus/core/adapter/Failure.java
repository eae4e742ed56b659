package dev.restatus.core.adapter;

import dev.restatus.core.Problem;
import java.util.List;
import java.util.Map;

/**
 * What an uncaught exception becomes: the status, the headers and the problem to send. The adapter
 * sends it as the application's own response, so the response rules still apply (a 403 on a
 * concealed path still becomes a 404).
 *
 * @param status the response status
 * @param headers headers to set
 * @param problem the body
 */
public record Failure(int status, Map<String, List<String>> headers, Problem problem) {}
