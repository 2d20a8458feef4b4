package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.empathyivr.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void namesHostAndPortWhenNoServiceAnswers() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    assertEquals(1, run("--port", String.valueOf(port), "silence"));
    assertTrue(text(err).contains("127.0.0.1:" + port), text(err));
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, run("--bogus"));
    assertEquals(2, run("dtmf:"));
    assertEquals(2, run("--port"));
    assertEquals(2, run("--caller-silence", "sometimes", "silence"));
    assertEquals(2, run("--polite-gap-ms", "-1", "silence"));
    assertEquals(2, run("barge:soon:x.wav"));
    assertEquals(2, run("--break-audiosocket-after-ms", "-1", "silence"));
  }

  @Test
  void anAudioSocketCallPrintsHowFastTheAssistantAnswered(@TempDir Path tmp) throws Exception {
    Path speech = TestAudio.numberedSpeech(tmp.resolve("problem.wav"), 15, 0);
    try (FakeAudioSocketServer audio = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, TestAudio.toneFrames(10));
      c.await(m -> m.kind() == 0x10 && m.peak() >= 500, 5000);
      AudioSocketCallerTest.awaitQuiet(c, 200);
      c.sendPaced(0x10, TestAudio.toneFrames(5));
      c.close();
    })) {
      List<String> script = List.of("<< header", ">> ANSWER", "<< reply",
          ">> EXEC AudioSocket " + AudioSocketCapturesTest.UUID + "," + audio.address(), "<< reply",
          ">> SET VARIABLE HANDOFF_SUMMARY \"router\"", "<< reply");
      try (ScriptedFastAgiService service = new ScriptedFastAgiService(script, c -> c)) {
        assertEquals(0, run("--port", String.valueOf(service.port()), "--polite-gap-ms", "300", "--echo-db=-40",
            "--caller-silence", "none", speech.toString()));
        assertEquals("200 result=0", service.received().get(service.received().size() - 2));
      }
    }
    String printed = text(out);
    assertTrue(printed.contains("audiosocket: connected to 127.0.0.1:"), printed);
    assertTrue(printed.contains("audiosocket: server closed at "), printed);
    assertTrue(printed.contains("caller: speaks " + speech), printed);
    assertTrue(printed.matches("(?s).*reply latencies: \\[\\d+ ms\\].*"), printed);
    assertTrue(printed.contains("barge-in stop times: []"), printed);
    assertTrue(printed.contains("call time: "), printed);
  }

  @Test
  void breakAudioSocketAfterMsResetsTheConnectionAndTheCallGoesOn() throws Exception {
    try (FakeAudioSocketServer audio = new FakeAudioSocketServer(c -> c.sendPaced(0x10, TestAudio.toneFrames(100)))) {
      List<String> script = List.of("<< header", ">> ANSWER", "<< reply",
          ">> EXEC AudioSocket " + AudioSocketCapturesTest.UUID + "," + audio.address(), "<< reply",
          ">> CHANNEL STATUS", "<< reply");
      try (ScriptedFastAgiService service = new ScriptedFastAgiService(script, c -> c)) {
        assertEquals(0, run("--port", String.valueOf(service.port()), "--break-audiosocket-after-ms", "300",
            "silence"));
        List<String> received = service.received();
        assertEquals(List.of("200 result=-1", "200 result=6"), received.subList(received.size() - 2, received.size()));
      }
      // The server sees the connection end (AudioSocketBrokenConnectionTest checks that it is a reset).
      audio.connection(0).awaitEof(2_000);
    }
    String printed = text(out);
    assertTrue(printed.contains("audiosocket: broken at "), printed);
    assertTrue(printed.contains("Connection reset by peer"), printed);
  }

  @Test
  void printsWhatTheAssistantSaidAndTheHandoff(@TempDir Path tmp) throws Exception {
    Path prompt = TestAudio.wav(tmp.resolve("hello.wav"), 8000, 8000, Optional.of("Hello, you reached support."));
    String base = prompt.toString().replace(".wav", "");
    List<String> script = List.of("<< header", ">> ANSWER", "<< 200 result=0", ">> STREAM FILE " + base + " \"\"",
        "<< reply", ">> SET VARIABLE HANDOFF_SUMMARY \"router\"", "<< reply", ">> SET VARIABLE AJ_AGISTATUS SUCCESS",
        "<< reply");
    try (ScriptedFastAgiService service = new ScriptedFastAgiService(script, c -> c)) {
      assertEquals(0, run("--port", String.valueOf(service.port()), "--caller-id", "5551234", "dtmf:1"));
      service.received();
    }
    String printed = text(out);
    assertTrue(printed.contains("assistant: \"Hello, you reached support.\""), printed);
    assertTrue(printed.contains("HANDOFF_SUMMARY = router"), printed);
    assertTrue(printed.contains("AGISTATUS = SUCCESS"), printed);
    assertTrue(printed.contains("AJ_AGISTATUS = SUCCESS"), printed);
  }

  private int run(String... args) {
    PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    return Main.execute(new SimulateCommand(printed, errors, Optional::empty), args, printed, errors);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
