package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.empathyivr.simulate.Event.Recorded.End;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays every capture of a real Asterisk 22.10.1 session: a scripted service sends the capture's commands to the
 * simulator, with caller turns that reproduce what the lab caller did, and Asterisk's side must come back byte for
 * byte (header, replies, HANGUP placement).
 *
 * <p>Compared by shape only ({@code endpos} and the meaningless {@code result} number of a {@code (timeout)} reply):
 * replies to RECORD FILE commands whose number depends on the lab caller's audio, which the captures do not include.
 * Our caller audio differs, so the sample counts differ; the tags, result codes and line order are still compared.
 */
class CaptureReplayTest {
  @TempDir Path tmp;
  Path sounds;
  Path spool;
  Path testAudio;

  @BeforeEach
  void soundsLikeAsterisksStockOnes() throws IOException {
    sounds = Files.createDirectories(tmp.resolve("sounds"));
    spool = Files.createDirectories(tmp.resolve("spool"));
    testAudio = Files.createDirectories(tmp.resolve("test-audio"));
    TestAudio.wav(sounds.resolve("en/hello-world.wav"), 8000, 11234, Optional.empty());
    TestAudio.wav(sounds.resolve("en/vm-intro.wav"), 8000, 40000, Optional.empty());
  }

  @Test
  void supportTwoTurns() throws Exception {
    SessionResult result = replay("support-two-turns", Set.of(2, 4),
        CallerTurn.says(TestAudio.caller("internet-dropping.wav")), CallerTurn.says(TestAudio.caller("billing.wav")));
    assertEquals("SUCCESS", result.agiStatus());
    assertEquals(Optional.of("test summary"), result.variable("HANDOFF_SUMMARY"));
    assertEquals(List.of(End.SILENCE, End.SILENCE), result.events(Event.Recorded.class).stream()
        .map(Event.Recorded::end).toList());
    assertEquals(2, result.thinkTimesAfterRecordings().size());
  }

  @Test
  void noCallerId() throws Exception {
    SessionResult result = replay("no-callerid", Set.of(), CallerTurn.silence());
    assertEquals(End.TIME_LIMIT, result.events(Event.Recorded.class).get(0).end());
    assertEquals("SUCCESS", result.agiStatus());
  }

  @Test
  void hangupDuringRecord() throws Exception {
    SessionResult result = replay("hangup-during-record", Set.of(2),
        CallerTurn.hangUpAfter(TestAudio.caller("internet-dropping.wav")));
    assertEquals("HANGUP", result.agiStatus());
    assertEquals(End.HANGUP, result.events(Event.Recorded.class).get(0).end());
    assertTrue(result.thinkTimesAfterRecordings().isEmpty());
  }

  @Test
  void hangupWhileServerThinks() throws Exception {
    // Despite its name, the lab caller hung up during the recording (s=1), after speaking: the server "thought"
    // afterwards, on a dead channel.
    SessionResult result = replay("hangup-while-server-thinks", Set.of(2),
        CallerTurn.hangUpAfter(TestAudio.caller("billing.wav")));
    assertEquals("HANGUP", result.agiStatus());
    assertEquals(Optional.of("1"), result.variable("HANDOFF"));
  }

  @Test
  void dtmf() throws Exception {
    // The capture's '#' ended the recording at endpos=35321, an odd sample count a millisecond clock cannot give.
    SessionResult result = replay("dtmf", Set.of(3),
        CallerTurn.keys('1'), CallerTurn.keys('2'), CallerTurn.keys('#'),
        CallerTurn.keys('#', Duration.ofMillis(1960)), CallerTurn.keys('#', Duration.ofMillis(4415)),
        CallerTurn.keys('5'));
    assertEquals(Optional.of('#'), result.events(Event.PromptPlayed.class).get(0).interruptedBy());
    assertEquals(End.KEY, result.events(Event.Recorded.class).get(0).end());
  }

  @Test
  void probe() throws Exception {
    TestAudio.wav(testAudio.resolve("probe8k.wav"), 8000, 22004, Optional.empty());
    TestAudio.wav(testAudio.resolve("probe16k.wav"), 16000, 44008, Optional.empty());
    TestAudio.wav(testAudio.resolve("probe16kwav16.wav16"), 16000, 44008, Optional.empty());
    Files.write(testAudio.resolve("probe16ksln16.sln16"), new byte[44008 * 2]);
    TestAudio.wav(testAudio.resolve("probe44k.wav"), 44100, 121275, Optional.empty());
    TestAudio.stereoWav(testAudio.resolve("probe8kstereo.wav"), 22004);
    TestAudio.ulawWav(testAudio.resolve("probeulaw.wav"), 22004);
    TestAudio.wav(testAudio.resolve("probe8klist.wav"), 8000, 22004, Optional.of("probe 8k list")); // 34-byte LIST
    // The silent recording's result number (time left) is Asterisk's ast_waitfor leftover: shape only.
    SessionResult result = replay("probe", Set.of(38), CallerTurn.silence());
    assertEquals("FAILURE", result.agiStatus());
    assertEquals(Optional.of("x,y"), result.variable("PROBE2"));
    assertTrue(Files.isRegularFile(sounds.resolve("lab-relative-1795458596.314141.wav")));
    assertTrue(Files.isRegularFile(spool.resolve("lab-probe-ulaw-1795458596.314141.ulaw")));
  }

  /**
   * Replays a capture and checks Asterisk's lines against it.
   *
   * @param shapeOnly indexes (0-based, among the capture's commands) of commands whose replies compare by shape
   */
  private SessionResult replay(String name, Set<Integer> shapeOnly, CallerTurn... turns) throws Exception {
    Capture capture = Capture.load(name);
    try (ScriptedFastAgiService service = new ScriptedFastAgiService(capture.lines(), this::localPaths)) {
      SessionResult result = capture.simulatorFor("127.0.0.1", service.port())
          .soundsDirectory(sounds)
          .giveUpAfter(Duration.ofSeconds(20))
          .build()
          .call(List.of(turns));

      // The captured Asterisk called port 4573; this service listens where the OS put it.
      List<String> expected = shaped(capture.lines().stream()
          .map(l -> l.replace("127.0.0.1:4573/", "127.0.0.1:" + service.port() + "/")).toList(), shapeOnly);
      List<String> received = new ArrayList<>(service.received());
      assertEquals("", received.remove(capture.header().size()), "the header ends with an empty line");
      List<String> wire = new ArrayList<>(result.wire());
      assertEquals("<< ", wire.remove(capture.header().size()));
      assertEquals(expected, shaped(wire.stream().map(this::capturePaths).toList(), shapeOnly));
      assertEquals(asterisksSide(expected), asterisksSide(shaped(prefixed(received, capture.lines()), shapeOnly)));
      assertTrue(result.serviceClosedSocket());
      return result;
    }
  }

  /** The service's received lines, as "<< " lines interleaved with the capture's commands for shaping. */
  private static List<String> prefixed(List<String> received, List<String> captureLines) {
    List<String> out = new ArrayList<>();
    int next = 0;
    for (String line : captureLines) {
      if (line.startsWith(">> ")) out.add(line);
      else if (next < received.size()) out.add("<< " + received.get(next++));
    }
    while (next < received.size()) out.add("<< " + received.get(next++));
    return out;
  }

  private static List<String> asterisksSide(List<String> lines) {
    return lines.stream().filter(l -> l.startsWith("<< ")).toList();
  }

  private static List<String> shaped(List<String> lines, Set<Integer> shapeOnly) {
    List<String> out = new ArrayList<>();
    int command = -1;
    for (String line : lines) {
      if (line.startsWith(">> ")) command++;
      boolean shape = line.startsWith("<< ") && shapeOnly.contains(command);
      out.add(shape ? line.replaceAll("endpos=\\d+", "endpos=N").replaceAll("result=\\d+ \\(timeout\\)",
          "result=N (timeout)") : line);
    }
    return out;
  }

  private String localPaths(String command) {
    return command.replace("/var/spool/empathy-ivr/", spool + "/").replace("/srv/test-audio/", testAudio + "/");
  }

  private String capturePaths(String line) {
    return line.replace(spool + "/", "/var/spool/empathy-ivr/").replace(testAudio + "/", "/srv/test-audio/");
  }
}
