package org.empathyivr.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * systemd/empathy-ivr.env read as systemd reads an {@code EnvironmentFile}: one {@code NAME=value} a line, comments
 * and blank lines skipped, a value in double quotes unquoted. Tests that start the service in a process of its own
 * start it with these JVM options, so that what they measure is the service as the unit runs it.
 */
final class DeployedEnvironment {
  static final Path FILE = Path.of("systemd", "empathy-ivr.env");

  private DeployedEnvironment() {}

  static Map<String, String> variables() {
    try {
      return parse(Files.readString(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> parse(String file) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : file.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) continue;
      int eq = l.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException(FILE + ": not NAME=value: " + line);
      String value = l.substring(eq + 1);
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      vars.put(l.substring(0, eq), value);
    }
    return vars;
  }

  /** The service's command as the unit's {@code ExecStart} gives it, with this jar and properties file. */
  static List<String> serviceCommand(String jar, Path config) {
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(javaOptions());
    command.addAll(List.of("-jar", jar, "--config", config.toString()));
    return command;
  }

  /** {@code $JAVA_OPTS} as the unit's {@code ExecStart} splits it: at whitespace. */
  static List<String> javaOptions() {
    String opts = variables().getOrDefault("JAVA_OPTS", "").strip();
    return opts.isEmpty() ? List.of() : Arrays.asList(opts.split("\\s+"));
  }
}
