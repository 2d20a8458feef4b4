package org.empathyivr.domain.empathy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CopiedRunTest {

  private static int longest(String caller, String said) {
    return CopiedRun.longest(Words.of(caller), Words.of(said));
  }

  @Test
  void countsTheLongestRunOfTheCallersWordsSaidBackInARow() {
    assertEquals(4, longest("my router keeps dropping every evening", "every evening your router keeps dropping"));
    assertEquals(0, longest("my bill is wrong", "sorry to hear that"));
  }

  @Test
  void countsTheWordsTurnedAroundAsTheCallersOwn() {
    assertEquals(4, longest("i was charged twice", "you were charged twice"));
    assertEquals(6, longest("you sent me the wrong modem", "we sent you the wrong modem"));
    assertEquals(4, longest("my internet keep dropping", "your internet keeps dropping"));
  }

  @Test
  void countsANumberAsOneWordHoweverLongItIsToSay() {
    assertEquals(5, longest("i was charged forty five dollars", "so you were charged forty five dollars"));
    assertEquals(5, longest("my card four one one one two two two two was charged",
        "your card four one one one two two two two was charged"));
  }

  @Test
  void marksTheWordsOfARunLongerThanTheLimit() {
    assertArrayEquals(new boolean[] {false, true, true, true},
        CopiedRun.within(Words.of("i was charged twice"), Words.of("so you were charged"), 2));
  }
}
