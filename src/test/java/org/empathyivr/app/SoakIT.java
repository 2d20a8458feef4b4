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

/**
 * The {@code soak} command on a short run: every mixed call (hangups included) ends without an error, the figures
 * after each third are printed with what the native heap holds, and extra callers placed while every line is taken are
 * turned away as busy. Growth and the busy callers' times are not judged on so few calls: the process is still warming
 * up (the full run of 500 is in docs/performance.md).
 */
class SoakIT {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void placesMixedCallsWithoutAnErrorAndPrintsThreadsFdsAndMemoryAtBothEnds() {
    BundledVoskModel.directory();
    Path callers = Path.of(RunningSupportLine.fixture("yes.wav")).getParent();

    int status = Main.run(new String[] {"soak", "--callers", callers.toString(), "--calls", "24", "--concurrent", "8"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    System.out.print(printed);
    assertTrue(printed.contains("SOAK 24 calls in "), printed + err);
    assertTrue(printed.contains(", 0 errors\n"), printed);
    String figures = "threads \\d+, open fds \\d+, RSS \\d+ MiB \\(peak \\d+ MiB\\), heap \\d+ MiB used.*;"
        + " Java heap resident \\d+ MiB, JVM non-heap \\d+ MiB, (glibc|jemalloc) malloc in use \\d+ MiB, held free \\d+ MiB;"
        + " RSS with the idle recognizers \\d+ MiB\n";
    for (int calls : new int[] {8, 16, 24}) {
      assertTrue(printed.matches("(?s).*SOAK after " + calls + " calls \\([0-9.]+ s, 0 errors\\): " + figures + ".*"),
          printed);
    }
    assertTrue(printed.matches("(?s).*SOAK growth from call 8 to call 24: threads [+-]\\d+, open fds [+-]\\d+,"
        + " heap [+-]\\d+ MiB, RSS [+-]\\d+ MiB.*"), printed);
    assertTrue(printed.matches("(?s).*SOAK busy handoff: \\d+ calls.*; soak calls turned away as busy: \\d+\n.*"),
        printed);
    assertEquals(printed.contains("SOAK PASS") ? 0 : 1, status, printed);
  }

  @Test
  void refusesASoakTooShortToMeasureBothEnds() {
    int status = Main.run(new String[] {"soak", "--calls", "2"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(2, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("soak: --calls must be at least 3"), err.toString());
  }
}
