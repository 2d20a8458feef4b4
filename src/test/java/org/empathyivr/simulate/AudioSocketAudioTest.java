package org.empathyivr.simulate;

import static org.empathyivr.simulate.AudioSocketCapturesTest.UUID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.simulate.AudioSocketRun.End;
import org.empathyivr.simulate.FakeAudioSocketServer.Connection;
import org.empathyivr.simulate.FakeAudioSocketServer.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audio both ways as the captures measured it: the caller's 320-byte frames every 20 ms and a WAV's short last
 * frame (A), bursts through Asterisk's voice queue (C), slin16 resampled for the caller (F), the server's audio keeping
 * a session open (D); and what the source says of malformed messages and an unanswered channel.
 */
class AudioSocketAudioTest {
  @TempDir Path tmp;

  @Test
  void theCallersChannelSends320ByteFramesEvery20MsOnAnAbsoluteSchedule() throws Exception {
    // A (PlayTones(0)): all-zero 320-byte frames, median 20 ms; the simulator's schedule does not drift.
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.listen(1500);
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b, List.of()).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      agi.hangUp();

      List<Message> frames = server.connection(0).received(0x10);
      assertTrue(frames.size() >= 70, "about 75 frames in 1.5 s, got " + frames.size());
      assertTrue(frames.stream().allMatch(m -> m.payload().length == 320 && m.peak() == 0), "320 zero bytes each");
      long[] gaps = new long[frames.size() - 1];
      for (int i = 1; i < frames.size(); i++) gaps[i - 1] = frames.get(i).atNanos() - frames.get(i - 1).atNanos();
      Arrays.sort(gaps);
      long medianMs = Math.round(gaps[gaps.length / 2] / 1e6);
      assertTrue(medianMs >= 19 && medianMs <= 21, "median interval " + medianMs);
      double meanMs = (frames.get(frames.size() - 1).atNanos() - frames.get(0).atNanos()) / 1e6 / (frames.size() - 1);
      assertTrue(Math.abs(meanMs - 20) < 0.5, "no drift: mean interval " + meanMs);
    }
  }

  @Test
  void aCallersWavGoesByteIdenticalAndItsShortTailAsOneMessageOfItsFirst88Bytes() throws Exception {
    // A/B: 118 frames byte-identical and adjacent, the 132-byte tail as one 88-byte message; the rest never comes.
    Path speech = TestAudio.numberedSpeech(tmp.resolve("utt1.wav"), 37, 66);
    short[] samples = WavFile.read(speech).samples();
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, TestAudio.toneFrames(10));
      c.await(m -> m.kind() == 0x10 && m.payload().length != 320, 5000);
      c.listen(200);
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b.politeGap(Duration.ofMillis(200)),
        List.of(CallerTurn.says(speech))).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 8000));
      SessionResult call = agi.hangUp();

      List<Message> audio = server.connection(0).received(0x10);
      int first = 0;
      while (audio.get(first).peak() == 0) first++;
      for (int f = 0; f < 37; f++) {
        assertArrayEquals(Arrays.copyOfRange(samples, f * 160, f * 160 + 160), audio.get(first + f).samples(),
            "frame " + f);
      }
      Message tail = audio.get(first + 37);
      assertEquals(88, tail.payload().length);
      assertArrayEquals(Arrays.copyOfRange(samples, 37 * 160, 37 * 160 + 44), tail.samples());
      assertTrue(audio.subList(first + 38, audio.size()).stream().allMatch(m -> m.peak() == 0 && m.payload().length == 320),
          "then silence again");

      CallerSpeech spoken = call.callerSpeech().get(0);
      assertEquals(CallerSpeech.Kind.POLITE, spoken.kind());
      assertEquals(37 * 20 + 5, spoken.endMs() - spoken.startMs(), "37 frames and the 44-sample tail (5.5 ms)");
    }
  }

  @Test
  void aBurstOfMoreThan96FramesLosesItsOldest64() throws Exception {
    // C: 150 frames in one write reach the caller as #64..#149, all at once.
    List<short[]> burst = numberedFrames(150);
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendBurst(burst);
      c.listen(400);
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b, List.of()).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      SessionResult call = agi.hangUp();

      assertHeard(burst.subList(64, 150), call.heard());
      long spread = call.heard().get(85).atMs() - call.heard().get(0).atMs();
      assertTrue(spread <= 10, "all arrive within a few ms, Asterisk does not re-pace: " + spread);
    }
  }

  @Test
  void aBurstOf95FramesPassesWhole() throws Exception {
    List<short[]> burst = numberedFrames(95);
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendBurst(burst);
      c.listen(300);
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b, List.of()).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      assertHeard(burst, agi.hangUp().heard());
    }
  }

  @Test
  void slin16FramesAreAcceptedAndTheCallerHearsThemAt8kHz5MsLater() throws Exception {
    // F: 150 x (12 02 80 + 640 bytes) paced; the caller gets 150 x 320-byte frames, 5 ms (40 samples) late.
    short[] wide = new short[150 * 320];
    for (int i = 0; i < wide.length; i++) wide[i] = (short) (3000 * Math.sin(2 * Math.PI * 1000 * i / 16000.0));
    List<short[]> frames = new ArrayList<>();
    for (int f = 0; f < 150; f++) frames.add(Arrays.copyOfRange(wide, f * 320, f * 320 + 320));
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x12, frames);
      c.listen(200);
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b, List.of()).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 8000));
      SessionResult call = agi.hangUp();

      assertEquals(150, call.heard().size());
      assertTrue(call.heard().stream().allMatch(f -> f.samples().length == 160 && f.kind() == 0x12));
      assertTrue(server.connection(0).received().stream().skip(1)
          .allMatch(m -> m.kind() == 0x10 && m.payload().length == 320), "Asterisk keeps sending 0x10/320");
      short[] heard = new short[150 * 160];
      for (int f = 0; f < 150; f++) System.arraycopy(call.heard().get(f).samples(), 0, heard, f * 160, 160);
      double dot = 0;
      double heardEnergy = 0;
      double refEnergy = 0;
      for (int n = 100; n < heard.length; n++) {
        double ref = 3000 * Math.sin(2 * Math.PI * 1000 * (n - 40) / 8000.0);
        dot += heard[n] * ref;
        heardEnergy += heard[n] * (double) heard[n];
        refEnergy += ref * ref;
      }
      double correlation = dot / Math.sqrt(heardEnergy * refEnergy);
      assertTrue(correlation > 0.99, "the same tone, 40 samples later: " + correlation);
      assertTrue(Math.abs(Math.sqrt(heardEnergy / refEnergy) - 1) < 0.03, "the same level");
    }
  }

  @Test
  void theServersAudioKeepsTheSessionOpenWhileTheCallerSendsNothing() throws Exception {
    // D: 1.5 s of caller silence (Wait) passed without a timeout because the server was streaming.
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, TestAudio.zeroFrames(140));
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b.callerSilence(CallerSilence.NO_FRAMES), List.of()).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 8000));
      SessionResult call = agi.hangUp();
      assertEquals(End.SERVER_CLOSED, call.audioSockets().get(0).end());
      assertEquals(List.of(0x01), server.connection(0).received().stream().map(Message::kind).toList());
    }
  }

  // --- from res_audiosocket.c / app_audiosocket.c, where no capture shows the case

  @Test
  void aMessageOfAKindThatIsNeitherHangupNorAudioEndsTheSessionWithMinusOne() throws Exception {
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendPaced(0x10, TestAudio.toneFrames(3));
      c.sendRaw(new byte[] {0x03, 0x00, 0x01, '1'});
      c.listen(5000);
    }); FastAgiDriver agi = new FastAgiDriver(b -> b, List.of()).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      assertEquals("200 result=6", agi.command("CHANNEL STATUS", 1000));
      AudioSocketRun run = agi.hangUp().audioSockets().get(0);
      assertTrue(run.detail().contains("other than hangup or audio"), run.detail());
      assertTrue(server.connection(0).sawEof());
    }
  }

  @Test
  void aPayloadThatStopsComingFor5MsEndsTheSessionWithMinusOne() throws Exception {
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendRaw(new byte[] {0x10, 0x01, 0x40});
      Thread.sleep(300);
      c.sendRaw(new byte[320]);
      c.listen(5000);
    }); FastAgiDriver agi = new FastAgiDriver(b -> b, List.of()).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      AudioSocketRun run = agi.hangUp().audioSockets().get(0);
      assertTrue(run.detail().contains("Failed to read payload"), run.detail());
    }
  }

  @Test
  void aClosedConnectionInsideAHeaderCountsAsAClose() throws Exception {
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> {
      c.sendRaw(new byte[] {0x10, 0x01});
      c.close();
    }); FastAgiDriver agi = new FastAgiDriver(b -> b, List.of()).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=0", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      agi.hangUp();
    }
  }

  @Test
  void onAChannelNotYetAnsweredTheServerGetsAConnectionButNoUuid() throws Exception {
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> c.listen(5000));
        FastAgiDriver agi = new FastAgiDriver(b -> b, List.of()).accept()) {
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      assertEquals("200 result=4", agi.command("CHANNEL STATUS", 1000));
      AudioSocketRun run = agi.hangUp().audioSockets().get(0);
      assertEquals("ERROR app_audiosocket.c: Channel is not answered", run.detail());
      Connection c = server.connection(0);
      c.awaitEof(1000);
      assertEquals(List.of(), c.received());
    }
  }

  @Test
  void onAHungUpChannelTheServerGetsTheUuidAndThenEof() throws Exception {
    try (FakeAudioSocketServer server = new FakeAudioSocketServer(c -> c.sendPaced(0x10, TestAudio.toneFrames(100)));
        FastAgiDriver agi = new FastAgiDriver(b -> b, List.of(CallerTurn.parse("hangup:100"))).accept()) {
      agi.command("ANSWER", 1000);
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000));
      assertEquals("HANGUP", agi.readLine(1000));
      assertEquals("200 result=-1", agi.command("EXEC AudioSocket " + UUID + "," + server.address(), 5000),
          "EXEC runs on a dead channel, and fails");
      agi.hangUp();
      Connection second = server.connection(1);
      second.awaitEof(1000);
      assertEquals(List.of(0x01), second.received().stream().map(Message::kind).toList());
    }
  }

  // --- helpers

  /** Frames that can be told apart: a tone with the frame's number as its first sample. */
  static List<short[]> numberedFrames(int count) {
    List<short[]> frames = TestAudio.toneFrames(count);
    for (int i = 0; i < count; i++) frames.get(i)[0] = (short) (2000 + i);
    return frames;
  }

  static void assertHeard(List<short[]> expected, List<HeardFrame> heard) {
    assertEquals(expected.size(), heard.size(), "frames heard; first heard #" + (heard.isEmpty() ? "none"
        : String.valueOf(heard.get(0).samples()[0] - 2000)));
    for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), heard.get(i).samples(), "frame " + i);
  }
}
