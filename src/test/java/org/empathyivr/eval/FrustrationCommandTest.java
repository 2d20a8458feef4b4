package org.empathyivr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.empathyivr.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval-frustration} on a small text manifest: the figures end with the summary line, and {@code --wrong} shows
 * an admin which turns the detector got wrong and why.
 */
class FrustrationCommandTest {
  @TempDir Path dir;

  /** Writes the manifest's lines, runs eval-frustration on it with {@code options}, and returns what it printed. */
  private String evaluate(List<String> manifestLines, String... options) throws Exception {
    Path manifest = dir.resolve("manifest.tsv");
    Files.writeString(manifest, String.join("\n", manifestLines) + "\n");
    List<String> args = new ArrayList<>(List.of(options));
    args.add(manifest.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = run(args.toArray(String[]::new), out, err);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed + err.toString(StandardCharsets.UTF_8));
    return printed;
  }

  private static String lastLine(String printed) {
    String[] lines = printed.split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void showsTheTurnsItGotWrongWithTheirScoresAndCuesBeforeTheSummaryLine() throws Exception {
    String printed = evaluate(List.of(
        "label\ttext",
        "frustrated\tthis is the third time i am calling and it is still not fixed, i want a manager",
        "frustrated\thello there",
        "calm\tthank you, that is all",
        "calm\tthis is ridiculous, the third time and still not fixed",
        "excluded\tanything at all"), "--wrong", "5");

    assertTrue(printed.contains("missed (frustrated, scored calm): 1\n"), printed);
    assertTrue(printed.matches("(?s).*missed.*\n  0\\.\\d\\d  hello there  \\[no cue\\]\n.*"), printed);
    assertTrue(printed.contains("false alarms (calm, scored frustrated): 1\n"), printed);
    assertTrue(printed.matches("(?s).*false alarms.*\n  0\\.\\d\\d  this is ridiculous, the third time and still not fixed"
        + "  \\[.*third time.*\\]\n.*"), printed);
    assertEquals("precision 0.500 recall 0.500 f1 0.500 n 4", lastLine(printed));
  }

  @Test
  void aSentenceOfAChatTurnIsScoredWithTheWholeTurnAndStillCountsOnce() throws Exception {
    // Two sentences of one chat turn, as MAIA-DQE gives them: alone, "I restarted the app." is a plain statement; said
    // in the same turn as "This is ridiculous, nothing works.", it is part of an angry turn and labeled so.
    String printed = evaluate(List.of(
        "label\ttext\tgroup_id\tturn_idx",
        "frustrated\tI restarted the app.\tdialog-1\t3",
        "frustrated\tThis is ridiculous, nothing works.\tdialog-1\t3",
        "calm\tI restarted the app.\tdialog-2\t3",
        "calm\tThank you, goodbye.\tdialog-2\t4"), "--wrong", "5");

    assertTrue(printed.contains("chat turns: 2 rows are sentences of 1 turns, each scored with its whole turn "
        + "(each row alone: precision 1.000 recall 0.500 f1 0.667 n 4)"), printed);
    assertEquals("precision 1.000 recall 1.000 f1 1.000 n 4", lastLine(printed));
  }

  @Test
  void withoutTheOptionNoRowIsShown() throws Exception {
    String printed = evaluate(List.of("label\ttext", "frustrated\thello there", "calm\tthank you"));

    assertTrue(!printed.contains("missed") && !printed.contains("hello there"), printed);
  }

  @Test
  void aBadCountIsAUsageError() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = run(new String[] {"--wrong", "many", "manifest.tsv"}, new ByteArrayOutputStream(), err);
    assertEquals(2, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--wrong=N"), err.toString(StandardCharsets.UTF_8));
  }

  private static int run(String[] args, ByteArrayOutputStream out, ByteArrayOutputStream err) {
    PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    return Main.execute(new FrustrationCommand(printed, errors), args, printed, errors);
  }
}
