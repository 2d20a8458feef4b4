package org.empathyivr.domain.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.Word;
import org.junit.jupiter.api.Test;

/**
 * How an answer to "is that right?" is read from the two recognizers that hear it: the answer grammar, which forces
 * speech into answer words, and free speech. The pairs below are what Vosk gave for synthesized callers
 * (ConfirmationAccuracyIT); each shows one way the two together beat either alone.
 */
class AnswerHeardTest {
  private static final double SURE = 0.95;
  private static final double UNSURE = 0.4;

  @Test
  void whenBothHearTheSameAnswerAndOneWasSureItStands() {
    assertEquals(Answer.YES, Answer.heard(words(UNSURE, "yeah"), words(SURE, "yeah and markedly")));
    assertEquals(Answer.NO, Answer.heard(words(UNSURE, "nope"), words(SURE, "no way")));
    assertEquals(Answer.UNCLEAR, Answer.heard(words(UNSURE, "yeah"), words(UNSURE, "yeah and markedly")), "asked again");
  }

  @Test
  void aShortYesHeardAsYeahByBothIsAYesThoughNeitherWasSure() {
    // espeak-ng's 0.63 s "yes" at its default rate: "yes" to the grammar, "yeah" to free speech, both unsure.
    assertEquals(Answer.YES, Answer.heard(words(UNSURE, "yes"), words(UNSURE, "yeah")));
    assertEquals(Answer.YES, Answer.heard(words(UNSURE, "yeah right"), words(UNSURE, "yeah that's right")));
    // Free speech that is more than an affirmation is not taken on an unsure grammar's yes.
    assertEquals(Answer.UNCLEAR, Answer.heard(words(UNSURE, "yes"), words(UNSURE, "yeah the weather")));
    assertEquals(Answer.UNCLEAR, Answer.heard(Transcript.EMPTY, words(UNSURE, "yeah")));
  }

  @Test
  void theFreeWordsTellACorrectionFromARequestForAPerson() {
    assertEquals(Answer.NO, Answer.heard(words(SURE, "no it's agent"), words(SURE, "no it's my television")));
    assertEquals(Answer.PERSON, Answer.heard(words(SURE, "no agent"), words(SURE, "no agent please")));
  }

  @Test
  void whenBothHeardADenialThatStartsTheReplyItStandsThoughNeitherWasSure() {
    // FreeTTS's "no, my phone line is dead": the language model prefers "know my phone…" to "no my phone…".
    assertEquals(Answer.NO, Answer.heard(words(UNSURE, "no"), words(UNSURE, "know my phone line is dead")));
    assertEquals(Answer.NO, Answer.heard(words(UNSURE, "nope it's"), words(UNSURE, "nope it's the building")));
    // A denial in the middle of what the free speech heard is not the answer's first word.
    assertEquals(Answer.UNCLEAR, Answer.heard(words(UNSURE, "no"), words(UNSURE, "i know it's not on")));
    assertEquals(Answer.UNCLEAR, Answer.heard(words(UNSURE, "no"), words(UNSURE, "knowing it")));
    // espeak-ng's short "no way": nothing to the grammar, the country to free speech.
    assertEquals(Answer.NO, Answer.heard(Transcript.EMPTY, words(SURE, "norway")));
  }

  @Test
  void askingToTalkToSomeoneIsARequestForAPersonWhoeverTheRestWasHeardAs() {
    // espeak's "let me talk to a person": nothing to the grammar, the person misheard by free speech.
    assertEquals(Answer.PERSON, Answer.heard(Transcript.EMPTY, words(SURE, "let me talk to a bird and")));
    assertEquals(Answer.PERSON, Answer.heard(Transcript.EMPTY, words(UNSURE, "could i speak with and")));
    assertEquals(Answer.UNCLEAR, Answer.heard(Transcript.EMPTY, words(SURE, "the talk show")));
  }

  @Test
  void whenTheGrammarHeardBothYesAndNoTheFreeWordsDecide() {
    assertEquals(Answer.YES, Answer.heard(words(SURE, "yeah you not it"), words(SURE, "yeah you got it")));
    assertEquals(Answer.NO, Answer.heard(words(SURE, "no right"), words(SURE, "no that's not right")));
  }

  @Test
  void withoutASureGrammarAnswerOnlyARequestForAPersonOrAShortDenialIsTaken() {
    assertEquals(Answer.PERSON, Answer.heard(Transcript.EMPTY, words(SURE, "can i talk to a person")));
    assertEquals(Answer.NO, Answer.heard(Transcript.EMPTY, words(SURE, "no way")));
    // A yes in free speech may be anything ("turn right at the lights"); a no in the middle of a sentence too.
    assertEquals(Answer.UNCLEAR, Answer.heard(Transcript.EMPTY, words(SURE, "yeah")));
    assertEquals(Answer.UNCLEAR,
        Answer.heard(Transcript.EMPTY, words(SURE, "no were married lovely in the mountains")));
    assertEquals(Answer.UNCLEAR, Answer.heard(words(UNSURE, "no"), words(SURE, "though it on the weekend")));
  }

  @Test
  void aDenialInTheFreeWordsOutweighsTheGrammarsYes() {
    assertEquals(Answer.NO, Answer.heard(words(SURE, "yeah"), words(SURE, "no")));
  }

  @Test
  void otherwiseTheGrammarsAnswerStands() {
    // espeak's "exactly" is "and now complete" to free speech, and "wrong" can be heard "right".
    assertEquals(Answer.YES, Answer.heard(words(SURE, "exactly"), words(SURE, "and now complete")));
    assertEquals(Answer.NO, Answer.heard(words(SURE, "wrong"), words(SURE, "right")));
    assertEquals(Answer.PERSON, Answer.heard(words(SURE, "operator"), words(SURE, "operator")));
    assertEquals(Answer.UNCLEAR, Answer.heard(Transcript.EMPTY, Transcript.EMPTY));
  }

  private static Transcript words(double confidence, String text) {
    List<Word> words = new ArrayList<>();
    double start = 0;
    for (String w : text.split(" ")) {
      words.add(new Word(w, start, start + 0.3, confidence));
      start += 0.3;
    }
    return new Transcript(text, words);
  }

  @Test
  void aShortWishToTalkToSomeoneIsARequestForAPersonWhoeverTheRestWasHeardAs() {
    assertEquals(true, Answer.asksForPerson("i want to talk to her own"));
    assertEquals(true, Answer.asksForPerson("can i speak with a super"));
    assertEquals(false, Answer.asksForPerson("i want to talk to you about my bill"));
    assertEquals(false, Answer.asksForPerson("i want to talk to you"));
    assertEquals(false, Answer.asksForPerson("my son wanted to talk to his friends online but the wifi is down"));
  }
}
