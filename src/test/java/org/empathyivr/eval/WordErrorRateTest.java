package org.empathyivr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordErrorRateTest {
  @Test
  void caseAndPunctuationAreNotHeard() {
    assertEquals(List.of("hello", "maria", "is", "that", "right"), WordErrorRate.words("Hello Maria. Is that right?"));
  }

  @Test
  void contractionsAreSpelledOutOnBothSides() {
    assertEquals(WordErrorRate.words("I am here and they will know what is going on, I did not"),
        WordErrorRate.words("I'm here and they'll know what's going on, I didn’t"));
    assertEquals(List.of("you", "would", "like", "help"), WordErrorRate.words("you'd like help"));
    assertEquals(List.of("can", "not"), WordErrorRate.words("can't"));
  }

  @Test
  void digitsAreSpelledAsTheRecognizerWritesThem() {
    assertEquals(List.of("press", "one", "or", "two"), WordErrorRate.words("press 1, or 2."));
  }

  @Test
  void numbersAreSpelledInWordsAsTheRecognizerWritesThem() {
    assertEquals(List.of("dial", "eight", "thousand", "five", "hundred"), WordErrorRate.words("Dial 8500."));
    assertEquals(List.of("one", "hundred", "sixty", "two"), WordErrorRate.words("162"));
    assertEquals(List.of("forty"), WordErrorRate.words("40"));
    assertEquals(List.of("twenty", "eight", "point", "eight", "kilobit"), WordErrorRate.words("28.8 kilobit"));
    assertEquals(List.of("nineteen"), WordErrorRate.words("19"));
  }

  @Test
  void keypadSymbolsAreTheWordsSaidForThem() {
    assertEquals(WordErrorRate.words("press star to pause, or pound to exit"),
        WordErrorRate.words("press * to pause, or # to exit"));
  }

  @Test
  void wordsWrittenAsOneOrTwoCountAsOne() {
    assertEquals(List.of("check", "your", "voicemail"), WordErrorRate.words("Check your voice mail"));
    assertEquals(List.of("check", "your", "voicemail"), WordErrorRate.words("check your voicemail"));
    assertEquals(List.of("send", "an", "email"), WordErrorRate.words("send an e-mail"));
    assertEquals(List.of("voice", "over", "ip"), WordErrorRate.words("voice over IP"));
  }

  @Test
  void countsSubstitutionsDeletionsAndInsertions() {
    List<String> spoken = WordErrorRate.words("so your internet keeps dropping");

    assertEquals(0, WordErrorRate.errors(spoken, WordErrorRate.words("so your internet keeps dropping")));
    assertEquals(2, WordErrorRate.errors(spoken, WordErrorRate.words("so we our internet keeps dropping")));
    assertEquals(1, WordErrorRate.errors(spoken, WordErrorRate.words("so your internet dropping")));
    assertEquals(5, WordErrorRate.errors(spoken, List.of()));
  }
}
