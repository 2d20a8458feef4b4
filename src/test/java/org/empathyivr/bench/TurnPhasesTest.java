package org.empathyivr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.empathyivr.adapter.timing.TurnTiming.Phase;
import org.empathyivr.bench.TurnPhases.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TurnPhasesTest {
  private final TurnPhases turnPhases = new TurnPhases();
  private final List<Turn> reported = new ArrayList<>();

  @AfterEach
  void stopListening() {
    turnPhases.listen(null);
    turnPhases.drop();
  }

  @Test
  void aTurnReportsItsPhasesAndTheRestIsWhatNoPhaseCovers() {
    turnPhases.listen(reported::add);
    turnPhases.begin();
    turnPhases.add(Phase.BACKLOG_DECODE, 3_000_000);
    turnPhases.add(Phase.FINAL_RESULT, 1_000_000);
    turnPhases.add(Phase.FINAL_RESULT, 1_000_000);
    turnPhases.add(Phase.DECODE_CPU, 4_000_000);
    turnPhases.end();

    assertEquals(1, reported.size());
    Turn turn = reported.get(0);
    assertEquals(3_000_000, turn.nanos(Phase.BACKLOG_DECODE));
    assertEquals(2_000_000, turn.nanos(Phase.FINAL_RESULT));
    assertEquals(4_000_000, turn.nanos(Phase.DECODE_CPU));
    // The decoding CPU is part of the decoding phases, not a phase of its own: it is not taken off the rest.
    assertEquals(turn.totalNanos() - 5_000_000, turn.restNanos());
    assertFalse(turnPhases.timing(), "the turn ended");
  }

  @Test
  void nothingIsTimedWithoutAListener() {
    turnPhases.begin();
    turnPhases.add(Phase.SYNTHESIS, 1_000_000);
    assertFalse(turnPhases.timing());
    turnPhases.end();
    assertTrue(reported.isEmpty());
  }

  @Test
  void phasesTimedOnAnotherThreadOrOutsideATurnAreNotCounted() throws InterruptedException {
    turnPhases.listen(reported::add);
    turnPhases.add(Phase.SYNTHESIS, 9_000_000); // before the turn
    turnPhases.begin();
    Thread other = new Thread(() -> turnPhases.add(Phase.SYNTHESIS, 7_000_000));
    other.start();
    other.join();
    turnPhases.end();

    assertEquals(0, reported.get(0).nanos(Phase.SYNTHESIS));
  }

  @Test
  void aDroppedTurnIsNeverReported() {
    turnPhases.listen(reported::add);
    turnPhases.begin();
    turnPhases.drop();
    turnPhases.end();
    assertTrue(reported.isEmpty());
  }
}
