package org.empathyivr.domain.port;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the caller's silence ends their turn: soon after a finished statement, later after a sentence left open. */
class TurnEndingTest {
  private final TurnEnding issue =
      TurnEnding.statement(Duration.ofMillis(500), Duration.ofMillis(1500));
  private final TurnEnding answer =
      TurnEnding.answer(Duration.ofMillis(400), Duration.ofMillis(1000));

  private static Duration ms(long ms) {
    return Duration.ofMillis(ms);
  }

  @Test
  void aFinishedStatementEndsTheTurnAfterTheShortSilence() {
    Optional<String> said = Optional.of("my internet keeps dropping every evening");
    assertFalse(issue.ends(ms(499), said));
    assertTrue(issue.ends(ms(500), said));
  }

  @Test
  void aSentenceLeftOpenWaitsForTheLongSilence() {
    for (String open : new String[] {
        "my internet keeps dropping when i", "I moved to a new apartment and", "the problem is that the",
        "my bill is higher than", "um so my", "I'm really worried", "my set top box",
        "the card number is four one one one", "my account is 12345", "since last weekend my television",
        "my internet connection at home"}) {
      assertFalse(issue.ends(ms(1_000), Optional.of(open)), open);
      assertTrue(issue.ends(ms(1_500), Optional.of(open)), open);
    }
  }

  @Test
  void statementsThatSayWhatHappensAreFinished() {
    for (String done : new String[] {
        "my internet keeps dropping every evening", "I was charged twice this month", "the router lights are blinking red",
        "my printer won't connect to the wifi", "I can't log in to my email", "my phone has no dial tone",
        "since last weekend my television keeps losing the picture", "the technician never showed up yesterday"}) {
      assertTrue(issue.ends(ms(500), Optional.of(done)), done);
    }
  }

  @Test
  void wordsNotKnownYetWaitForTheLongSilenceToo() {
    assertFalse(issue.ends(ms(1_200), Optional.empty()));
    assertTrue(issue.ends(ms(1_500), Optional.empty()));
  }

  @Test
  void aOneWordAnswerIsFinished() {
    assertTrue(answer.ends(ms(400), Optional.of("yes")));
    assertTrue(answer.ends(ms(400), Optional.of("no it's the router")));
    assertFalse(answer.ends(ms(400), Optional.of("no it's the")));
    assertTrue(answer.ends(ms(1_000), Optional.of("no it's the")));
  }

  @Test
  void silencesOutOfOrderAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> TurnEnding.answer(ms(800), ms(500)));
    assertThrows(IllegalArgumentException.class, () -> TurnEnding.answer(ms(0), ms(500)));
    assertThrows(IllegalArgumentException.class, () -> new TurnEnding(ms(300), ms(500), 0, false));
  }
}
