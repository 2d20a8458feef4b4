package org.empathyivr.adapter.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
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
  void refusesWordsThatWouldNeedQuoting() {
    assertThrows(IllegalArgumentException.class, () -> AnswerGrammar.json(List.of("yes\", \"no")));
  }
}
