package org.empathyivr.adapter.fastagi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.junit.jupiter.api.Test;

/** What a caller says ends up in channel variables; it must reach Asterisk as one inert line. */
class VariableValueTest {
  @Test
  void aHostileTranscriptBecomesOneInertCommandLine() {
    String said = "my router ${SHELL(rm -rf /)} $[1+1] \"quoted\" \\ end\nHANGUP\r\nEXEC Dial";

    String wire = new SetVariableCommand("__HANDOFF_SUMMARY", AgiCallChannel.variableValue(said)).buildCommand();

    assertEquals(
        "SET VARIABLE \"__HANDOFF_SUMMARY\" \"my router $ {SHELL(rm -rf /)} $ [1+1] \\\"quoted\\\" / end HANGUP  EXEC Dial\"",
        wire);
    assertFalse(wire.contains("\n"));
  }

  @Test
  void aValueStaysOneApplicationArgumentWhereverTheDialplanPutsIt() {
    // Queue(support,t,,,${HANDOFF_SUMMARY}) or UserEvent(Handoff,${HANDOFF_SUMMARY}) split on commas (and, in old
    // dialplans, pipes) after substitution; a backslash escapes the next character there.
    assertEquals("Lopez; Maria / x/;y $ {EVIL}", AgiCallChannel.variableValue("Lopez, Maria | x\\,y ${EVIL}"));
    assertEquals("$/{x} $/[y]", AgiCallChannel.variableValue("$\\{x} $|[y]"));
  }

  @Test
  void aLongSummaryIsCutWithAnEllipsis() {
    String value = AgiCallChannel.variableValue("x".repeat(5000));

    assertEquals(AgiCallChannel.MAX_VARIABLE_CHARS, value.length());
    assertTrue(value.endsWith("…"));
  }
}
