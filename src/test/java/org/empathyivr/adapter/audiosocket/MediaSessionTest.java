package org.empathyivr.adapter.audiosocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.Listening;
import org.empathyivr.domain.port.Played;
import org.empathyivr.domain.port.Recording;
import org.empathyivr.domain.port.TurnEnding;
import org.empathyivr.domain.port.TurnListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A call's audio over AudioSocket, against Asterisk's end of the session as the lab captures show it. */
class MediaSessionTest {
  private static final Path CALLERS = Path.of("src/test/resources/callers");
  private static final Listening ISSUE =
      new Listening(20_000, 3, "0#",
          TurnEnding.statement(Duration.ofMillis(500), Duration.ofMillis(1500)));

  private MediaServer server;
  private MediaServer.Expected expected;
  private AsteriskSide asterisk;
  private MediaSession session;

  @BeforeEach
  void listen() throws Exception {
    server = new MediaServer(InetAddress.getLoopbackAddress(), 0, "127.0.0.1", List.of(), true);
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (session != null) session.end();
    if (asterisk != null) asterisk.close();
    server.close();
  }

  private void connect() throws Exception {
    expected = server.expect();
    String args = expected.execArguments();
    assertTrue(args.matches("[0-9a-f-]{36},127\\.0\\.0\\.1:" + server.port()), args);
    asterisk = new AsteriskSide(server.port(), UUID.fromString(args.substring(0, 36)));
    session = expected.await(Duration.ofSeconds(2)).orElseThrow();
  }

  private static short[] wav(String name) throws Exception {
    return WavFile.read(CALLERS.resolve(name)).samples();
  }

  private static Audio audio(short[] samples) {
    return new Audio(8000, samples);
  }

  @Test
  void aPromptGoesOutAs320ByteFramesPacedEvery20MsThenSilenceKeepsTheSessionOpen() throws Exception {
    connect();
    short[] prompt = wav("weather.wav");
    long started = System.nanoTime();
    assertEquals(Played.WHOLE, session.play(audio(prompt), "", false, false));
    long took = System.nanoTime() - started;
    Thread.sleep(300);
    List<AsteriskSide.Received> got = asterisk.received();
    assertTrue(got.stream().allMatch(r -> r.kind() == 0x10 && r.payload().length == 320), "kinds and lengths");
    int frames = (prompt.length + 159) / 160;
    // Real time, never a burst (Asterisk drops the oldest 64 of more than 96 queued frames).
    assertTrue(took >= (frames - 2) * 20_000_000L, "played in " + took / 1_000_000 + " ms, " + frames + " frames");
    for (int i = 0; i + 10 < got.size(); i++) {
      assertTrue(got.get(i + 10).nanos() - got.get(i).nanos() > 120_000_000L, "11 frames within 120 ms at " + i);
    }
    short[] heard = got.stream().map(AsteriskSide.Received::samples).reduce(new short[0], MediaSessionTest::concat);
    int at = indexOf(heard, Arrays.copyOf(prompt, 160));
    assertTrue(at >= 0, "the prompt's first frame went out as it is");
    assertArrayEquals(Arrays.copyOf(prompt, frames * 160), Arrays.copyOfRange(heard, at, at + frames * 160));
    assertTrue(got.get(got.size() - 1).payload()[0] == 0 && !got.get(got.size() - 1).sound(), "silence after it");
  }

  @Test
  void aCallerWhoStartsSpeakingOverAPromptStopsItAndTheirWordsFromTheStartAreTheirTurn() throws Exception {
    connect();
    short[] prompt = concat(wav("weather.wav"), wav("weather.wav"));
    short[] speech = wav("internet-dropping.wav");
    Thread caller = new Thread(() -> {
      sleep(800);
      asterisk.says(speech);
    });
    caller.start();
    assertEquals(Played.CALLER_SPOKE, session.play(audio(prompt), "0", true, false));
    long stopped = System.nanoTime();
    long since = stopped - (asterisk.speechStartedNanos() + firstLoud(speech) / 8 * 1_000_000L);
    assertTrue(since < 300_000_000L, "stopped " + since / 1_000_000 + " ms after the caller started");
    Recording turn = session.listen(ISSUE, words("my internet keeps dropping every evening"));
    assertEquals(Recording.End.SILENCE, turn.end());
    short[] heard = turn.audio().samples();
    int start = firstLoud(speech);
    int at = indexOf(heard, Arrays.copyOfRange(speech, start, start + 160));
    assertTrue(at >= 0, "the first loud frame of the caller's speech is in the turn");
    assertTrue(at <= 160 * (MediaSession.PRE_ROLL_FRAMES + 2), "and near its start: sample " + at);
  }

  @Test
  void thePromptLeakingBackAtMinus20DbIsNotTheCallerBargingIn() throws Exception {
    connect();
    asterisk.echoes(-20);
    assertEquals(Played.WHOLE, session.play(audio(concat(wav("weather.wav"), wav("billing.wav"))), "0", true, false));
  }

  @Test
  void aCoughAndLineNoiseDoNotStopAPrompt() throws Exception {
    connect();
    Random random = new Random(7);
    short[] noise = new short[8000 * 4];
    for (int i = 0; i < noise.length; i++) noise[i] = (short) (random.nextGaussian() * 180); // about -45 dBFS hiss
    short[] cough = new short[2400]; // 300 ms: a burst of noise that dies away
    for (int i = 0; i < cough.length; i++) cough[i] = (short) (random.nextGaussian() * 6000 * Math.exp(-i / 900.0));
    System.arraycopy(cough, 0, noise, 8000, cough.length);
    asterisk.says(noise);
    assertEquals(Played.WHOLE, session.play(audio(wav("weather.wav")), "0", true, false));
  }

  @Test
  void aPromptHeardWholeIsNotStoppedBySpeechButAKeyStillStopsOneThatTakesIt() throws Exception {
    connect();
    asterisk.says(wav("internet-dropping.wav"));
    assertEquals(Played.WHOLE, session.play(audio(wav("weather.wav")), "", false, false));
    Thread presser = new Thread(() -> {
      sleep(300);
      try {
        asterisk.press('0');
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    presser.start();
    assertEquals(Played.byKey('0'), session.play(audio(wav("weather.wav")), "0", false, false));
  }

  @Test
  void theTurnEndsSoonAfterAFinishedSentenceAndWaitsLongerAfterAnUnfinishedOne() throws Exception {
    connect();
    short[] speech = wav("internet-dropping.wav");
    asterisk.says(speech);
    Recording finished = session.listen(ISSUE, words("my internet keeps dropping every evening"));
    long finishedEnd = System.nanoTime() - (asterisk.speechStartedNanos() + lastLoudEnd(speech) / 8 * 1_000_000L);
    Thread.sleep(1_000);
    asterisk.says(speech);
    Recording unfinished = session.listen(ISSUE, words("my internet keeps dropping every evening when i"));
    long unfinishedEnd = System.nanoTime() - (asterisk.speechStartedNanos() + lastLoudEnd(speech) / 8 * 1_000_000L);
    assertEquals(Recording.End.SILENCE, finished.end());
    assertEquals(Recording.End.SILENCE, unfinished.end());
    assertTrue(finishedEnd >= 450_000_000L && finishedEnd < 800_000_000L, "finished: " + finishedEnd / 1_000_000 + " ms after the speech");
    assertTrue(unfinishedEnd >= 1_400_000_000L, "unfinished: " + unfinishedEnd / 1_000_000 + " ms after the speech");
  }

  @Test
  void aCallerWhoSaysNothingIsAnsweredAfterTheListeningsSilenceEvenWhenAsteriskSendsNoFrames() throws Exception {
    connect();
    asterisk.sendsNothingInSilence();
    long started = System.nanoTime();
    Recording nothing = session.listen(
        new Listening(8_000, 1, "012#",
            TurnEnding.answer(Duration.ofMillis(400), Duration.ofMillis(1000))),
        words(""));
    assertEquals(Recording.End.SILENCE, nothing.end());
    assertTrue(System.nanoTime() - started >= 1_000_000_000L);
  }

  @Test
  void aStopKeyEndsTheTurnAndAKeyPressedBetweenTurnsWaitsForTheNext() throws Exception {
    connect();
    asterisk.press('0');
    Thread.sleep(100);
    Recording keyed = session.listen(ISSUE, words(""));
    assertEquals(Recording.ofKey(keyed.audio(), '0'), keyed);
  }

  @Test
  void whenTheCallerHangsUpTheirWordsSoFarAreKept() throws Exception {
    connect();
    short[] speech = wav("internet-dropping.wav");
    asterisk.says(Arrays.copyOf(speech, speech.length / 2));
    Thread hangUp = new Thread(() -> {
      sleep(speech.length / 2 / 8 + 100);
      try {
        asterisk.close();
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    hangUp.start();
    SessionLost lost = assertThrows(SessionLost.class, () -> session.listen(ISSUE, words("my internet keeps")));
    assertTrue(lost.getMessage().contains("closed"), lost.getMessage());
    assertTrue(lost.partial().orElseThrow().durationMs() >= speech.length / 2 / 8 - 100);
    assertThrows(SessionLost.class, () -> session.play(audio(wav("yes.wav")), "", true, false));
  }

  @Test
  void bytesAsteriskNeverSendsEndTheSessionWithAClearReason() throws Exception {
    connect();
    asterisk.sendRaw(new byte[] {0x10, 0, 0});
    SessionLost lost = assertThrows(SessionLost.class, () -> session.listen(ISSUE, words("")));
    assertTrue(lost.getMessage().contains("protocol error") && lost.getMessage().contains("0 bytes"), lost.getMessage());
    stop();
    listen();
    connect();
    asterisk.sendRaw(new byte[] {0x42, 0, 1, 7});
    lost = assertThrows(SessionLost.class, () -> session.listen(ISSUE, words("")));
    assertTrue(lost.getMessage().contains("unknown kind 0x42"), lost.getMessage());
  }

  @Test
  void theServiceEndsTheSessionWithTheHangupMessageThenCloses() throws Exception {
    connect();
    session.end();
    Thread.sleep(200);
    List<AsteriskSide.Received> got = asterisk.received();
    AsteriskSide.Received last = got.get(got.size() - 1);
    assertEquals(0x00, last.kind());
    assertEquals(0, last.payload().length);
  }

  @Test
  void aConnectionForNoCallOrWithoutItsUuidIsClosed() throws Exception {
    try (AsteriskSide stranger = new AsteriskSide(server.port(), UUID.randomUUID())) {
      Thread.sleep(300);
      assertTrue(stranger.received().isEmpty());
    }
    expected = server.expect();
    expected.close();
    assertEquals(Optional.empty(), expected.await(Duration.ofMillis(50)));
  }

  private static TurnListener words(String said) {
    AtomicReference<String> words = new AtomicReference<>(said);
    return new TurnListener() {
      @Override
      public void hear(Audio piece) {}

      @Override
      public Optional<String> wordsSoFar() {
        return Optional.of(words.get()).filter(w -> !w.isEmpty());
      }
    };
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static short[] concat(short[] a, short[] b) {
    short[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static int firstLoud(short[] samples) {
    for (int at = 0; at + 160 <= samples.length; at += 160) {
      if (SpeechDetector.levelDb(Arrays.copyOfRange(samples, at, at + 160)) > -40) return at;
    }
    return 0;
  }

  private static int lastLoudEnd(short[] samples) {
    int end = 0;
    for (int at = 0; at + 160 <= samples.length; at += 160) {
      if (SpeechDetector.levelDb(Arrays.copyOfRange(samples, at, at + 160)) > -50) end = at + 160;
    }
    return end;
  }

  private static int indexOf(short[] haystack, short[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }
}
