package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.empathyivr.simulate.AudioSocketRun.End;
import org.empathyivr.simulate.FakeAudioSocketServer.Connection;
import org.empathyivr.simulate.FakeAudioSocketServer.Message;
import org.junit.jupiter.api.Test;

/**
 * The captured AudioSocket scenarios of a real Asterisk 22.10.1 (/work/shared/asterisk/captures/audiosocket-*.txt,
 * letters as in AUDIOSOCKET.md), replayed against the simulator with a tiny AudioSocket server and FastAGI driver in
 * the service's place: the same bytes on both connections, the same replies, the same state of the channel after.
 */
class AudioSocketCapturesTest {
  static final String UUID = "0f8b6c5e-2f3a-4a1b-9c4d-5e6f7a8b9c0d";
  static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";

  @Test
  void aServerThatClosesGetsResultZeroAndTheChannelStaysUp() throws Exception {
    // A: the server streams, reads a while, closes; Asterisk answers 200 result=0 and the AGI goes on.
    List<short[]> prompt = TestAudio.toneFrames(20);
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, prompt);
      c.listen(600);
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b, List.of()).accept()) {
      assertEquals("200 result=0", agi.command("ANSWER", 1000));
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      assertEquals("200 result=1", agi.command("SET VARIABLE __HANDOFF_SUMMARY \"after audiosocket\"", 1000));
      assertEquals("200 result=6", agi.command("CHANNEL STATUS", 1000), "the channel is up");
      assertEquals(Optional.empty(), agi.maybeRead(300), "no HANGUP line");
      SessionResult call = agi.hangUp();

      Connection c = server.connection(0);
      assertEquals("01 00 10 0f 8b 6c 5e 2f 3a 4a 1b 9c 4d 5e 6f 7a 8b 9c 0d", hex(c.received().get(0).wire()),
          "the first message is the UUID in string order");
      assertTrue(c.received().stream().skip(1).allMatch(m -> m.kind() == 0x10 && m.payload().length == 320),
          "then only 320-byte voice frames");
      assertFalse(c.wasReset());
      assertEquals(End.SERVER_CLOSED, call.audioSockets().get(0).end());
      assertEquals("SUCCESS", call.agiStatus());
      assertHeardInOrder(prompt, call.heard());
    }
  }

  @Test
  void kindZeroEndsTheSessionLikeACloseAndDoesNotHangUp() throws Exception {
    // B: 00 00 00 from the server; Asterisk closes at once, answers result=0, the channel stays up.
    long[] hangupSentAt = new long[1];
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, TestAudio.toneFrames(10));
      hangupSentAt[0] = System.nanoTime();
      c.sendRaw(new byte[] {0x00, 0x00, 0x00});
      c.listen(10_000);
    }); FastAgiDriver agi = new FastAgiDriver(b -> b.callerSilence(CallerSilence.NO_FRAMES), List.of()).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      assertEquals("200 result=1", agi.command("SET VARIABLE __HANDOFF_SUMMARY \"after audiosocket\"", 1000));
      assertEquals("200 result=6", agi.command("CHANNEL STATUS", 1000));
      SessionResult call = agi.hangUp();

      Connection c = server.connection(0);
      long eof = c.awaitEof(1000);
      assertTrue(eof >= hangupSentAt[0] && eof - hangupSentAt[0] < 500_000_000L, "EOF follows the 00 00 00");
      assertTrue(c.received().stream().noneMatch(m -> m.atNanos() > hangupSentAt[0]), "nothing after it");
      assertEquals(End.SERVER_HANGUP, call.audioSockets().get(0).end());
      assertEquals("SUCCESS", call.agiStatus());
    }
  }

  @Test
  void aCallerWhoHangsUpGivesTheServerAPlainEofAndTheAgiMinusOneThenHangup() throws Exception {
    // D: the caller hangs up while the server streams: EOF (no 0x00, no 0xff, no reset), 200 result=-1, HANGUP;
    // the service's next command is answered, CHANNEL STATUS then says the channel is dead.
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> c.sendPaced(0x10, TestAudio.toneFrames(500)));
        FastAgiDriver agi = new FastAgiDriver(b -> b, List.of(CallerTurn.parse("hangup:300"))).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      agi.send("SET VARIABLE __HANDOFF_SUMMARY \"after audiosocket\"");
      FastAgiDriver.Line hangup = agi.read(1000);
      FastAgiDriver.Line reply = agi.read(1000);
      assertEquals("HANGUP", hangup.text());
      assertEquals("200 result=1", reply.text());
      assertTrue(reply.atNanos() - hangup.atNanos() >= 30_000_000L,
          "Asterisk's second write waits for the delayed ACK (D: 42 ms)");
      assertEquals(DEAD, agi.command("CHANNEL STATUS", 1000));
      SessionResult call = agi.hangUp();

      Connection c = server.connection(0);
      c.awaitEof(1000);
      assertFalse(c.wasReset(), "a plain TCP close");
      assertTrue(c.received().stream().allMatch(m -> m.kind() == 0x01 || m.kind() == 0x10), "no 0x00, no 0xff");
      assertEquals(End.CALLER_HANGUP, call.audioSockets().get(0).end());
      assertEquals("HANGUP", call.agiStatus());
      assertEquals(1, call.events(Event.HungUp.class).size());
      long hungUpAfterPrompt = call.events(Event.HungUp.class).get(0).whenMs() - call.heard().get(0).atMs();
      assertTrue(hungUpAfterPrompt >= 300 && hungUpAfterPrompt < 600, "300 ms into the prompt: " + hungUpAfterPrompt);
    }
  }

  @Test
  void eachKeyGoesAsOneMessageWhenItComesUpAndSilencesTheCallersAudio() throws Exception {
    // E: SendDTMF 123: 03 00 01 31, 32, 33, 351 ms apart; no audio messages while a key is down.
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, TestAudio.toneFrames(50));
      c.await(m -> m.kind() == 0x03 && m.payload()[0] == '3', 5000);
      c.listen(200);
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b,
        List.of(CallerTurn.keys('1'), CallerTurn.keys('2'), CallerTurn.keys('3'))).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 8000));
      agi.hangUp();

      List<Message> all = server.connection(0).received();
      List<Message> keys = all.stream().filter(m -> m.kind() == 0x03).toList();
      assertEquals(List.of("03 00 01 31", "03 00 01 32", "03 00 01 33"),
          keys.stream().map(m -> hex(m.wire())).toList());
      for (int i = 1; i < keys.size(); i++) {
        long ms = (keys.get(i).atNanos() - keys.get(i - 1).atNanos()) / 1_000_000;
        assertTrue(ms >= 300 && ms <= 420, "keys 351 ms apart, was " + ms);
      }
      for (Message key : keys) {
        long lastAudioBefore = all.stream().filter(m -> m.kind() == 0x10 && m.atNanos() < key.atNanos())
            .mapToLong(Message::atNanos).max().orElseThrow();
        assertTrue(key.atNanos() - lastAudioBefore >= 70_000_000L, "no audio while the key is down (100 ms)");
      }
    }
  }

  @Test
  void twoSecondsWithoutAFrameEitherWayEndTheSessionWithMinusOneButTheChannelStaysUp() throws Exception {
    // G: the caller in Wait() sends nothing, nor does the server: EOF at +2000 ms, 200 result=-1, channel up.
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> c.listen(10_000));
        FastAgiDriver agi = new FastAgiDriver(b -> b.callerSilence(CallerSilence.NO_FRAMES), List.of()).accept()) {
      agi.command("ANSWER", 1000);
      long sent = System.nanoTime();
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      long tookMs = (System.nanoTime() - sent) / 1_000_000;
      assertTrue(tookMs >= 1990 && tookMs < 2600, "ended after 2 s of nothing, took " + tookMs + " ms");
      assertEquals("200 result=1", agi.command("SET VARIABLE __HANDOFF_SUMMARY \"after audiosocket\"", 1000));
      assertEquals("200 result=6", agi.command("CHANNEL STATUS", 1000), "still up: -1 is not a hangup");
      SessionResult call = agi.hangUp();

      Connection c = server.connection(0);
      assertEquals(List.of(0x01), c.received().stream().map(Message::kind).toList(), "the UUID, nothing else");
      assertTrue(c.sawEof());
      assertEquals(End.INACTIVITY, call.audioSockets().get(0).end());
      assertEquals("SUCCESS", call.agiStatus());
    }
  }

  @Test
  void withNoServerListeningTheExecFailsAtOnce() throws Exception {
    // H: nothing on the port: 200 result=-1 at once, channel up.
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (FastAgiDriver agi = new FastAgiDriver(b -> b, List.of()).accept()) {
      agi.command("ANSWER", 1000);
      long sent = System.nanoTime();
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + ",127.0.0.1:" + port, 3000));
      assertTrue(System.nanoTime() - sent < 500_000_000L, "at once");
      assertEquals("200 result=6", agi.command("CHANNEL STATUS", 1000));
      SessionResult call = agi.hangUp();
      AudioSocketRun run = call.audioSockets().get(0);
      assertEquals(End.ERROR, run.end());
      assertFalse(run.connected());
      assertTrue(run.detail().contains("Failed to connect to AudioSocket service"), run.detail());
    }
  }

  @Test
  void aVoiceMessageOfLengthZeroIsAnErrorThatLeavesTheChannelUp() throws Exception {
    // I: 10 00 00 from the server: EOF at once, 200 result=-1, channel up.
    long[] emptySentAt = new long[1];
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, TestAudio.toneFrames(10));
      emptySentAt[0] = System.nanoTime();
      c.sendRaw(new byte[] {0x10, 0x00, 0x00});
      c.listen(10_000);
    }); FastAgiDriver agi = new FastAgiDriver(b -> b, List.of()).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      assertEquals("200 result=6", agi.command("CHANNEL STATUS", 1000));
      SessionResult call = agi.hangUp();

      long eof = server.connection(0).awaitEof(1000);
      assertTrue(eof - emptySentAt[0] < 300_000_000L, "EOF at once");
      AudioSocketRun run = call.audioSockets().get(0);
      assertEquals(End.ERROR, run.end());
      assertTrue(run.detail().contains("Invalid message length"), run.detail());
      assertEquals(10, call.heard().size(), "what came before was heard");
    }
  }

  @Test
  void asteriskTakesTheArgumentsAsOneAgiWordQuotedOrNot() throws Exception {
    // syntax + I: "uuid host:port" passes the uuid alone (no server: -1); "uuid|host:port" is a bad UUID (-1);
    // neither connects. The quoted form works as the plain one.
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.listen(300);
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b, List.of()).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + " " + server.address(), 1000));
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "|" + server.address(), 1000));
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "_" + server.address(), 1000));
      assertEquals(0, server.connections().size(), "none of those connected");
      assertEquals("200 result=0", agi.command("EXEC AudioSocket \"" + UUID + "," + server.address() + "\"", 5000));
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      SessionResult call = agi.hangUp();

      assertEquals(2, server.connections().size());
      List<AudioSocketRun> runs = call.audioSockets();
      assertEquals("ERROR res_audiosocket.c: No AudioSocket server provided", runs.get(0).detail());
      assertEquals("ERROR app_audiosocket.c: Failed to parse UUID '" + UUID + "|" + server.address() + "'",
          runs.get(1).detail());
      assertEquals(List.of(End.ERROR, End.ERROR, End.ERROR, End.SERVER_CLOSED, End.SERVER_CLOSED),
          runs.stream().map(AudioSocketRun::end).toList());
    }
  }

  @Test
  void aCommandSentDuringTheSessionIsAnsweredOnlyAfterTheExecReplyAboutFortyMsLater() throws Exception {
    // J: Asterisk reads no AGI line while AudioSocket runs; the NOOP's reply follows the EXEC reply by ~42 ms.
    long[] closedAt = new long[1];
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.listen(800);
      closedAt[0] = System.nanoTime();
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b, List.of()).accept()) {
      agi.command("ANSWER", 1000);
      agi.send("EXEC AudioSocket " + UUID + "," + server.address());
      Thread.sleep(300);
      agi.send("NOOP");
      FastAgiDriver.Line execReply = agi.read(5000);
      FastAgiDriver.Line noopReply = agi.read(1000);
      assertEquals("200 result=0", execReply.text());
      assertEquals("200 result=0", noopReply.text());
      assertTrue(execReply.atNanos() >= closedAt[0], "nothing before the session ended");
      long gapMs = (noopReply.atNanos() - execReply.atNanos()) / 1_000_000;
      assertTrue(gapMs >= 30 && gapMs < 300, "the NOOP reply waits for the delayed ACK: " + gapMs + " ms");
      assertEquals("200 result=1", agi.command("SET VARIABLE __HANDOFF_SUMMARY \"after audiosocket\"", 1000));
      agi.hangUp();
    }
  }

  // --- helpers

  static String hex(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }

  /** The frames sent reached the caller byte-identical, adjacent and in order. */
  static void assertHeardInOrder(List<short[]> sent, List<HeardFrame> heard) {
    assertEquals(sent.size(), heard.size(), "frames heard");
    for (int i = 0; i < sent.size(); i++) assertArrayEquals(sent.get(i), heard.get(i).samples(), "frame " + i);
  }

  static UnaryOperator<SimulatedAsterisk.Builder> defaults() {
    return b -> b;
  }
}
