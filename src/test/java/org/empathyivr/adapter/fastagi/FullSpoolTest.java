package org.empathyivr.adapter.fastagi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.summary.HandoffReason;
import org.empathyivr.simulate.CallerTurn;
import org.empathyivr.simulate.SessionResult;
import org.empathyivr.simulate.SimulatedAsterisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The spool's disk fills up: a recording Asterisk could not write (here it writes into {@code /dev/full}, which
 * refuses every write with ENOSPC, as a full disk does) hands the caller to a human with reason error, and the
 * operator is told once per cause. FullSpoolDiskIT does the same on a real full file system.
 */
class FullSpoolTest {
  private static final String CALL_ID = "1795458575.515151";

  @TempDir Path dir;

  @Test
  void aRecordingTheFullDiskCutShortHandsTheCallerToAHumanWithReasonError() throws Exception {
    SavedHandoffs store = new SavedHandoffs();
    SupportLineAgiScript script = Scripts.supportLine(dir.resolve("spool"), new ScriptedSpeech("my bill", "yes"), store, 4);
    List<String> errors = new CopyOnWriteArrayList<>();
    script.observe(new CallObserver() {
      @Override
      public void error(String kind) {
        errors.add(kind);
      }
    });
    // The caller's first answer (after the greeting, prompt 1) is recording 2 of the call.
    Path callDir = Files.createDirectories(dir.resolve("spool/calls/" + CALL_ID));
    Files.createSymbolicLink(callDir.resolve("rec-2.wav"), Path.of("/dev/full"));
    Path speaks = dir.resolve("caller.wav");
    WavFile.write(speaks, Audio.silence(Audio.TELEPHONY_RATE_HZ, 1500), Optional.empty());

    SessionResult call;
    try (ServedLine line = ServedLine.start(script)) {
      call = SimulatedAsterisk.connectingTo("127.0.0.1", line.port)
          .uniqueId(CALL_ID)
          .build()
          .call(List.of(new CallerTurn.Says(speaks), new CallerTurn.Says(speaks)));
    }

    assertTrue(call.wire().stream().anyMatch(l -> l.matches("<< 200 result=\\d+ \\(timeout\\) endpos=-22")),
        "Asterisk answers as usual: " + call.wire());
    assertEquals(Optional.of("error"), call.variable("HANDOFF_REASON"));
    assertEquals(Optional.of("1"), call.variable("HANDOFF"));
    assertEquals(HandoffReason.ERROR, store.saved.get(0).reason());
    assertTrue(errors.contains(SpoolAlarm.ERROR_KIND), errors.toString());
    assertFalse(Files.exists(callDir), "the call's files are gone with it");
  }

  @Test
  void theOperatorIsToldOncePerCauseUntilThatCauseIsWrittenAgain() {
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(SpoolAlarm.class);
    Level level = logger.getLevel();
    logger.setLevel(Level.INFO);
    captured.start();
    logger.addAppender(captured);
    List<String> counted = new CopyOnWriteArrayList<>();
    CallObserver observer = new CallObserver() {
      @Override
      public void error(String kind) {
        counted.add(kind);
      }
    };
    try {
      SpoolAlarm alarm = new SpoolAlarm(dir);
      for (int call = 0; call < 5; call++) {
        alarm.noSpace("recordings", "callers are handed to a human", observer);
        alarm.noSpace("whisper audio", "agents read the summary", observer);
      }
      alarm.wrote("recordings");
      alarm.wrote("recordings");
      alarm.noSpace("recordings", "callers are handed to a human", observer);

      List<String> lines = captured.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
      assertEquals(4, lines.size(), String.join("\n", lines));
      assertTrue(lines.get(0).startsWith("ERROR spool " + dir + " is full: no space left for recordings;"), lines.get(0));
      assertTrue(lines.get(1).startsWith("ERROR spool " + dir + " is full: no space left for whisper audio;"));
      assertEquals("INFO spool " + dir + " has room again: recordings written", lines.get(2));
      assertTrue(lines.get(3).startsWith("ERROR spool " + dir + " is full: no space left for recordings;"));
      assertEquals(11, counted.size(), "every failure counts in /metrics");
      assertTrue(alarm.isFailing("whisper audio"));
    } finally {
      logger.detachAppender(captured);
      logger.setLevel(level);
    }
  }

  @Test
  void aFullDiskIsToldFromOtherFailuresThroughTheirCauses() {
    IOException full = new IOException("/var/spool/empathy-ivr/prompts/p-1.wav: No space left on device");
    assertTrue(SpoolRoom.isNoSpace(new IOException("writing a prompt", full)));
    assertTrue(SpoolRoom.isNoSpace(new IOException("Disk quota exceeded")));
    assertFalse(SpoolRoom.isNoSpace(new IOException("Permission denied")));
    assertFalse(SpoolRoom.isNoSpace(new IOException((String) null)));
  }

  @Test
  void aSpoolIsJudgedWithoutCreatingAnything() throws Exception {
    assertEquals(Optional.empty(), SpoolRoom.problem(dir.resolve("spool")), "not there yet, room where it will be");
    assertFalse(Files.exists(dir.resolve("spool")));
    Files.writeString(dir.resolve("a-file"), "x");
    assertEquals(Optional.of("spool.dir " + dir.resolve("a-file/spool") + ": " + dir.resolve("a-file")
        + " is not a directory"), SpoolRoom.problem(dir.resolve("a-file/spool")));
  }

  @Test
  void servingNeedsASpoolItCanWriteIn() throws Exception {
    Files.writeString(dir.resolve("a-file"), "x");
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> SpoolRoom.require(dir.resolve("a-file")));
    assertTrue(e.getMessage().startsWith("not writable: "), e.getMessage());
    SpoolRoom.require(dir); // a writable directory with room: fine
  }
}
