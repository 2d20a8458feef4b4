package org.empathyivr.simulate;

import static org.empathyivr.simulate.AudioSocketCapturesTest.UUID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.empathyivr.simulate.AudioSocketRun.End;
import org.empathyivr.simulate.FakeAudioSocketServer.Connection;
import org.empathyivr.simulate.FakeAudioSocketServer.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caller on an AudioSocket call, told as small conversations with a service that talks over the socket: the
 * polite caller waits for the assistant to finish, the barging one speaks over it and the assistant's stop is timed,
 * keys land in the prompt they are meant for, the line echoes, and early words are lost.
 */
class AudioSocketCallerTest {
  @TempDir Path tmp;

  @Test
  void aPoliteCallerWaitsUntilThePromptHasEndedAndTheGapHasPassedAndTheReplyIsTimed() throws Exception {
    Path speech = TestAudio.numberedSpeech(tmp.resolve("problem.wav"), 25, 0);
    long[] promptEnd = new long[1];
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, TestAudio.toneFrames(50));
      promptEnd[0] = System.nanoTime() + 20_000_000L;
      c.await(m -> m.kind() == 0x10 && m.peak() >= 500, 5000);
      awaitQuiet(c, 300);
      c.sendPaced(0x10, TestAudio.toneFrames(10)); // the assistant's answer
      c.listen(200);
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b.politeGap(Duration.ofMillis(400)),
        List.of(CallerTurn.says(speech))).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 8000));
      SessionResult call = agi.hangUp();

      Message firstWord = server.connection(0).received(0x10).stream().filter(m -> m.peak() >= 500).findFirst().orElseThrow();
      long waitedMs = (firstWord.atNanos() - promptEnd[0]) / 1_000_000;
      assertTrue(waitedMs >= 380 && waitedMs < 650, "spoke after the prompt and a 400 ms gap: " + waitedMs);
      assertEquals(List.of(CallerSpeech.Kind.POLITE), call.callerSpeech().stream().map(CallerSpeech::kind).toList());
      assertEquals(1, call.replyLatencies().size());
      long latency = call.replyLatencies().get(0).toMillis();
      assertTrue(latency >= 250 && latency < 700, "the service answered ~300 ms after the last word: " + latency);
      assertEquals(latency, call.events(Event.AssistantReplied.class).get(0).latencyMs());
    }
  }

  @Test
  void aBargingCallerSpeaksOverThePromptAndTheAssistantsStopIsTimed() throws Exception {
    Path speech = TestAudio.numberedSpeech(tmp.resolve("wait-no.wav"), 30, 0);
    long[] promptStart = new long[1];
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      promptStart[0] = System.nanoTime();
      List<short[]> prompt = TestAudio.toneFrames(150);
      for (int i = 0; i < 150; i++) {
        LockSupport.parkNanos(promptStart[0] + i * 20_000_000L - System.nanoTime());
        boolean interrupted = c.received(0x10).stream().anyMatch(m -> m.peak() >= 500);
        c.sendAudio(interrupted ? new short[160] : prompt.get(i)); // a service that stops when the caller speaks
      }
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b,
        List.of(CallerTurn.interrupts(speech, Duration.ofMillis(500)))).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 8000));
      SessionResult call = agi.hangUp();

      Message firstWord = server.connection(0).received(0x10).stream().filter(m -> m.peak() >= 500).findFirst().orElseThrow();
      long intoThePromptMs = (firstWord.atNanos() - promptStart[0]) / 1_000_000;
      assertTrue(intoThePromptMs >= 480 && intoThePromptMs < 750, "500 ms into the 3 s prompt: " + intoThePromptMs);
      assertEquals(CallerSpeech.Kind.BARGE_IN, call.callerSpeech().get(0).kind());
      assertEquals(1, call.bargeInStopTimes().size());
      long stop = call.bargeInStopTimes().get(0).toMillis();
      assertTrue(stop >= 0 && stop < 150, "the assistant went quiet at once: " + stop);
      Event.BargedIn barged = call.events(Event.BargedIn.class).get(0);
      assertEquals(stop, barged.quietAfterMs().getAsLong());
    }
  }

  @Test
  void anAssistantThatTalksOnIsTimedByTheEndOfItsPrompt() throws Exception {
    Path speech = TestAudio.numberedSpeech(tmp.resolve("wait-no.wav"), 20, 0);
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, TestAudio.toneFrames(60)); // 1.2 s, whatever the caller says
      c.listen(500);
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b,
        List.of(CallerTurn.interrupts(speech, Duration.ofMillis(300)))).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 8000));
      long stop = agi.hangUp().bargeInStopTimes().get(0).toMillis();
      assertTrue(stop >= 800 && stop < 1000, "quiet when the prompt ended, ~900 ms after the barge-in: " + stop);
    }
  }

  @Test
  void silenceLetsTheFirstCuePassAndTheKeyInterruptsTheNextPromptAtItsStart() throws Exception {
    long[] secondPrompt = new long[1];
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, TestAudio.toneFrames(15));
      Thread.sleep(700);
      secondPrompt[0] = System.nanoTime();
      c.sendPaced(0x10, TestAudio.toneFrames(25));
      c.await(m -> m.kind() == 0x03, 3000);
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b,
        List.of(CallerTurn.silence(), CallerTurn.parse("dtmf:0"))).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 8000));
      SessionResult call = agi.hangUp();

      Message key = server.connection(0).received(0x03).get(0);
      assertEquals("03 00 01 30", AudioSocketCapturesTest.hex(key.wire()));
      long afterStart = (key.atNanos() - secondPrompt[0]) / 1_000_000;
      assertTrue(afterStart >= 95 && afterStart < 250, "down at the second prompt's start, up 100 ms later: "
          + afterStart);
      assertEquals(List.of(new Event.KeyPressed('0')), call.events(Event.KeyPressed.class));
    }
  }

  @Test
  void onALineWithoutEchoCancellationWhatTheCallerHearsComesBackAFrameLater() throws Exception {
    short[] loud = new short[160];
    for (int i = 0; i < 160; i++) loud[i] = (short) (10000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
    long[] sentAt = new long[1];
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      Thread.sleep(100);
      c.sendAudio(loud);
      sentAt[0] = System.nanoTime();
      c.listen(300);
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b.echo(-20).callerSilence(CallerSilence.NO_FRAMES), List.of())
        .accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 8000));
      agi.hangUp();

      List<Message> frames = server.connection(0).received(0x10);
      assertTrue(frames.size() >= 15, "with echo the line always sends frames, even in Wait()");
      List<Message> echoed = frames.stream().filter(m -> m.peak() > 0).toList();
      assertEquals(1, echoed.size(), "one frame carries the echo");
      short[] expected = new short[160];
      for (int i = 0; i < 160; i++) expected[i] = (short) Math.round(loud[i] * Math.pow(10, -20 / 20.0));
      assertArrayEquals(expected, echoed.get(0).samples(), "the heard frame at -20 dB");
      long lateMs = (echoed.get(0).atNanos() - sentAt[0]) / 1_000_000;
      assertTrue(lateMs >= 18 && lateMs < 80, "in the frame after the one in which it was heard: " + lateMs);
    }
  }

  @Test
  void whatThePoliteCallerSaysBeforeTheAudioSocketConnectsIsLost(@TempDir Path sounds) throws Exception {
    // The greeting plays with STREAM FILE; the service takes 900 ms before EXEC AudioSocket; the caller began to
    // speak 600 ms after the greeting, so its first words went nowhere.
    TestAudio.wav(sounds.resolve("greeting.wav"), 8000, 8000, Optional.empty());
    Path speech = TestAudio.numberedSpeech(tmp.resolve("problem.wav"), 40, 0);
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.await(m -> m.kind() == 0x10 && m.peak() >= 500, 5000);
      awaitQuiet(c, 200);
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b.soundsDirectory(sounds), List.of(CallerTurn.says(speech)))
        .accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0 endpos=8000", agi.command("STREAM FILE greeting \"\"", 1000));
      Thread.sleep(900);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 8000));
      SessionResult call = agi.hangUp();

      List<Message> words = server.connection(0).received(0x10).stream().filter(m -> m.peak() >= 500).toList();
      int first = words.get(0).samples()[0] - 1000;
      assertTrue(first >= 8 && first <= 22, "about 15 frames were lost, the first heard was #" + first);
      for (int i = 0; i < words.size(); i++) assertEquals(1000 + first + i, words.get(i).samples()[0], "in order");
      assertEquals(39, first + words.size() - 1, "the rest arrived whole");
      assertTrue(call.events().indexOf(new Event.CallerSpoke(speech))
          < call.events().indexOf(call.events(Event.AudioSocketConnected.class).get(0)), "spoke before the connection");
    }
  }

  @Test
  void aCallerWithNothingLeftToSayHangsUpWhenTheServiceStaysSilent() throws Exception {
    long[] promptEnd = new long[1];
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, TestAudio.toneFrames(10));
      promptEnd[0] = System.nanoTime();
      c.listen(5000);
    }); FastAgiDriver agi = new FastAgiDriver(b -> b.hangUpWhenServiceSilentFor(Duration.ofMillis(800)), List.of())
        .accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 8000));
      assertEquals("HANGUP", agi.readLine(1000));
      SessionResult call = agi.hangUp();
      long waitedMs = (server.connection(0).awaitEof(1000) - promptEnd[0]) / 1_000_000;
      assertTrue(waitedMs >= 780 && waitedMs < 1100, "hung up 800 ms after the last sound: " + waitedMs);
      assertEquals(End.CALLER_HANGUP, call.audioSockets().get(0).end());
    }
  }

  @Test
  void hangUpAfterSaysItsPieceAndHangsUpWhenItEnds() throws Exception {
    Path speech = TestAudio.numberedSpeech(tmp.resolve("bye.wav"), 20, 0);
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, TestAudio.toneFrames(10));
      c.listen(5000);
    }); FastAgiDriver agi = new FastAgiDriver(b -> b.politeGap(Duration.ofMillis(200)),
        List.of(CallerTurn.hangUpAfter(speech))).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 8000));
      assertEquals("HANGUP", agi.readLine(1000));
      SessionResult call = agi.hangUp();

      Connection c = server.connection(0);
      List<Message> words = c.received(0x10).stream().filter(m -> m.peak() >= 500).toList();
      assertEquals(20, words.size(), "every word");
      long eofAfterLastWord = (c.awaitEof(1000) - words.get(19).atNanos()) / 1_000_000;
      assertTrue(eofAfterLastWord >= 15 && eofAfterLastWord < 120, "gone as the last word ends: " + eofAfterLastWord);
      assertEquals(CallerSpeech.Kind.HANG_UP_AFTER, call.callerSpeech().get(0).kind());
      assertEquals("HANGUP", call.agiStatus());
    }
  }

  @Test
  void aCallerWhoMeantToHangUpLaterDoesSoWhileTheServiceIsBusyAfterTheSession() throws Exception {
    // The server ends the session early; 1.5 s into the prompt the caller hangs up all the same, and Asterisk tells
    // the service at once with an unsolicited HANGUP.
    long[] promptStart = new long[1];
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      promptStart[0] = System.nanoTime();
      c.sendPaced(0x10, TestAudio.toneFrames(15));
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b, List.of(CallerTurn.parse("hangup:1500"))).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      FastAgiDriver.Line hangup = agi.read(3000);
      assertEquals("HANGUP", hangup.text());
      long atMs = (hangup.atNanos() - promptStart[0]) / 1_000_000;
      assertTrue(atMs >= 1480 && atMs < 1700, "1.5 s into the prompt: " + atMs);
      assertEquals(AudioSocketCapturesTest.DEAD, agi.command("CHANNEL STATUS", 1000));
      assertEquals("HANGUP", agi.hangUp().agiStatus());
    }
  }

  /** Waits until the caller has sent sound and then none for {@code ms}. */
  static void awaitQuiet(Connection c, long ms) throws InterruptedException {
    while (true) {
      long lastSound = c.received(0x10).stream().filter(m -> m.peak() >= 500).mapToLong(Message::atNanos).max()
          .orElse(System.nanoTime());
      if (System.nanoTime() - lastSound >= ms * 1_000_000) return;
      Thread.sleep(5);
    }
  }
}
