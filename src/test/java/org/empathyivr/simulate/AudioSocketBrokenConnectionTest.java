package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.simulate.AudioSocketRun.End;
import org.empathyivr.simulate.FakeAudioSocketServer.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SimulatedAsterisk.Builder#breakAudioSocketAfter}: the AudioSocket connection breaks mid-call while the caller
 * is still on the line (the simulator's model of a network fault, not a captured scenario). The server sees a reset,
 * or, when it writes as it reads, sometimes an EOF (as the builder says); Asterisk answers {@code 200 result=-1} and
 * goes on as after G and I: channel up, no {@code HANGUP}, the AGI goes on.
 */
class AudioSocketBrokenConnectionTest {
  static final String UUID = AudioSocketCapturesTest.UUID;

  @TempDir Path tmp;

  @Test
  void aBrokenConnectionResetsTheServerAnswersMinusOneAndTheCallGoesOn() throws Exception {
    Path sounds = Files.createDirectories(tmp.resolve("sounds"));
    TestAudio.wav(sounds.resolve("sorry.wav"), 8000, 8000, Optional.empty());
    Path caller = TestAudio.wav(tmp.resolve("caller.wav"), 8000, 12000, Optional.empty());
    Path recording = tmp.resolve("rec-1");
    // The server talks for 2 s; the connection breaks 500 ms in, before the polite caller's turn to speak.
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> c.sendPaced(0x10, TestAudio.toneFrames(100)));
        FastAgiDriver agi = new FastAgiDriver(b -> b.soundsDirectory(sounds)
            .breakAudioSocketAfter(Duration.ofMillis(500)), List.of(CallerTurn.says(caller))).accept()) {
      assertEquals("200 result=0", agi.command("ANSWER", 1000));
      long sent = System.nanoTime();
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      long tookMs = (System.nanoTime() - sent) / 1_000_000;
      assertTrue(tookMs >= 490 && tookMs < 900, "ended when the connection broke, took " + tookMs + " ms");

      Connection c = server.connection(0);
      long eofMs = (c.awaitEof(1000) - c.acceptedNanos) / 1_000_000;
      assertTrue(eofMs >= 480 && eofMs < 900, "the server saw the end 500 ms in: " + eofMs + " ms");
      // This server writes as it reads, and sees the break as an EOF in about 1 run in 30, which the builder allows;
      // a server that only reads sees a reset, as the third story shows.
      assertEquals(0x01, c.received().get(0).kind(), "the UUID first");
      assertTrue(c.received(0x10).size() >= 15, "the caller's frames went out until the break");

      assertEquals(Optional.empty(), agi.maybeRead(300), "no HANGUP line");
      assertEquals("200 result=6", agi.command("CHANNEL STATUS", 1000), "still up: -1 is not a hangup");
      assertEquals("200 result=0 endpos=8000", agi.command("STREAM FILE sorry \"\"", 1000), "the prompt plays");
      // The caller's turn, not spoken during the session, goes to the recording as on a RECORD FILE call.
      assertEquals("200 result=6480 (timeout) endpos=20160",
          agi.command("RECORD FILE " + recording + " wav \"#\" 10000 0 s=2", 5000));
      assertEquals("200 result=1", agi.command("SET VARIABLE __HANDOFF_SUMMARY \"after a broken line\"", 1000));
      SessionResult call = agi.hangUp();

      AudioSocketRun run = call.audioSockets().get(0);
      assertEquals(End.BROKEN, run.end());
      assertTrue(run.connected());
      assertEquals("200 result=-1", run.reply());
      assertTrue(run.detail().contains("Failed to read header from AudioSocket because: Connection reset by peer"),
          run.detail());
      assertTrue(run.detail().contains("Failed to receive frame from AudioSocket server '" + server.address() + "'"),
          run.detail());
      assertFalse(call.wire().contains("<< HANGUP"));
      assertEquals("SUCCESS", call.agiStatus());
      assertEquals(Optional.of("after a broken line"), call.variable("HANDOFF_SUMMARY"));
      assertTrue(call.events(Event.HungUp.class).isEmpty(), "the caller is still on the line");
      int heard = call.heard().size();
      assertTrue(heard >= 20 && heard <= 30, "what the server sent before the break was heard: " + heard);
      assertEquals(1, call.events(Event.Recorded.class).size());
      assertEquals(12000 + 8160, WavFile.read(tmp.resolve("rec-1.wav")).sampleCount());
    }
  }

  @Test
  void aSessionThatEndsBeforeTheBreakIsNotAffected() throws Exception {
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, TestAudio.toneFrames(10));
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b.breakAudioSocketAfter(Duration.ofSeconds(2)), List.of())
        .accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      assertEquals("200 result=6", agi.command("CHANNEL STATUS", 1000));
      SessionResult call = agi.hangUp();
      assertEquals(End.SERVER_CLOSED, call.audioSockets().get(0).end());
      assertFalse(server.connection(0).wasReset());
    }
  }

  @Test
  void eachConnectionBreaksTheSameTimeAfterItWasMade() throws Exception {
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> c.listen(10_000));
        FastAgiDriver agi = new FastAgiDriver(b -> b.breakAudioSocketAfter(Duration.ofMillis(200)), List.of())
            .accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      assertEquals("200 result=6", agi.command("CHANNEL STATUS", 1000));
      SessionResult call = agi.hangUp();
      assertEquals(List.of(End.BROKEN, End.BROKEN), call.audioSockets().stream().map(AudioSocketRun::end).toList());
      for (int i = 0; i < 2; i++) {
        Connection c = server.connection(i);
        long eofMs = (c.awaitEof(1000) - c.acceptedNanos) / 1_000_000;
        assertTrue(eofMs >= 180 && eofMs < 600, "connection " + i + " broke at " + eofMs + " ms");
        assertTrue(c.wasReset());
      }
    }
  }

  @Test
  void aNegativeTimeIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> SimulatedAsterisk.connectingTo("127.0.0.1", 4573).breakAudioSocketAfter(Duration.ofMillis(-1)));
  }
}
