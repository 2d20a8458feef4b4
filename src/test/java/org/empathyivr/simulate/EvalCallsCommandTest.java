package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.empathyivr.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCallsCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir Path folder;

  private Path corpus(String... lines) throws Exception {
    return Files.writeString(folder.resolve("corpus.tsv"), String.join("\n", lines) + "\n");
  }

  private static String line(String... cells) {
    return String.join("\t", cells);
  }

  /** A service that answers one call and hands it off with this reason and summary. */
  private static ScriptedFastAgiService handingOff(String reason, String summary) throws Exception {
    return new ScriptedFastAgiService(List.of("<< header", ">> ANSWER", "<< 200 result=0",
        ">> SET VARIABLE HANDOFF_REASON \"" + reason + "\"", "<< reply",
        ">> SET VARIABLE HANDOFF_SUMMARY \"" + summary + "\"", "<< reply"), c -> c);
  }

  @Test
  void printsAWrongCallAndTheTally() throws Exception {
    Path file = corpus("# id ...", line("zero-01", "5550161", "Joyce Murphy", "dtmf:0", "caller-asked", "router", "-"));
    try (ScriptedFastAgiService service = handingOff("confirmed", "Joyce (5550161): no issue heard")) {
      assertEquals(0, run("--port", String.valueOf(service.port()), file.toString()));
      service.received();
    }
    assertEquals("wrong: zero-01 (line 2): reason confirmed, expected caller-asked; missing \"router\"; summary:"
        + " Joyce (5550161): no issue heard\ncalls 0 of 1 right\n", text(out));
  }

  @Test
  void printsOnlyTheTallyWhenEveryCallIsRight() throws Exception {
    Path file = corpus(line("sil-03", "-", "-", "silence", "retries-exhausted", "no issue heard", "-"));
    try (ScriptedFastAgiService service = handingOff("retries-exhausted", "Unknown caller: no issue heard")) {
      assertEquals(0, run("--port", String.valueOf(service.port()), "--concurrent", "2", file.toString()));
      assertTrue(service.received().contains("agi_callerid: unknown"), service.received().toString());
    }
    assertEquals("calls 1 of 1 right\n", text(out));
  }

  @Test
  void exitsWithOneWhenNoServiceAnswers() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path file = corpus(line("a", "-", "-", "silence", "retries-exhausted", "-", "-"));
    assertEquals(1, run("--port", String.valueOf(port), file.toString()));
    assertTrue(text(err).contains("no FastAGI service at 127.0.0.1:" + port), text(err));
    assertEquals("", text(out));
  }

  @Test
  void exitsWithTwoForUsageErrorsAndNamesAMalformedLine() throws Exception {
    assertEquals(2, run());
    assertEquals(2, run("--concurrent", "0", "corpus.tsv"));
    assertEquals(2, run("--bogus", "corpus.tsv"));
    assertEquals(2, run(folder.resolve("absent.tsv").toString()));
    Path file = corpus(line("a", "-", "-", "silence", "retries-exhausted", "-", "-"), line("b", "-", "-", "silence"));
    err.reset();
    assertEquals(2, run(file.toString()));
    assertTrue(text(err).contains(file + " line 2: want 7 tab-separated columns"), text(err));
  }

  private int run(String... args) {
    PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    return Main.execute(new EvalCallsCommand(printed, errors), args, printed, errors);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
