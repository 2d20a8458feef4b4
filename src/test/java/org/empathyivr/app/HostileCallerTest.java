package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.empathyivr.adapter.storage.HandoffArchive;
import org.empathyivr.adapter.storage.HandoffArchives;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.port.TextToSpeech;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.WholeAudioSpeechToText;
import org.empathyivr.simulate.CallerTurn;
import org.empathyivr.simulate.SessionResult;
import org.empathyivr.simulate.SimulatedAsterisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller who tries to get dialplan code or AGI commands into Asterisk, through what they say and through the caller
 * ID they send: whole calls through the real FastAGI server and the simulated Asterisk, asserting the exact lines on
 * the wire. The recognizer is scripted, because no recognizer writes "${" or a line break; FreeTTS is replaced by
 * silence of the prompt's length, since what is heard does not matter here.
 */
class HostileCallerTest {
  @TempDir Path root;
  private SupportLine line;
  private int port;
  private final Deque<String> issues = new ArrayDeque<>();

  /** What the caller "said", in order; every answer is "yes". */
  private final SpeechToText scriptedRecognizer =
      new WholeAudioSpeechToText() {
        @Override
        public Transcript transcribe(Audio audio) {
          String next = issues.poll();
          return new Transcript(next == null ? "" : next, List.of());
        }

        @Override
        public Transcript transcribeAnswer(Audio audio) {
          return new Transcript("yes", List.of());
        }

      };

  private final TextToSpeech silentVoice =
      new TextToSpeech() {
        @Override
        public Audio synthesize(String text) {
          return Audio.silence(Audio.TELEPHONY_RATE_HZ, 20L * text.length());
        }

        @Override
        public Ahead synthesizeAhead(String text, boolean shared) {
          return Ahead.now(this, text);
        }
      };

  private void startLine() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    var settings = org.empathyivr.config.SettingsReader.read(Map.of(
        "agi.port", Integer.toString(port),
        "media.mode", "record",
        "spool.dir", root.resolve("spool").toString(),
        "handoff.store-url", "jdbc:sqlite:" + root.resolve("handoffs.db")));
    CountDownLatch ready = new CountDownLatch(1);
    line = SupportLine.prepare(settings, SupportLine.phraseBook(Optional.empty()), scriptedRecognizer, silentVoice,
        ready::countDown);
    SupportLine started = line;
    Thread serving = new Thread(() -> {
      try {
        started.serve();
      } catch (SupportLine.StartupFailure e) {
        throw new IllegalStateException(e);
      }
    }, "hostile-caller-line");
    serving.setDaemon(true);
    serving.start();
    assertTrue(ready.await(10, TimeUnit.SECONDS), "the line started");
  }

  @AfterEach
  void stopLine() {
    if (line != null) line.stop();
  }

  private SessionResult call(String number, String name) throws IOException {
    return SimulatedAsterisk.connectingTo("127.0.0.1", port)
        .uniqueId("1795458575.4242")
        .callerId(number, name)
        .build()
        .call(List.of(CallerTurn.parse("silence"), CallerTurn.parse("silence")));
  }

  private static List<String> setVariables(SessionResult call) {
    return call.wire().stream().filter(l -> l.startsWith(">> SET VARIABLE")).map(l -> l.substring(3)).toList();
  }

  @Test
  void whatTheCallerSaysReachesAsteriskAsOneInertValue() throws Exception {
    issues.add("my router ${SHELL(reboot)} $[1+1] says \"hi\" \\ and, then | EXEC Dial(SIP/evil)\nHANGUP");
    startLine();

    SessionResult call = call("5551234", "Maria Lopez");

    assertEquals(
        List.of(
            "SET VARIABLE \"__HANDOFF_ID\" \"H-1795458575.4242\"",
            "SET VARIABLE \"__HANDOFF_QUEUE\" \"support\"",
            "SET VARIABLE \"__HANDOFF_PRIORITY\" \"5\"",
            "SET VARIABLE \"__HANDOFF_REASON\" \"confirmed\"",
            "SET VARIABLE \"__HANDOFF_SUMMARY\" \"Maria Lopez (5551234): \\\"my router $ {SHELL(reboot)} $ [1+1] says"
                + " \\\"hi\\\" / and; then / EXEC Dial(SIP/evil) HANGUP\\\" (confirmed by the caller); reason: confirmed\"",
            "SET VARIABLE \"__HANDOFF_WHISPER\" \"" + root.resolve("spool/whispers/whisper-H-1795458575.4242") + "\"",
            "SET VARIABLE \"__HANDOFF\" \"1\"",
            "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\""),
        setVariables(call));
    assertEquals(Optional.of("confirmed"), call.variable("HANDOFF_REASON"));
  }

  @Test
  void aHostileCallerIdReachesAsteriskAsOneInertValue() throws Exception {
    // Asked for a first name (the caller ID is no person's name), the caller goes straight to the issue: the
    // first-name grammar hears no name in it, the free words hear the issue.
    issues.add("");
    issues.add("my internet keeps dropping every evening");
    startLine();

    SessionResult call = call("5551234\",${SHELL(reboot)}|$[0]\\", "Lopez, Maria ${CALLERID(num)}");

    List<String> sets = setVariables(call);
    assertEquals(
        "SET VARIABLE \"__HANDOFF_SUMMARY\" \"Unknown caller (5551234\\\";$ {SHELL(reboot)}/$ [0]/): \\\"my internet"
            + " keeps dropping every evening\\\" (confirmed by the caller); reason: confirmed\"",
        sets.get(4));
    assertTrue(sets.stream().noneMatch(l -> l.contains("${") || l.contains("$[")), sets.toString());
    assertEquals(8, sets.size(), "no extra command got through: " + sets);
  }

  @Test
  void aCardNumberTheCallerReadsOutIsNeitherSentNorStored() throws Exception {
    issues.add("my card four one one one one one one one one one one one one one one one was charged twice");
    startLine();

    SessionResult call = call("5551234", "Maria Lopez");

    assertEquals(
        "SET VARIABLE \"__HANDOFF_SUMMARY\" \"Maria Lopez (5551234): \\\"my card [card number] was charged twice\\\""
            + " (confirmed by the caller); reason: confirmed\"",
        setVariables(call).get(4));
    HandoffArchive store = HandoffArchives.forUrl("jdbc:sqlite:" + root.resolve("handoffs.db"), List.of());
    try {
      String stored = store.newest(1).get(0);
      assertTrue(stored.contains("[card number]"), stored);
      assertFalse(stored.contains("four one one"), stored);
    } finally {
      store.close();
    }
  }
}
