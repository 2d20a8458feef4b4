package org.empathyivr.domain.frustration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void syllablesAreCountedFromTheSpellingAsSpoken() {
    String[][] cases = {
        {"my", "1"}, {"internet", "3"}, {"keeps", "1"}, {"dropping", "2"}, {"time", "1"}, {"the", "1"},
        {"fixed", "1"}, {"charged", "1"}, {"wanted", "2"}, {"people", "2"}, {"ridiculous", "4"}, {"there", "1"},
        {"you", "1"}, {"i'm", "1"}, {"calling", "2"}, {"nth", "1"}, {"[unk]", "1"}, {"7", "1"}};
    for (String[] c : cases) assertEquals(Integer.parseInt(c[1]), Words.syllables(c[0]), c[0]);
  }

  @Test
  void textIsBroughtToTheRecognizersForm() {
    assertEquals("it doesn't work at all", Words.asRecognized("It DOESN\u2019T work -- at all!!"));
    assertEquals("call me at", Words.asRecognized("Call me at #PHONENUMBER#"));
  }
}
