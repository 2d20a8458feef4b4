package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.empathyivr.simulate.SessionResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller the line cannot name (Asterisk sends no caller ID name and the number is not in the directory) is asked
 * for their first name, says it, and is greeted by it: through the whole line as Main builds it, with the recognizer
 * wrapped for metrics, not the bare recognizer. "Judith" is heard only with the name grammar (free speech makes it
 * "you get"), so that call fails when the line's recognizer does not reach the grammar.
 */
class SpokenNameIT {
  @TempDir static Path root;
  private static RunningSupportLine line;

  @BeforeAll
  static void startTheLine() throws Exception {
    line = RunningSupportLine.start(root, "");
  }

  @AfterAll
  static void stopTheLine() throws Exception {
    if (line != null) line.close();
  }

  @Test
  void anUnknownCallerWhoSaysTheirFirstNameIsGreetedByIt() throws Exception {
    assertGreetedBySpokenName("5550142", "maria.wav", "Maria");
  }

  @Test
  void aNameOnlyTheNameGrammarHearsReachesTheGreeting() throws Exception {
    assertGreetedBySpokenName("5550143", "judith.wav", "Judith");
  }

  private static void assertGreetedBySpokenName(String number, String nameWav, String name) throws Exception {
    SessionResult call = line.call(number, "unknown", nameWav, "internet-dropping.wav", "yes.wav");

    List<String> said = Calls.replies(call);
    assertTrue(said.get(0).contains("first name"), "asked for a name: " + said);
    assertTrue(said.get(1).contains(", " + name + "."), "greeted by the name said: " + said);
    assertEquals("confirmed", call.variable("HANDOFF_REASON").orElseThrow(), said.toString());
    Map<?, ?> stored = line.newestHandoff();
    assertEquals(name, stored.get("callerName"), stored.toString());
    assertEquals("spoken", stored.get("nameSource"), stored.toString());
  }
}
