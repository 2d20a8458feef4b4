package org.empathyivr.domain.empathy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A long utterance comes back in the assistant's own words, never more than ten of the caller's words in a row. */
class OwnWordsTest {

  private static String reflect(String utterance) {
    return Reflection.of(utterance).orElseThrow();
  }

  @Test
  void leavesAShortReflectionAsItIs() {
    assertEquals("your internet keeps dropping every evening", reflect("my internet keeps dropping every evening"));
  }

  @Test
  void movesATimePhraseToTheOtherEndOfItsClause() {
    assertEquals("on the third of june you were charged forty five dollars for a late fee you never got",
        reflect("i was charged forty five dollars on the third of june for a late fee that i never got"));
    assertEquals("your internet has not worked at all since the storm on sunday",
        reflect("since the storm on sunday my internet has not worked at all"));
    assertEquals("whenever you're at home it says no signal on your phone",
        reflect("it says no signal on my phone whenever i'm at home"));
  }

  @Test
  void leavesATimePhraseThatBelongsToSomethingSaidWhereItIs() {
    assertEquals("you're calling about the letter you got telling you your contract ends in may",
        reflect("i'm calling about the letter i got saying my contract ends in may"));
  }

  @Test
  void joinsClausesWithTheWordTheirMeaningCallsFor() {
    assertEquals("you bought a phone from our shop in manchester but it won't turn on",
        reflect("i bought a phone from your shop in manchester and it won't turn on"));
    assertEquals("your son's phone was stolen so you need to block the sim card",
        reflect("my son's phone was stolen and i need to block the sim card"));
    assertEquals("you got a text telling you your data is used up even though it's only the tenth of the month",
        reflect("i got a text saying my data is used up but it's only the tenth of the month"));
  }

  @Test
  void dropsWordsThatSayNothing() {
    assertEquals("this is the third time you've called and the internet is still down",
        reflect("this is the third time i've called about this and the internet is still down"));
    assertEquals("you've been on hold for forty minutes and you got cut off",
        reflect("i've been on hold for forty minutes before this and i got cut off"));
  }

  @Test
  void saysAnAmountBeforeWhatItIsFor() {
    assertEquals("you'd like to dispute an eighty nine dollar charge from last tuesday on your credit card statement",
        reflect("i want to dispute a charge of eighty nine dollars from last tuesday on my credit card statement"));
  }

  @Test
  void rewordsTheCallersOwnLeadIn() {
    assertEquals("you'd like to know the reason you were charged a cancellation fee of ninety nine dollars",
        reflect("i'd like to know why i was charged a cancellation fee of ninety nine dollars"));
  }
}
