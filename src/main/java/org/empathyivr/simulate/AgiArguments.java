package org.empathyivr.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an AGI command line into arguments exactly as Asterisk's {@code parse_args()} in {@code res_agi.c} does.
 *
 * <p>Spaces and tabs separate arguments; double quotes group (and {@code ""} is an empty argument); a backslash makes
 * the next character literal (an escaped quote, space or backslash) and is itself dropped. Quotes in the middle of a
 * word toggle quoting without starting a new argument, as in Asterisk. At most {@link #MAX_ARGS} - 1 arguments are
 * kept; Asterisk drops the rest with a warning.
 */
final class AgiArguments {
  static final int MAX_ARGS = 128;

  private AgiArguments() {}

  static List<String> parse(String line) {
    List<StringBuilder> args = new ArrayList<>();
    boolean quoted = false;
    boolean escaped = false;
    boolean whitespace = true;
    StringBuilder current = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean literal;
      if (c == '"') {
        literal = escaped;
        if (!escaped) {
          quoted = !quoted;
          if (quoted && whitespace) {
            current = start(args);
            whitespace = false;
          }
          escaped = false;
        }
      } else if (c == ' ' || c == '\t') {
        literal = quoted || escaped;
        if (!literal) whitespace = true;
      } else if (c == '\\') {
        literal = escaped;
        if (!escaped) escaped = true;
      } else {
        literal = true;
      }
      if (literal) {
        if (whitespace) {
          if (args.size() >= MAX_ARGS - 1) continue; // "Too many arguments, truncating"
          current = start(args);
          whitespace = false;
        }
        current.append(c);
        escaped = false;
      }
    }
    List<String> result = new ArrayList<>(args.size());
    for (StringBuilder arg : args) result.add(arg.toString());
    return result;
  }

  private static StringBuilder start(List<StringBuilder> args) {
    StringBuilder arg = new StringBuilder();
    args.add(arg);
    return arg;
  }
}
