package org.empathyivr.domain.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.Word;
import org.junit.jupiter.api.Test;

/** What is left of a reply once denial, negation and filler words are taken away decides what the caller meant. */
class DenialTest {

  @Test
  void aReplyThatOnlyDeniesHasNoContentHoweverLongItIs() {
    for (String reply : List.of("no", "nope", "no, that's not right", "that's not what I said", "wrong", "not really",
        "that's not it", "no no no", "um no that's not right", "no not right", "know that's not right",
        "no that is not what i said", "nope you got it totally wrong", "that's not what i'm calling about",
        "no that's not what i meant", "no sorry that's not quite right at all")) {
      assertEquals(Optional.empty(), Denial.content(reply), reply);
      assertTrue(Denial.isBare(new Transcript(reply, List.of())), reply);
    }
  }

  @Test
  void aCorrectionIsTheStatementThatFollowsTheDenial() {
    assertEquals(Optional.of("my phone line is dead"), Denial.content("no, it's my phone line that is dead"));
    assertEquals(Optional.of("my phone line is dead"), Denial.content("no that's not right my phone line is dead"));
    assertEquals(Optional.of("i was charged twice"), Denial.content("no i was charged twice"));
    assertEquals(Optional.of("it's the router"), Denial.content("no it's the router"));
    assertEquals(Optional.of("my internet is down"), Denial.content("that's not what i said my internet is down"));
    assertEquals(Optional.of("i never got my refund"), Denial.content("nope i never got my refund"));
  }

  @Test
  void aNoRightBeforeWhatIsMissingIsPartOfTheStatement() {
    assertEquals(Optional.of("no internet since monday"), Denial.content("no internet since monday"));
  }

  @Test
  void aMisheardPieceOfADenialIsNotContent() {
    Transcript heard = heard("no", 0.95, "not", 0.9, "bright", 0.3);
    assertEquals(Optional.empty(), Denial.content(heard));
    assertFalse(Denial.isBare(heard), "said as a statement of the issue, it is words to ask about, not a denial");
  }

  @Test
  void theCorrectionKeepsEachWordsConfidence() {
    Transcript correction = Denial.content(heard("no", 0.9, "the", 0.9, "modem", 0.95, "is", 0.9, "dead", 0.4))
        .orElseThrow();
    assertEquals("the modem is dead", correction.text());
    assertEquals(0.4, correction.words().get(3).confidence());
  }

  private static Transcript heard(Object... wordsAndConfidences) {
    List<Word> words = new ArrayList<>();
    for (int i = 0; i < wordsAndConfidences.length; i += 2) {
      words.add(new Word((String) wordsAndConfidences[i], i, i + 1, (Double) wordsAndConfidences[i + 1]));
    }
    return new Transcript(String.join(" ", words.stream().map(Word::text).toList()), words);
  }
}
