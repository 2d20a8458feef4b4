package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.empathyivr.Main;
import org.empathyivr.adapter.vosk.BundledVoskModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bench} command completes a small round and prints its figures; the figures are not judged here. */
class BenchmarkIT {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void placesCallsOnAStreamedLineAndOnARecordingLineAndPrintsWhatTheCallersLivedThrough() throws Exception {
    BundledVoskModel.directory();
    Path callers = Path.of(RunningSupportLine.fixture("yes.wav")).getParent();

    int status = run("bench", "--callers", callers.toString(), "--calls", "4", "--burst");

    String printed = out.toString(StandardCharsets.UTF_8);
    System.out.print(printed);
    assertEquals(0, status, printed + err.toString(StandardCharsets.UTF_8));
    String streamed = printed.substring(printed.indexOf("BENCH media.mode audiosocket"),
        printed.indexOf("BENCH media.mode record"));
    assertTrue(streamed.contains("BENCH 4 calls started in the same instant (the worst case: every caller speaks at"
        + " the same moments): 4 ok, 0 failed"), streamed);
    assertTrue(streamed.matches("(?s).*end of caller speech -> first reply frame heard: p50 \\d+ ms, p95 \\d+ ms, max"
        + " \\d+ ms over \\d+ turns.*"), streamed);
    assertTrue(streamed.matches("(?s).*caller speech over a prompt -> prompt stopped: p50 \\d+ ms, p95 \\d+ ms, max"
        + " \\d+ ms over [1-9].*"), streamed);
    assertTrue(streamed.matches("(?s).*two-turn call \\(issue, yes\\), answer -> handoff: p50 \\d+ ms.*"), streamed);
    assertTrue(streamed.contains("callers spoken over mid-sentence: 0 of 4 calls"), streamed);
    printed = printed.substring(printed.indexOf("BENCH media.mode record"));
    assertTrue(printed.contains("BENCH 4 calls started in the same instant (the worst case: every caller speaks at the"
        + " same moments): 4 ok, 0 failed"), printed);
    assertTrue(printed.matches("(?s).*service turn time .*: p50 \\d+ ms, p95 \\d+ ms, max \\d+ ms over \\d+ turns.*"),
        printed);
    assertTrue(printed.matches("(?s).*dead air between the prompts of one reply .*: p50 \\d+ ms, p95 \\d+ ms, max \\d+ ms"
        + " over \\d+.*"), printed);
    assertTrue(printed.matches("(?s).*connect -> first prompt: p50 \\d+ ms, p95 \\d+ ms, max \\d+ ms.*"), printed);
    assertTrue(printed.matches("(?s).*memory after the round: RSS \\d+ MiB \\(peak \\d+ MiB\\), heap \\d+ MiB.*"),
        printed);
  }

  @Test
  void saysWhereTheCallerFixturesAreWhenTheyAreMissing(@TempDir Path empty) {
    assertEquals(2, run("bench", "--callers", empty.toString()));

    String error = err.toString(StandardCharsets.UTF_8);
    assertTrue(error.startsWith("bench: no caller fixture " + empty.resolve("internet-dropping.wav")), error);
    assertTrue(error.contains("pass --callers DIR"), error);
  }

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
