package org.empathyivr.domain.frustration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WordCuesTest {
  private static Set<WordCues.Kind> kinds(String said) {
    return WordCues.find(Words.tokens(Words.asRecognized(said))).stream().map(WordCues.Match::kind)
        .collect(Collectors.toSet());
  }

  @Test
  void hearsHistoryAndUnresolvedTroubleInRecognizerText() {
    Set<WordCues.Kind> found = kinds("this is the third time im calling and its still not fixed");
    assertTrue(found.contains(WordCues.Kind.HISTORY), found.toString());
    assertTrue(found.contains(WordCues.Kind.UNRESOLVED), found.toString());
  }

  @Test
  void notAngryIsNotAnger() {
    assertFalse(kinds("i'm not angry i just need help").contains(WordCues.Kind.ANGER));
    assertTrue(kinds("i'm really angry").contains(WordCues.Kind.ANGER));
  }

  @Test
  void aNegatedGoodWordIsACue() {
    assertTrue(kinds("i am not happy with this service").contains(WordCues.Kind.NEGATED_GOOD));
  }

  @Test
  void hearsAskingForAPersonAndSarcasm() {
    assertTrue(kinds("let me talk to a person").contains(WordCues.Kind.ESCALATION));
    assertTrue(kinds("get me your manager").contains(WordCues.Kind.ESCALATION));
    assertTrue(kinds("great just great").contains(WordCues.Kind.SARCASM));
    assertFalse(kinds("i don't want a manager").contains(WordCues.Kind.ESCALATION));
  }

  @Test
  void somethingThatKeepsHappeningIsOneCueNotTwo() {
    List<WordCues.Match> found = WordCues.find(Words.tokens("my internet keeps dropping every evening"));
    assertEquals(List.of("keeps dropping"), found.stream().map(WordCues.Match::phrase).toList(), found.toString());
    assertEquals(WordCues.Kind.UNRESOLVED, found.get(0).kind());
    assertTrue(kinds("this is the third time i'm calling").contains(WordCues.Kind.HISTORY));
  }

  @Test
  void yeahRightIsAYesHeardShortNotSarcasm() {
    // "yes, that's right", said calmly, comes back from the recognizer as "yeah right" in most espeak-ng voices.
    assertFalse(kinds("yeah right").contains(WordCues.Kind.SARCASM));
    assertTrue(kinds("yeah right").contains(WordCues.Kind.COURTESY));
    assertTrue(kinds("oh great").contains(WordCues.Kind.SARCASM));
  }

  @Test
  void profanityIsMatchedButNeverShown() {
    List<WordCues.Match> found = WordCues.find(Words.tokens("this fucking router"));
    WordCues.Match swear = found.stream().filter(m -> m.kind() == WordCues.Kind.PROFANITY).findFirst().orElseThrow();
    assertEquals("profanity", swear.shown());
  }

  @Test
  void writtenTextIsBroughtToRecognizerForm() {
    assertEquals("why doesn't this work", Words.asRecognized("WHY doesn’t this work?!"));
    assertEquals("my order never came", Words.asRecognized("My order #ORDER_ID# never came."));
  }

  @Test
  void aCalmProblemStatementHasNoAngerCue() {
    Set<WordCues.Kind> found = kinds("my internet has been slow since this morning");
    assertFalse(found.contains(WordCues.Kind.ANGER));
    assertFalse(found.contains(WordCues.Kind.PROFANITY));
    assertFalse(found.contains(WordCues.Kind.ESCALATION));
  }

  @Test
  void aFixTheCallerAlreadyTriedThatFailedIsItsOwnCue() {
    assertTrue(kinds("i restarted the router and it still doesn't work").contains(WordCues.Kind.TRIED));
    assertTrue(kinds("i did everything on the website but the app won't open").contains(WordCues.Kind.TRIED));
    assertTrue(kinds("we tried the other cable nothing helped").contains(WordCues.Kind.TRIED));
    assertTrue(kinds("i cancelled in march but you keep charging me").contains(WordCues.Kind.TRIED));
    assertFalse(kinds("i tried to pay my bill online").contains(WordCues.Kind.TRIED));
  }

  @Test
  void aPlainProblemIsAProblemNotYetTroubleThatGoesOn() {
    Set<WordCues.Kind> found = kinds("my internet does not work");
    assertTrue(found.contains(WordCues.Kind.PROBLEM), found.toString());
    assertFalse(found.contains(WordCues.Kind.UNRESOLVED), found.toString());
    assertFalse(found.contains(WordCues.Kind.TRIED), found.toString());
    assertTrue(kinds("my parcel has not arrived").contains(WordCues.Kind.PROBLEM));
    assertTrue(kinds("the page isn't loading").contains(WordCues.Kind.PROBLEM));
  }

  @Test
  void troubleThatWillNotStopIsUnresolved() {
    assertTrue(kinds("please stop sending me these letters").contains(WordCues.Kind.UNRESOLVED));
    assertTrue(kinds("it continues to drop the call").contains(WordCues.Kind.UNRESOLVED));
    assertTrue(kinds("i can no longer log in").contains(WordCues.Kind.UNRESOLVED));
  }

  @Test
  void courtesyIsASignOfCalmUnlessSaidWithSarcasmOrNegated() {
    assertTrue(kinds("ok thank you that's all").contains(WordCues.Kind.COURTESY));
    assertFalse(kinds("thanks for nothing").contains(WordCues.Kind.COURTESY));
    assertFalse(kinds("great just great").contains(WordCues.Kind.COURTESY));
    assertFalse(kinds("this is not ok").contains(WordCues.Kind.COURTESY));
  }

  @Test
  void courtesyWordsCountThroughTheirCueOnlyNotAsWords() {
    List<String> tokens = Words.tokens("thanks that's all");
    Set<String> features = WordsModel.features(tokens, WordCues.find(tokens));
    assertTrue(features.contains("k:courtesy"), features.toString());
    assertFalse(features.contains("w:thanks"), features.toString());
  }
}
