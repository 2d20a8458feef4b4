package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptedCallTest {
  private static final ScriptedCall CALL = new ScriptedCall("denys-01", 12, Optional.empty(),
      List.of(CallerTurn.silence()), "confirmed", List.of(SummaryTerm.parse("late"), SummaryTerm.parse("fee~fees")),
      List.of(SummaryTerm.parse("not right")));

  private static SessionResult ended(Map<String, String> variables, boolean gaveUp) {
    return new SessionResult(variables, "SUCCESS", List.of(), List.of(), List.of(), List.of(), List.of(), true,
        gaveUp);
  }

  @Test
  void isRightWithTheReasonAndEveryWordWanted() {
    Verdict v = CALL.judge(ended(Map.of("HANDOFF_REASON", "confirmed",
        "__HANDOFF_SUMMARY", "Unknown caller: \"I was charged a late fee\" (confirmed by the caller)"), false));
    assertTrue(v.right(), v.line());
  }

  @Test
  void namesEachThingThatWasWrong() {
    Verdict v = CALL.judge(ended(Map.of("HANDOFF_REASON", "retries-exhausted",
        "HANDOFF_SUMMARY", "Unknown caller: \"no that's not right\" (not confirmed)"), false));
    assertEquals(List.of("reason retries-exhausted, expected confirmed", "missing \"late\"", "missing \"fee~fees\"",
        "has \"not right\""), v.problems());
    assertEquals("wrong: denys-01 (line 12): reason retries-exhausted, expected confirmed; missing \"late\"; missing"
        + " \"fee~fees\"; has \"not right\"; summary: Unknown caller: \"no that's not right\" (not confirmed)",
        v.line());
  }

  @Test
  void aCallWithoutHandoffVariablesOrThatNeverEndedIsWrong() {
    Verdict v = CALL.judge(ended(Map.of(), true));
    assertEquals(List.of("the service did not end the session in time", "reason (not set), expected confirmed",
        "missing \"late\"", "missing \"fee~fees\""), v.problems());
    assertTrue(v.line().endsWith("summary: (not set)"), v.line());
  }
}
