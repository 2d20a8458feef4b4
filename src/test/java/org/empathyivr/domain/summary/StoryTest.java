package org.empathyivr.domain.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoryTest {

  @Test
  void oneStatementIsTheIssueInQuotes() {
    assertEquals("\"my bill is wrong\"", Story.of(Optional.of("my bill is wrong"), List.of("my bill is wrong"), 200));
    assertEquals("no issue heard", Story.of(Optional.empty(), List.of(), 200));
  }

  @Test
  void severalStatementsAreToldInOrder() {
    assertEquals("said: \"my goal is wrong\"; then: \"this is the third time fix my bill\"",
        Story.of(Optional.of("this is the third time fix my bill"),
            List.of("my goal is wrong", "this is the third time fix my bill"), 200));
  }

  @Test
  void tooLongTheOlderStatementsAreShortenedFirstAndTheLatestKept() {
    List<String> said = List.of(
        "my internet has been going on and off every evening for about three weeks now",
        "i already restarted the router twice and nothing changed at all",
        "this is the third time i have called and nobody fixed my internet");
    String told = Story.of(Optional.of(said.get(2)), said, 150);
    assertTrue(told.length() <= 150, told);
    assertTrue(told.endsWith("\"this is the third time i have called and nobody fixed my internet\""), told);
    assertTrue(told.startsWith("said: \"my internet has been going on\u2026\""), told);
  }

  @Test
  void aStatementTooLongForTheLineIsCutAtAWord() {
    String told = Story.of(Optional.of("one two three four five six"), List.of(), 20);
    assertEquals("\"one two three four\u2026", told);
  }

  @Test
  void aStoryCutToFitKeepsEveryStatementInItsQuotes() {
    List<String> said = List.of("my internet keep flopping every evening", "no net sell it right",
        "nick in the third time i'm killing and it still not cakes and i want it fixed today please");
    String told = Story.of(Optional.of(said.get(2)), said, 90);
    assertTrue(told.length() <= 90, told);
    assertTrue(told.endsWith("\u2026\""), "the last statement is cut inside its quotes: " + told);
    assertEquals(0, told.chars().filter(c -> c == '"').count() % 2, told);
  }
}
