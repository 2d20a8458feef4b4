package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.empathyivr.Main;
import org.empathyivr.config.SettingsReader;
import org.empathyivr.domain.dialog.Caller;
import org.empathyivr.domain.summary.HandoffReason;
import org.junit.jupiter.api.Test;

/**
 * What the README and the dialplan tell an admin matches the code: every configuration key with its default, every
 * {@code HANDOFF_REASON} and {@code nameSource} value, every command line. Each check also runs on a broken copy, to
 * show it catches the drift.
 */
class AdminFactsTest {
  private static final Path README = Path.of("README.md");
  private static final Path EXTENSIONS = Path.of("dialplans", "extensions.conf");
  private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\| ([^|]*) \\|");
  private static final Pattern JAR_COMMAND =
      Pattern.compile("java (?:-\\S+ )*-jar \\S*empathy-ivr\\.jar((?: [^`&|;\\n]*)?)");

  @Test
  void theConfigurationTableListsEveryKeyWithItsDefault() throws IOException {
    assertEquals(List.of(), configTableProblems(readme()));
  }

  @Test
  void aKeyMissingFromTheTableOrAWrongDefaultIsCaught() throws IOException {
    String readme = readme();
    String withoutKey = readme.replaceFirst("(?m)^\\| `dialog.max-corrections` .*\\n", "");
    String wrongDefault = readme.replace("| `agi.max-calls` | `32` |", "| `agi.max-calls` | `30` |");
    String unknownKey = readme.replace("| `web.port` |", "| `web.ports` |");

    assertEquals(List.of("missing from the table: dialog.max-corrections"), configTableProblems(withoutKey));
    assertEquals(List.of("agi.max-calls: default 32, table says `30`"), configTableProblems(wrongDefault));
    assertFalse(configTableProblems(unknownKey).isEmpty());
  }

  @Test
  void everyHandoffReasonIsInTheReadmeAndTheDialplan() throws IOException {
    assertEquals(List.of(), missing(HandoffReason.values(), readmeReasons(readme())));
    assertEquals(List.of(), missing(HandoffReason.values(), dialplanReasons(Files.readString(EXTENSIONS))));
  }

  @Test
  void aHandoffReasonLeftOutIsCaught() throws IOException {
    String readme = readme().replace("`frustrated` (the caller", "(the caller");
    String dialplan = Files.readString(EXTENSIONS).replace("| busy", "");

    assertEquals(List.of("frustrated"), missing(HandoffReason.values(), readmeReasons(readme)));
    assertEquals(List.of("busy"), missing(HandoffReason.values(), dialplanReasons(dialplan)));
  }

  @Test
  void everyNameSourceIsInTheReadme() throws IOException {
    assertEquals(List.of(), missing(Caller.NameSource.values(), readmeNameSources(readme())));
    assertEquals(List.of("spoken"),
        missing(Caller.NameSource.values(), readmeNameSources(readme().replace("`spoken`, `none`", "`none`"))));
  }

  @Test
  void everyReadmeCommandIsOneMainRunsWithOptionsItsUsageNames() throws IOException {
    List<String> commands = readmeCommands(readme());

    assertTrue(commands.size() >= 8, "README commands found: " + commands);
    assertEquals(List.of(), commandProblems(commands));
  }

  @Test
  void aRenamedCommandOrAnUnknownOptionIsCaught() throws IOException {
    assertEquals(List.of("'check-configs': Main has no such command"),
        commandProblems(List.of(" check-configs /etc/empathy-ivr/empathy-ivr.properties")));
    assertEquals(List.of("'eval-calls': option --slow is not in its usage"),
        commandProblems(List.of(" eval-calls [--host H] [--slow] corpus.tsv")));
    assertEquals(List.of("'serve': option --conf is not in its usage"), commandProblems(List.of(" --conf x")));
  }

  /** Rows of the README's configuration table against {@link SettingsReader#DEFAULTS}. */
  static List<String> configTableProblems(String readme) {
    String table = section(readme, "## Configuration");
    Map<String, String> documented = new LinkedHashMap<>();
    for (Matcher row = TABLE_ROW.matcher(table); row.find(); ) documented.put(row.group(1), row.group(2).strip());
    List<String> problems = new ArrayList<>();
    for (var key : SettingsReader.DEFAULTS.entrySet()) {
      String cell = documented.remove(key.getKey());
      String want = key.getValue().isEmpty() ? null : "`" + key.getValue() + "`";
      if (cell == null) {
        problems.add("missing from the table: " + key.getKey());
      } else if (want == null ? !cell.startsWith("*(") : !cell.equals(want)) {
        problems.add(key.getKey() + ": default " + key.getValue() + ", table says " + cell);
      }
    }
    for (String unknown : documented.keySet()) problems.add("not a key SettingsReader knows: " + unknown);
    return problems;
  }

  /** The values in backticks on the README's {@code HANDOFF_REASON} row ("What the dialplan receives"). */
  static Set<String> readmeReasons(String readme) {
    Matcher row = Pattern.compile("(?m)^\\| `HANDOFF_REASON` \\|(.*)$").matcher(section(readme, "## What the dialplan"));
    return row.find() ? quoted(row.group(1)) : Set.of();
  }

  /** The words of the {@code HANDOFF_REASON} comment in extensions.conf, up to the next variable. */
  static Set<String> dialplanReasons(String dialplan) {
    Matcher m = Pattern.compile("(?s);\\s+HANDOFF_REASON\\s(.*?);\\s+HANDOFF_ID").matcher(dialplan);
    if (!m.find()) return Set.of();
    return Arrays.stream(m.group(1).split("[;|\\s]+")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
  }

  /** The values in backticks in the parentheses after {@code `nameSource`} (what a record holds). */
  static Set<String> readmeNameSources(String readme) {
    Matcher m = Pattern.compile("`nameSource`\\s*\\(([^)]*)\\)").matcher(readme);
    return m.find() ? quoted(m.group(1)) : Set.of();
  }

  /** What follows {@code empathy-ivr.jar} on each README command line, continuation lines joined. */
  static List<String> readmeCommands(String readme) {
    List<String> commands = new ArrayList<>();
    for (Matcher m = JAR_COMMAND.matcher(readme.replace("\\\n", " ")); m.find(); ) {
      commands.add(m.group(1).replaceAll("\\s+", " "));
    }
    return commands;
  }

  /**
   * Each command must be one Main runs ({@code COMMAND --help} exits 0), and each of its options must appear in that
   * command's usage.
   */
  static List<String> commandProblems(List<String> commands) {
    List<String> problems = new ArrayList<>();
    for (String command : commands) {
      List<String> words = Arrays.stream(command.strip().split(" ")).filter(w -> !w.isEmpty()).toList();
      String name = words.isEmpty() || words.get(0).startsWith("-") ? "serve" : words.get(0);
      Optional<String> usage = listed(name) ? help(name) : Optional.empty();
      if (usage.isEmpty()) {
        problems.add("'" + name + "': Main has no such command");
        continue;
      }
      for (String word : words) {
        String option = word.replaceAll("[\\[\\]]", "");
        if (option.startsWith("--") && !Pattern.compile("(^|[\\s,\\[])" + Pattern.quote(option) + "([\\s=,\\]]|$)",
            Pattern.MULTILINE).matcher(usage.get()).find()) {
          problems.add("'" + name + "': option " + option + " is not in its usage");
        }
      }
    }
    return problems;
  }

  /** Whether Main's own usage lists {@code command} among its commands. */
  private static boolean listed(String command) {
    String usage = help("--help").orElseThrow();
    return Pattern.compile("^\\s+" + Pattern.quote(command) + "(\\s|,|$)", Pattern.MULTILINE).matcher(usage).find();
  }

  /** What {@code COMMAND --help} prints, or empty when it fails. */
  private static Optional<String> help(String command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = command.startsWith("-") ? new String[] {command} : new String[] {command, "--help"};
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return status == 0 ? Optional.of(out.toString(StandardCharsets.UTF_8)) : Optional.empty();
  }

  private static List<String> missing(Enum<?>[] values, Set<String> documented) {
    List<String> missing = new ArrayList<>();
    for (Enum<?> value : values) {
      String label = value instanceof HandoffReason r ? r.label() : ((Caller.NameSource) value).label();
      if (!documented.contains(label)) missing.add(label);
    }
    return missing;
  }

  private static Set<String> quoted(String text) {
    return new TreeSet<>(quotedBy(text, '`'));
  }

  private static List<String> quotedBy(String text, char quote) {
    List<String> found = new ArrayList<>();
    for (Matcher m = Pattern.compile(quote + "([^" + quote + "]+)" + quote).matcher(text); m.find(); ) {
      found.add(m.group(1));
    }
    return found;
  }

  /** From the heading to the next heading of the same level. */
  static String section(String markdown, String heading) {
    int start = markdown.indexOf("\n" + heading);
    if (start < 0) return "";
    int end = markdown.indexOf("\n## ", start + 1);
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }

  private static String readme() throws IOException {
    return Files.readString(README);
  }
}
