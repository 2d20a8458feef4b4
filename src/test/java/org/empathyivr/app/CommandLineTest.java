package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.empathyivr.Main;
import org.junit.jupiter.api.Test;

/** An admin asks the jar how to use it, and mistypes. */
class CommandLineTest {
  private static final String[] COMMANDS = {"serve", "simulate", "eval-calls", "say", "bench", "soak", "eval-stt",
      "check-config", "reflect", "eval-frustration"};
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpListsEveryCommandAndExitsZero() {
    assertEquals(0, run("--help"));

    assertTrue(text(out).startsWith("Usage: empathy-ivr [-hV] [--config=FILE] [COMMAND]"), text(out));
    for (String command : COMMANDS) assertTrue(text(out).contains("\n  " + command + " "), command + ": " + text(out));
    assertEquals("", text(err));
  }

  @Test
  void helpForOneCommandShowsItsOptionsAndExitsZero() {
    assertEquals(0, run("help", "simulate"));

    assertTrue(text(out).startsWith("Usage: empathy-ivr simulate "), text(out));
    assertTrue(text(out).contains("--caller-id=N"), text(out));
    assertEquals("", text(err));
  }

  @Test
  void aCommandsOwnHelpOptionExitsZero() {
    assertEquals(0, run("check-config", "--help"));

    assertTrue(text(out).startsWith("Usage: empathy-ivr check-config "), text(out));
  }

  @Test
  void versionExitsZero() {
    assertEquals(0, run("--version"));

    assertTrue(text(out).startsWith("empathy-ivr "), text(out));
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithTheUsageOnStandardError() {
    assertEquals(2, run("--bogus"));

    assertTrue(text(err).startsWith("Unknown option: '--bogus'\nUsage: empathy-ivr "), text(err));
    assertEquals("", text(out));
  }

  @Test
  void anUnknownOptionOfACommandShowsThatCommandsUsage() {
    assertEquals(2, run("reflect", "--loud", "hello"));

    assertTrue(text(err).contains("Usage: empathy-ivr reflect "), text(err));
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertEquals(2, run("serv"));

    assertTrue(text(err).contains("'serv'"), text(err));
    assertTrue(text(err).contains("Usage: empathy-ivr "), text(err));
  }

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
