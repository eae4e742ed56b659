package dev.restatus.core.internal.rules;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Puts a failure's error id (and trace id) in SLF4J's MDC for the duration of its log call, when
 * SLF4J is on the class path (found by name: Restatus has no dependency on it), so that a logging
 * pattern can show them as fields ({@code %X{restatus.errorId}}); without SLF4J the log line itself
 * carries both.
 */
final class LogContext {

  /** The MDC key of the error id. */
  static final String ERROR_ID = "restatus.errorId";

  /** The MDC key of the trace id. */
  static final String TRACE_ID = "restatus.traceId";

  private static final MethodHandle PUT;
  private static final MethodHandle REMOVE;

  static {
    MethodHandle put = null;
    MethodHandle remove = null;
    try {
      Class<?> mdc = Class.forName("org.slf4j.MDC", false, LogContext.class.getClassLoader());
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      put =
          lookup.findStatic(
              mdc, "put", MethodType.methodType(void.class, String.class, String.class));
      remove = lookup.findStatic(mdc, "remove", MethodType.methodType(void.class, String.class));
    } catch (ReflectiveOperationException | LinkageError e) {
      // no SLF4J: the log line carries the ids
    }
    PUT = put;
    REMOVE = remove;
  }

  private LogContext() {}

  /** Runs a log call with the ids in the MDC, and removes them after it. */
  static void with(String errorId, String traceId, Runnable log) {
    if (PUT == null || errorId == null) {
      log.run();
      return;
    }
    put(ERROR_ID, errorId);
    if (traceId != null) {
      put(TRACE_ID, traceId);
    }
    try {
      log.run();
    } finally {
      remove(ERROR_ID);
      remove(TRACE_ID);
    }
  }

  private static void put(String key, String value) {
    try {
      PUT.invokeExact(key, value);
    } catch (Throwable e) {
      // a broken MDC adapter never stops a log line
    }
  }

  private static void remove(String key) {
    try {
      REMOVE.invokeExact(key);
    } catch (Throwable e) {
      // as above
    }
  }
}
