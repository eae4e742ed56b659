package dev.restatus.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --name value} pairs of a benchmark's command line. */
final class Options {

  private Options() {}

  /**
   * @param args {@code --name value} pairs
   * @return the values by name, without the dashes
   * @throws IllegalArgumentException for a name without a value or without its dashes
   */
  static Map<String, String> parse(String[] args) {
    Map<String, String> opt = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, at " + args[i]);
      }
      opt.put(args[i].substring(2), args[i + 1]);
    }
    return opt;
  }
}
