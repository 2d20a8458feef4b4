package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.empathyivr.config.SettingsReader;
import org.junit.jupiter.api.Test;

/**
 * dialplans/ does on a real Asterisk 22 what its comments and the README promise. The simulated Asterisk does not run
 * dialplans, so these tests read the text: the fallback's variables reach the agent's channel, the queue gives up so
 * that voicemail is reached, and the modules, mailbox and install step it needs are written down.
 */
class DialplanTest {
  private static final Path EXTENSIONS = Path.of("dialplans", "extensions.conf");
  private static final Path QUEUES = Path.of("dialplans", "queues.conf");
  private static final Path README = Path.of("README.md");
  /** Applications and functions the dialplan may use, with the module that provides each ("" for the core). */
  private static final Map<String, String> MODULES = Map.ofEntries(
      Map.entry("Answer", ""), Map.entry("NoOp", ""), Map.entry("Set", ""), Map.entry("Goto", ""),
      Map.entry("GotoIf", ""), Map.entry("Hangup", ""),
      Map.entry("AGI", "res_agi"), Map.entry("Queue", "app_queue"), Map.entry("VoiceMail", "app_voicemail"),
      Map.entry("Playback", "app_playback"), Map.entry("Dial", "app_dial"),
      Map.entry("CALLERID", "func_callerid"), Map.entry("IF", "func_logic"));
  private static final Pattern APPLICATION = Pattern.compile("(?m)^\\s*(?:exten => [^,]*,[^,]*|same => [^,]*),(\\w+)\\(");
  private static final Pattern FUNCTION = Pattern.compile("\\$\\{(\\w+)\\(");

  @Test
  void everyHandoffVariableTheDialplanSetsIsInheritedByTheAgentsChannel() throws IOException {
    String dialplan = Files.readString(EXTENSIONS);

    assertEquals(List.of(), plainHandoffSets(dialplan));
    assertEquals(List.of("HANDOFF_REASON"), plainHandoffSets(dialplan.replace("Set(__HANDOFF_REASON=", "Set(HANDOFF_REASON=")));
  }

  @Test
  void theFallbackBranchFillsInTheQueueTheReasonAndThePriority() throws IOException {
    String human = between(Files.readString(EXTENSIONS), "n(human)", "n(queue)");

    for (String name : List.of("HANDOFF_QUEUE", "HANDOFF_REASON", "HANDOFF_PRIORITY")) {
      assertTrue(human.contains("Set(__" + name + "="), "the human branch does not set __" + name);
    }
    assertTrue(human.contains("?error:"), "a caller the service could not help is handed off as error");
  }

  @Test
  void theFallbackQueueAndPriorityAreTheServiceDefaults() throws IOException {
    String dialplan = Files.readString(EXTENSIONS);
    String queue = SettingsReader.DEFAULTS.get("handoff.queue");

    assertEquals(Optional.of(queue), global(dialplan, "EMPATHY_IVR_FALLBACK_QUEUE"));
    assertTrue(between(dialplan, "Set(__HANDOFF_PRIORITY=", "\n").contains("?" + SettingsReader.DEFAULTS.get("handoff.priority") + ":"));
    assertTrue(Files.readString(QUEUES).contains("\n[" + queue + "]\n"), "queues.conf has no [" + queue + "] queue");
  }

  @Test
  void theQueueGivesUpSoThatVoicemailIsReached() throws IOException {
    String dialplan = Files.readString(EXTENSIONS);

    assertTrue(queueTimeoutSeconds(dialplan) > 0, "Queue() has no timeout: a caller nobody answers waits forever");
    assertEquals(0, queueTimeoutSeconds(dialplan.replace(",${EMPATHY_IVR_QUEUE_TIMEOUT})", ")")));
    assertTrue(between(dialplan, ",Queue(", "Hangup()").contains("VoiceMail("), "nothing follows the queue");
    String queues = Files.readString(QUEUES);
    for (String option : List.of("joinempty", "leavewhenempty")) {
      String value = setting(queues, option);
      assertTrue(value.contains("unavailable") && value.contains("paused"),
          option + " = " + value + " keeps a caller waiting with no agent logged in");
    }
  }

  @Test
  void theModulesItNeedsAreNamedInTheDialplanAndTheReadme() throws IOException {
    String dialplan = Files.readString(EXTENSIONS);
    String readme = Files.readString(README);

    for (String used : usedApplicationsAndFunctions(dialplan)) {
      assertTrue(MODULES.containsKey(used), used + " is used: add its module to MODULES and the comment");
      String module = MODULES.get(used);
      assertTrue(module.isEmpty() || dialplan.contains(module + ".so"), "extensions.conf does not name " + module + ".so");
    }
    for (String module : List.of("res_agi", "app_queue", "app_voicemail")) {
      assertTrue(readme.contains("`" + module + "`"), "README does not name " + module);
    }
  }

  @Test
  void theVoicemailBoxItLeavesMessagesInIsDocumented() throws IOException {
    String dialplan = Files.readString(EXTENSIONS);
    Matcher box = Pattern.compile("VoiceMail\\((\\w+)@(\\w+)").matcher(dialplan);
    assertTrue(box.find(), "no VoiceMail(box@context)");
    Pattern line = Pattern.compile("\\[" + box.group(2) + "]\\s*\\n\\s*;?\\s*" + box.group(1) + " => \\d+,");

    assertTrue(line.matcher(dialplan).find(), "extensions.conf does not show the voicemail.conf line");
    assertTrue(line.matcher(Files.readString(README)).find(), "README does not show the voicemail.conf line");
  }

  @Test
  void theReadmeInstallsTheDialplansWhereTheIncludeLooksForThem() throws IOException {
    Matcher include = Pattern.compile("#include \"(/[^\"]+)/extensions\\.conf\"").matcher(Files.readString(EXTENSIONS));
    assertTrue(include.find(), "extensions.conf does not say what to include");
    String dir = include.group(1);

    boolean installed = Files.readString(README).lines()
        .anyMatch(l -> l.contains("install ") && l.contains("-t " + dir + " ") && l.contains("dialplans/extensions.conf"));
    assertTrue(installed, "README never copies dialplans/extensions.conf to " + dir);
  }

  /** HANDOFF_* variables set without the __ prefix: the agent's channel would not see them. */
  static List<String> plainHandoffSets(String dialplan) {
    List<String> plain = new ArrayList<>();
    for (Matcher m = Pattern.compile("Set\\((_{0,2})(HANDOFF\\w*)=").matcher(dialplan); m.find(); ) {
      if (!m.group(1).equals("__")) plain.add(m.group(2));
    }
    return plain;
  }

  /** Queue()'s fifth argument, the timeout, with a [globals] variable resolved; 0 when there is none. */
  static int queueTimeoutSeconds(String dialplan) {
    Matcher queue = Pattern.compile("(?m)^\\s*same => [^,]*,Queue\\((.*)\\)\\s*$").matcher(dialplan);
    if (!queue.find()) return 0;
    String[] args = queue.group(1).split(",", -1);
    if (args.length < 5 || args[4].isBlank()) return 0;
    String timeout = args[4].strip();
    Matcher variable = Pattern.compile("\\$\\{(\\w+)}").matcher(timeout);
    if (variable.matches()) timeout = global(dialplan, variable.group(1)).orElse("0");
    return Integer.parseInt(timeout);
  }

  private static TreeSet<String> usedApplicationsAndFunctions(String dialplan) {
    TreeSet<String> used = new TreeSet<>();
    for (Matcher m = APPLICATION.matcher(dialplan); m.find(); ) used.add(m.group(1));
    for (Matcher m = FUNCTION.matcher(dialplan); m.find(); ) used.add(m.group(1));
    return used;
  }

  private static Optional<String> global(String dialplan, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "=(.*)$").matcher(between(dialplan, "[globals]", "\n["));
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }

  private static String setting(String conf, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\s*=\\s*(.*)$").matcher(conf);
    return m.find() ? m.group(1).strip() : "";
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    if (start < 0) return "";
    int end = text.indexOf(to, start + from.length());
    return text.substring(start, end < 0 ? text.length() : end);
  }
}
