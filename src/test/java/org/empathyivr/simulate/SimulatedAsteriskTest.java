package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.simulate.Event.Recorded.End;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour a service meets on a real line, one feature per test, through a scripted service over loopback. */
class SimulatedAsteriskTest {
  private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";

  @TempDir Path tmp;
  Path prompt;

  @BeforeEach
  void aPromptWithItsText() throws Exception {
    prompt = TestAudio.wav(tmp.resolve("greeting.wav"), 8000, 16000, Optional.of("Hi, how can I help?"));
  }

  @Test
  void promptPlayedCarriesTheWavComment() throws Exception {
    SessionResult call = call(List.of(command("STREAM FILE \"" + base(prompt) + "\" \"\"", 1)));
    assertEquals(List.of(new Event.PromptPlayed(prompt, Optional.of("Hi, how can I help?"), 2000, Optional.empty())),
        call.events(Event.PromptPlayed.class));
    assertEquals("<< 200 result=0 endpos=16020", call.wire().get(call.wire().size() - 1)); // a 40-byte LIST chunk: Asterisk assumes a 44-byte header
  }

  @Test
  void hangupDuringPromptIsToldJustBeforeTheNextReply() throws Exception {
    SessionResult call = call(List.of(
            command("STREAM FILE " + base(prompt) + " \"\"", 1),
            command("SET VARIABLE HANDOFF 1", 2),
            command("STREAM FILE " + base(prompt) + " \"\"", 1)),
        CallerTurn.hangUp());
    assertEquals(List.of(
            ">> STREAM FILE " + base(prompt) + " \"\"", "<< 200 result=-1 endpos=20",
            ">> SET VARIABLE HANDOFF 1", "<< HANGUP", "<< 200 result=1",
            ">> STREAM FILE " + base(prompt) + " \"\"", "<< " + DEAD),
        afterHeader(call));
    assertEquals("HANGUP", call.agiStatus());
    assertEquals(Optional.of("1"), call.variable("HANDOFF"));
  }

  @Test
  void timedHangupCutsThePromptWhereTheCallerHungUp() throws Exception {
    long start = System.nanoTime();
    SessionResult call = call(List.of(command("STREAM FILE " + base(prompt) + " \"\"", 2)),
        CallerTurn.parse("hangup:300"));
    assertTrue(System.nanoTime() - start >= 300_000_000L, "the caller hangs up 300 ms in");
    assertEquals(List.of("<< 200 result=-1 endpos=" + (2400 + 20), "<< HANGUP"), afterCommand(call));
    assertTrue(call.events(Event.HungUp.class).get(0).whenMs() >= 300);
  }

  @Test
  void keyInTheEscapeDigitsInterruptsThePrompt() throws Exception {
    SessionResult call = call(List.of(command("STREAM FILE " + base(prompt) + " \"#5\"", 1)),
        CallerTurn.parse("dtmf:5@500"));
    assertEquals(List.of("<< 200 result=53 endpos=" + (4000 + 20)), afterCommand(call));
    assertEquals(Optional.of('5'), call.events(Event.PromptPlayed.class).get(0).interruptedBy());
  }

  @Test
  void streamFileWithoutEscapeDigitsGetsTheUsageReply() throws Exception {
    SessionResult call = call(List.of(command("STREAM FILE " + base(prompt), 7)));
    List<String> reply = afterCommand(call);
    assertEquals("<< 520-Invalid command syntax.  Proper usage follows:", reply.get(0));
    assertEquals("<< 520 End of proper usage.", reply.get(6));
    assertEquals("SUCCESS", call.agiStatus());
  }

  @Test
  void promptNamedWithItsExtensionFailsAndMakesTheStatusFailure() throws Exception {
    SessionResult call = call(List.of(command("STREAM FILE " + prompt + " \"\"", 1)));
    assertEquals(List.of("<< 200 result=-1 endpos=0"), afterCommand(call));
    assertEquals("FAILURE", call.agiStatus());
  }

  @Test
  void recordingIntoAMissingDirectoryIsAWriteFileFailure() throws Exception {
    SessionResult call = call(List.of(command("RECORD FILE " + tmp.resolve("no/such/dir/r") + " wav \"#\" 5000 0 s=2", 1)));
    assertEquals(List.of("<< 200 result=-1 (writefile)"), afterCommand(call));
    assertEquals("FAILURE", call.agiStatus());
  }

  @Test
  void aFullDiskDoesNotStopTheRecordingAsteriskAnswersAsUsualWithThePositionOfWhatReachedTheDisk() throws Exception {
    // /dev/full refuses every write with ENOSPC, as a full disk does; the file is created all the same.
    Path caller = TestAudio.wav(tmp.resolve("caller.wav"), 8000, 12000, Optional.empty());
    Files.createSymbolicLink(tmp.resolve("rec-1.wav"), Path.of("/dev/full"));
    Files.createSymbolicLink(tmp.resolve("rec-2.wav"), Path.of("/dev/full"));
    SessionResult call = call(List.of(command("RECORD FILE " + tmp.resolve("rec-1") + " wav \"#\" 10000 0 s=2", 1),
            command("RECORD FILE " + tmp.resolve("rec-2") + " wav \"#\" 1000 0", 1)),
        CallerTurn.says(caller), CallerTurn.says(caller));
    List<String> replies = afterCommand(call);
    // Silence: the rewind fails with the flush, and wav_tell() of a file without even its header is (0 - 44) / 2.
    assertEquals("<< 200 result=6480 (timeout) endpos=-22", replies.get(0));
    // Time limit: the position after the last frame counts the buffered bytes, which the close then drops.
    assertEquals("<< 200 result=0 (timeout) endpos=8000", replies.get(2));
    assertEquals("SUCCESS", call.agiStatus(), "handle_recordfile() returns success: no FAILURE at the end");
  }

  @Test
  void recordingKeepsTheCallersAudioAndAboutOneSecondOfSilence() throws Exception {
    Path caller = TestAudio.wav(tmp.resolve("caller.wav"), 8000, 12000, Optional.empty());
    Path recording = tmp.resolve("rec-1");
    SessionResult call = call(List.of(command("RECORD FILE " + recording + " wav \"#\" 10000 0 s=2", 1),
            command("SET VARIABLE HANDOFF 1", 1)),
        CallerTurn.says(caller));
    Audio recorded = WavFile.read(tmp.resolve("rec-1.wav"));
    assertEquals(8000, recorded.sampleRateHz());
    assertEquals(12000 + 8160, recorded.sampleCount()); // speech, then 2.02 s of silence rewound by 1 s
    assertEquals("<< 200 result=6480 (timeout) endpos=20160", afterCommand(call).get(0));
    assertEquals(End.SILENCE, call.events(Event.Recorded.class).get(0).end());
    assertEquals(1, call.thinkTimesAfterRecordings().size());
  }

  @Test
  void aBargeInTurnOnARecordFileCallIsRecordedAsTheCallerSpeaking() throws Exception {
    // STREAM FILE cannot be barged in on: the recording that follows hears the caller as it would a Says.
    Path caller = TestAudio.wav(tmp.resolve("caller.wav"), 8000, 12000, Optional.empty());
    SessionResult call = call(List.of(command("STREAM FILE " + base(prompt) + " \"\"", 1),
            command("RECORD FILE " + tmp.resolve("rec-1") + " wav \"#\" 10000 0 s=2", 1)),
        CallerTurn.interrupts(caller, Duration.ofMillis(300)));
    assertEquals(List.of("<< 200 result=0 endpos=16020", ">> RECORD FILE " + tmp.resolve("rec-1") + " wav \"#\" 10000 0 s=2",
        "<< 200 result=6480 (timeout) endpos=20160"), afterCommand(call));
    assertEquals(List.of(new Event.CallerSpoke(caller)), call.events(Event.CallerSpoke.class));
  }

  @Test
  void hangupAfterSpeakingEndsTheRecordingWithTheAudioSoFar() throws Exception {
    Path caller = TestAudio.wav(tmp.resolve("caller.wav"), 8000, 12000, Optional.empty());
    SessionResult call = call(List.of(command("RECORD FILE " + tmp.resolve("r") + " wav \"#\" 10000 0 s=2", 2),
            command("ANSWER", 1)),
        CallerTurn.hangUpAfter(caller));
    assertEquals(List.of("<< 200 result=-1 (hangup) endpos=12000", "<< HANGUP", ">> ANSWER", "<< " + DEAD),
        afterCommand(call));
    assertEquals(12000, WavFile.read(tmp.resolve("r.wav")).sampleCount());
    assertTrue(call.thinkTimesAfterRecordings().isEmpty());
  }

  @Test
  void callerHangsUpWhenTheServiceStaysSilent() throws Exception {
    SessionResult call = callWith(
        List.of(command("ANSWER", 2), command("SET VARIABLE __HANDOFF 1", 1), command("CHANNEL STATUS", 1)),
        b -> b.hangUpWhenServiceSilentFor(Duration.ofMillis(200)), CallerTurn.hangUp());
    assertEquals(List.of("<< 200 result=0", "<< HANGUP", ">> SET VARIABLE __HANDOFF 1", "<< 200 result=1",
        ">> CHANNEL STATUS", "<< " + DEAD), afterCommand(call));
    assertEquals("HANGUP", call.agiStatus());
    assertEquals(Optional.of("1"), call.variable("HANDOFF"));
    assertEquals("1", call.variables().get("__HANDOFF"));
  }

  @Test
  void unknownCommandsAndApplications() throws Exception {
    SessionResult call = call(List.of(command("FOO BAR", 1), command("EXEC NoSuchApp x", 1),
        command("GET VARIABLE NOPE", 1), command("SET VARIABLE AJ_AGISTATUS SUCCESS", 1)));
    assertEquals(List.of("<< 510 Invalid or unknown command", ">> EXEC NoSuchApp x", "<< 200 result=-2",
        ">> GET VARIABLE NOPE", "<< 200 result=0", ">> SET VARIABLE AJ_AGISTATUS SUCCESS", "<< 200 result=1"),
        afterCommand(call));
    assertEquals(Optional.of("SUCCESS"), call.ajAgiStatus());
  }

  // --- a tiny scripted service: each entry is a command and how many lines Asterisk answers with

  private record Step(String command, int replyLines) {}

  private static Step command(String command, int replyLines) {
    return new Step(command, replyLines);
  }

  private static String base(Path wav) {
    String s = wav.toString();
    return s.substring(0, s.length() - ".wav".length());
  }

  private SessionResult call(List<Step> steps, CallerTurn... turns) throws Exception {
    return callWith(steps, b -> b, turns);
  }

  private SessionResult callWith(List<Step> steps,
      java.util.function.UnaryOperator<SimulatedAsterisk.Builder> settings, CallerTurn... turns) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("<< header");
    for (Step step : steps) {
      lines.add(">> " + step.command());
      for (int i = 0; i < step.replyLines(); i++) lines.add("<< reply");
    }
    try (ScriptedFastAgiService service = new ScriptedFastAgiService(lines, c -> c)) {
      SessionResult result = settings.apply(SimulatedAsterisk.connectingTo("127.0.0.1", service.port()))
          .giveUpAfter(Duration.ofSeconds(20))
          .build()
          .call(List.of(turns));
      service.received();
      assertTrue(result.serviceClosedSocket());
      return result;
    }
  }

  private static List<String> afterHeader(SessionResult call) {
    List<String> wire = call.wire();
    return wire.subList(wire.indexOf("<< ") + 1, wire.size());
  }

  /** The lines after the first command. */
  private static List<String> afterCommand(SessionResult call) {
    List<String> lines = afterHeader(call);
    return lines.subList(1, lines.size());
  }
}
