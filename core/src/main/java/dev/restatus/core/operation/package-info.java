/**
 * Long-running operations answered {@code 202 Accepted} with a status monitor: the {@link
 * dev.restatus.core.operation.Operation} an application (or a deferred legacy endpoint) completes,
 * the {@link dev.restatus.core.operation.CapturedResponse} that becomes its result, and the {@link
 * dev.restatus.core.operation.OperationStore} that keeps both, in memory ({@link
 * dev.restatus.core.operation.MemoryOperationStore}) or in a store a cluster shares.
 */
package dev.restatus.core.operation;
