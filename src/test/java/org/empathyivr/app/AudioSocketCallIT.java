package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.simulate.AudioSocketRun;
import org.empathyivr.simulate.CallerSpeech;
import org.empathyivr.simulate.SessionResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole calls whose audio streams over AudioSocket, as a real Asterisk 22 streams it (the simulated Asterisk speaks
 * it byte for byte as the lab captures show), through the real server, Vosk and FreeTTS, in real time. Each story is
 * what a caller lives through; the figures it prints are those the issue sets targets for (the bench measures them
 * under load).
 */
class AudioSocketCallIT {
  @TempDir static Path root;
  private static RunningSupportLine line;

  @BeforeAll
  static void startTheLine() throws Exception {
    line = RunningSupportLine.start(root, "", "jdbc:sqlite:" + root.resolve("handoffs.db"),
        Map.of("media.mode", "audiosocket", "spool.keep-recordings-hours", "1"));
  }

  @AfterAll
  static void stopTheLine() throws Exception {
    if (line != null) line.close();
  }

  @Test
  void aCallerWhoWaitsForEachPromptIsAnsweredTheMomentTheyStopAndHandedOffWithinTwentyFiveSeconds() throws Exception {
    SessionResult call = line.call("5551234", "Maria Lopez", "internet-dropping.wav", "yes.wav");

    print("two-turn call", call);
    assertEquals("confirmed", call.variable("HANDOFF_REASON").orElseThrow(), call.wire().toString());
    assertTrue(call.variable("HANDOFF_SUMMARY").orElseThrow().contains("internet"), call.variable("HANDOFF_SUMMARY").get());
    AudioSocketRun session = call.audioSockets().get(0);
    assertEquals(AudioSocketRun.End.SERVER_HANGUP, session.end(), "the service ends the session: " + session);
    assertEquals("200 result=0", session.reply());
    assertEquals(2, call.replyLatencies().size(), "a reply after each turn: " + call.replyLatencies());
    for (Duration reply : call.replyLatencies()) assertTrue(reply.toMillis() < 1_600, "reply after " + reply);
    assertTrue(call.callTime().orElseThrow().toMillis() <= 25_000, "answer to handoff: " + call.callTime().get());
    assertEquals(0, spokenOver(call), "the caller was not talked over");
  }

  @Test
  void eachTurnIsKeptForTheRetentionTheAdminSetThoughAsteriskWroteNoFile() throws Exception {
    Set<Path> before = keptCalls();
    SessionResult call = line.call("5551234", "Maria Lopez", "internet-dropping.wav", "yes.wav");

    assertEquals("confirmed", call.variable("HANDOFF_REASON").orElseThrow(), call.wire().toString());
    Set<Path> kept = keptCalls();
    kept.removeAll(before);
    assertEquals(1, kept.size(), "one directory for the call: " + kept);
    List<Path> turns;
    try (Stream<Path> files = Files.list(kept.iterator().next())) {
      turns = files.sorted().toList();
    }
    assertEquals(2, turns.size(), "the issue and the yes: " + turns);
    Audio issue = WavFile.read(turns.get(0));
    Audio yes = WavFile.read(turns.get(1));
    Audio said = WavFile.read(Path.of("src/test/resources/callers/internet-dropping.wav"));
    assertTrue(issue.durationMs() >= said.durationMs() - 500, issue + " for " + said);
    assertTrue(yes.durationMs() < issue.durationMs(), yes + " after " + issue);
  }

  private static Set<Path> keptCalls() throws IOException {
    Path recordings = line.spool.resolve("recordings");
    if (!Files.isDirectory(recordings)) return new HashSet<>();
    try (Stream<Path> dirs = Files.list(recordings)) {
      return dirs.collect(Collectors.toCollection(HashSet::new));
    }
  }

  @Test
  void aCallerWhoStartsTalkingDuringTheGreetingStopsItAndIsHeardFromTheirFirstWord() throws Exception {
    SessionResult call = line.call("5551234", "Maria Lopez", "barge:1500:internet-dropping.wav", "yes.wav");

    print("barge-in", call);
    assertEquals("confirmed", call.variable("HANDOFF_REASON").orElseThrow(), call.wire().toString());
    assertTrue(call.variable("HANDOFF_SUMMARY").orElseThrow().contains("internet"), call.variable("HANDOFF_SUMMARY").get());
    assertEquals(1, call.bargeInStopTimes().size(), call.callerSpeech().toString());
    assertTrue(call.bargeInStopTimes().get(0).toMillis() <= 300, "stopped after " + call.bargeInStopTimes().get(0));
  }

  @Test
  void thePromptLeakingBackAtMinus20DbIsNeverTakenForTheCaller() throws Exception {
    SessionResult call = line.call(asterisk -> asterisk.echo(-20), "5551234", "Maria Lopez",
        "internet-dropping.wav", "yes.wav");

    print("echo at -20 dB", call);
    assertEquals("confirmed", call.variable("HANDOFF_REASON").orElseThrow(), call.wire().toString());
    assertTrue(call.variable("HANDOFF_SUMMARY").orElseThrow().contains("internet"), call.variable("HANDOFF_SUMMARY").get());
    assertEquals(2, call.replyLatencies().size(), "every prompt played whole, the caller answered each");
  }

  /** Every caller of the call corpus who pauses for a second mid-sentence, in seven voices. */
  @ParameterizedTest
  @ValueSource(strings = {"deny-02-3", "ramble-04-1", "num-07-1", "worry-01-1", "pause-01-1", "pause-02-1",
      "pause-03-1", "pause-04-1"})
  void aCallerWhoPausesMidSentenceIsNotCutOff(String said) throws Exception {
    // The caller hangs up the moment they have finished: a reply begun at their pause would be heard over them.
    SessionResult call = line.call("5551234", "Maria Lopez", "hangup-after:calls/" + said + ".wav");

    print("pause mid-sentence " + said, call);
    assertEquals(0, spokenOver(call), "the assistant spoke while the caller was still speaking");
    assertEquals(1, call.callerSpeech().size(), call.callerSpeech().toString());
    assertFalse(call.variable("HANDOFF_SUMMARY").orElseThrow().contains("no issue heard"));
  }

  @Test
  void aConnectionThatBreaksWhileTheCallerSpeaksEndsInAnApologyAndAHandoffWithWhatWasHeard() throws Exception {
    // The caller starts speaking about 7 s in; the network drops the AudioSocket connection 8.7 s in.
    SessionResult call = line.call(asterisk -> asterisk.breakAudioSocketAfter(Duration.ofMillis(8_700)),
        "5551234", "Maria Lopez", "internet-dropping.wav", "yes.wav");

    print("connection broken", call);
    assertEquals(AudioSocketRun.End.BROKEN, call.audioSockets().get(0).end(), call.audioSockets().toString());
    assertEquals("error", call.variable("HANDOFF_REASON").orElseThrow(), call.wire().toString());
    assertTrue(call.variable("HANDOFF_SUMMARY").orElseThrow().contains("internet"), call.variable("HANDOFF_SUMMARY").get());
    assertTrue(call.wire().stream().anyMatch(l -> l.startsWith(">> STREAM FILE")), "the apology is played as a file: "
        + call.wire());
    assertEquals("SUCCESS", call.agiStatus());
  }

  @Test
  void keysWorkAsTheyDoOnEveryLine() throws Exception {
    SessionResult call = line.call("5551234", "Maria Lopez", "dtmf:0");

    assertEquals("caller-asked", call.variable("HANDOFF_REASON").orElseThrow(), call.wire().toString());
  }

  @Test
  void aCallerWhoHangsUpAfterTheIssueHasItInTheSummary() throws Exception {
    SessionResult call = line.call("5551234", "Maria Lopez", "hangup-after:internet-dropping.wav");

    assertEquals("caller-hung-up", call.variable("HANDOFF_REASON").orElseThrow(), call.wire().toString());
    assertTrue(call.variable("HANDOFF_SUMMARY").orElseThrow().contains("internet"), call.variable("HANDOFF_SUMMARY").get());
    assertEquals(AudioSocketRun.End.CALLER_HANGUP, call.audioSockets().get(0).end());
  }

  /** Callers the assistant spoke over (a frame with sound while they were still speaking, after its first 300 ms). */
  private static int spokenOver(SessionResult call) {
    int over = 0;
    for (CallerSpeech speech : call.callerSpeech()) {
      if (speech.kind() != CallerSpeech.Kind.POLITE) continue;
      boolean talkedOver = call.heard().stream().anyMatch(f -> f.atMs() > speech.startMs() + 300
          && f.atMs() < speech.endMs() - 20 && f.peak() >= 300);
      if (talkedOver) over++;
    }
    return over;
  }

  private static void print(String story, SessionResult call) {
    List<Long> replies = call.replyLatencies().stream().map(Duration::toMillis).toList();
    List<Long> stops = call.bargeInStopTimes().stream().map(Duration::toMillis).toList();
    System.out.printf("AUDIOSOCKET %s: end of speech -> reply %s ms; speech over a prompt -> stopped %s ms;"
        + " answer -> handoff %s ms; %s%n", story, replies, stops,
        call.callTime().map(Duration::toMillis).orElse(-1L), call.variable("HANDOFF_SUMMARY").orElse("no summary"));
    assertFalse(call.gaveUp());
  }
}
