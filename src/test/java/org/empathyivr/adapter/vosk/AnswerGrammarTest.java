package org.empathyivr.adapter.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import org.empathyivr.domain.dialog.Answer;
import org.junit.jupiter.api.Test;

class AnswerGrammarTest {

  @Test
  void grammarIsAJsonArrayOfTheWordsAndUnknown() {
    assertEquals("[\"yes\", \"no\", \"[unk]\"]", AnswerGrammar.json(List.of("yes", "no")));
  }

  @Test
  void answerWordsAreDistinctPlainLowerCaseWords() {
    assertEquals(AnswerGrammar.WORDS.size(), new HashSet<>(AnswerGrammar.WORDS).size());
    AnswerGrammar.json(AnswerGrammar.WORDS); // refuses anything that would need quoting
  }

  @Test
  void carriersMeanNothingOnTheirOwnAndAnswerWordsDo() {
    for (String carrier : AnswerGrammar.CARRIER_WORDS) assertEquals(Answer.UNCLEAR, Answer.fromWords(carrier), carrier);
    for (String word : AnswerGrammar.ANSWER_WORDS) assertNotEquals(Answer.UNCLEAR, Answer.fromWords(word), word);
  }

  @Test
  void denialWinsOverTheAffirmationItNegates() {
    assertEquals(Answer.NO, Answer.fromWords("that's not right"));
    assertEquals(Answer.NO, Answer.fromWords("not quite"));
    assertEquals(Answer.YES, Answer.fromWords("yeah that's it"));
  }

  @Test
  void aPersonHeardInACorrectionDoesNotOutweighTheDenialButAnAgentDoes() {
    assertEquals(Answer.NO, Answer.fromWords("no it's manager"));
    assertEquals(Answer.PERSON, Answer.fromWords("someone please"));
    assertEquals(Answer.PERSON, Answer.fromWords("no agent"));
  }

  @Test
  void refusesWordsThatWouldNeedQuoting() {
    assertThrows(IllegalArgumentException.class, () -> AnswerGrammar.json(List.of("yes\", \"no")));
  }
}
