package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallerTurnTest {
  @Test
  void theSpecsOfRecordFileCallsReadAsBefore() {
    assertEquals(CallerTurn.says(Path.of("a/problem.wav")), CallerTurn.parse("a/problem.wav"));
    assertEquals(CallerTurn.silence(), CallerTurn.parse("silence"));
    assertEquals(CallerTurn.keys('5', Duration.ofMillis(500)), CallerTurn.parse("dtmf:5@500"));
    assertEquals(CallerTurn.hangUp(Duration.ofMillis(300)), CallerTurn.parse("hangup:300"));
    assertEquals(CallerTurn.hangUpAfter(Path.of("bye.wav")), CallerTurn.parse("hangup-after:bye.wav"));
  }

  @Test
  void aBargeInNamesWhenIntoThePromptAndWhatTheCallerSays() {
    assertEquals(CallerTurn.interrupts(Path.of("wait-no.wav"), Duration.ofMillis(800)),
        CallerTurn.parse("barge:800:wait-no.wav"));
    assertEquals(CallerTurn.interrupts(Path.of("C:\\calls\\no.wav"), Duration.ZERO),
        CallerTurn.parse("barge:0:C:\\calls\\no.wav"), "the path keeps its own colons");
    assertEquals(Optional.of(Path.of("wait-no.wav")), CallerTurn.parse("barge:800:wait-no.wav").spokenAudio());
  }

  @Test
  void aBargeInWithoutTimeOrFileIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> CallerTurn.parse("barge:wait-no.wav"));
    assertThrows(IllegalArgumentException.class, () -> CallerTurn.parse("barge:800:"));
    assertThrows(IllegalArgumentException.class, () -> CallerTurn.parse("barge:-5:x.wav"));
    assertThrows(IllegalArgumentException.class, () -> CallerTurn.parse("barge:soon:x.wav"));
  }

  @Test
  void onlyTurnsThatSpeakHaveAudio() {
    assertEquals(Optional.empty(), CallerTurn.silence().spokenAudio());
    assertEquals(Optional.empty(), CallerTurn.keys('1').spokenAudio());
    assertEquals(Optional.of(Path.of("x.wav")), CallerTurn.hangUpAfter(Path.of("x.wav")).spokenAudio());
  }
}
