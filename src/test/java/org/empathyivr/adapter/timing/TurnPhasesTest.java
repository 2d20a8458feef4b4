package org.empathyivr.adapter.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.empathyivr.adapter.timing.TurnPhases.Phase;
import org.empathyivr.adapter.timing.TurnPhases.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TurnPhasesTest {
  private final List<Turn> reported = new ArrayList<>();

  @AfterEach
  void stopListening() {
    TurnPhases.listen(null);
    TurnPhases.drop();
  }

  @Test
  void aTurnReportsItsPhasesAndTheRestIsWhatNoPhaseCovers() {
    TurnPhases.listen(reported::add);
    TurnPhases.begin();
    TurnPhases.add(Phase.BACKLOG_DECODE, 3_000_000);
    TurnPhases.add(Phase.FINAL_RESULT, 1_000_000);
    TurnPhases.add(Phase.FINAL_RESULT, 1_000_000);
    TurnPhases.add(Phase.DECODE_CPU, 4_000_000);
    TurnPhases.end();

    assertEquals(1, reported.size());
    Turn turn = reported.get(0);
    assertEquals(3_000_000, turn.nanos(Phase.BACKLOG_DECODE));
    assertEquals(2_000_000, turn.nanos(Phase.FINAL_RESULT));
    assertEquals(4_000_000, turn.nanos(Phase.DECODE_CPU));
    // The decoding CPU is part of the decoding phases, not a phase of its own: it is not taken off the rest.
    assertEquals(turn.totalNanos() - 5_000_000, turn.restNanos());
    assertFalse(TurnPhases.timing(), "the turn ended");
  }

  @Test
  void nothingIsTimedWithoutAListener() {
    TurnPhases.begin();
    TurnPhases.add(Phase.SYNTHESIS, 1_000_000);
    assertFalse(TurnPhases.timing());
    TurnPhases.end();
    assertTrue(reported.isEmpty());
  }

  @Test
  void phasesTimedOnAnotherThreadOrOutsideATurnAreNotCounted() throws InterruptedException {
    TurnPhases.listen(reported::add);
    TurnPhases.add(Phase.SYNTHESIS, 9_000_000); // before the turn
    TurnPhases.begin();
    Thread other = new Thread(() -> TurnPhases.add(Phase.SYNTHESIS, 7_000_000));
    other.start();
    other.join();
    TurnPhases.end();

    assertEquals(0, reported.get(0).nanos(Phase.SYNTHESIS));
  }

  @Test
  void aDroppedTurnIsNeverReported() {
    TurnPhases.listen(reported::add);
    TurnPhases.begin();
    TurnPhases.drop();
    TurnPhases.end();
    assertTrue(reported.isEmpty());
  }
}
