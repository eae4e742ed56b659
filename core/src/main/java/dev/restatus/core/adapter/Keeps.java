package dev.restatus.core.adapter;

/** One {@link Decision.Keep} per status: the decision that changes nothing allocates nothing. */
final class Keeps {

  static final Decision.Keep[] ALL = new Decision.Keep[500];

  static {
    for (int i = 0; i < ALL.length; i++) {
      ALL[i] = new Decision.Keep(100 + i, HeaderEdits.NONE);
    }
  }

  private Keeps() {}
}
