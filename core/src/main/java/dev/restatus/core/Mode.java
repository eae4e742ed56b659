package dev.restatus.core;

/** What Restatus does with the contract violations it finds ({@code restatus.mode}). */
public enum Mode {
  /** Fix every violation on the wire; log each finding at debug level. */
  ENFORCE,
  /** Leave the wire untouched; log and count every violation seen. */
  REPORT,
  /** Do nothing at all; the adapter passes every exchange through. */
  OFF
}
