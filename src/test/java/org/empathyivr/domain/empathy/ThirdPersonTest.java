package org.empathyivr.domain.empathy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThirdPersonTest {

  private static String agree(String words) {
    return String.join(" ", ThirdPerson.agree(Words.of(words)));
  }

  @Test
  void givesABareVerbAfterASingularNounItsS() {
    assertEquals("my internet keeps dropping", agree("my internet keep dropping"));
    assertEquals("my phone keeps ringing at night", agree("my phone keep ringing at night"));
    assertEquals("the app crashes when i open it", agree("the app crash when i open it"));
    assertEquals("my son says the wifi stops working", agree("my son say the wifi stop working"));
    assertEquals("my brand new router keeps restarting", agree("my brand new router keep restarting"));
  }

  @Test
  void givesABareVerbAfterHeSheItThisOrThatItsS() {
    assertEquals("it keeps freezing", agree("it keep freezing"));
    assertEquals("he says it's fine", agree("he say it's fine"));
    assertEquals("this makes no sense", agree("this make no sense"));
    assertEquals("every time it crashes", agree("every time it crash"));
  }

  @Test
  void spellsTheThirdPersonFormAsEnglishDoes() {
    assertEquals("the router tries to update", agree("the router try to update"));
    assertEquals("the battery goes flat", agree("the battery go flat"));
    assertEquals("the screen freezes", agree("the screen freeze"));
    assertEquals("my router doesn't work", agree("my router don't work"));
    assertEquals("my husband has the account", agree("my husband have the account"));
    assertEquals("he does not answer", agree("he do not answer"));
  }

  @Test
  void leavesPluralSubjectsAlone() {
    assertEquals("my kids keep asking", agree("my kids keep asking"));
    assertEquals("the lights keep flashing", agree("the lights keep flashing"));
    assertEquals("my phone and my laptop keep dropping", agree("my phone and my laptop keep dropping"));
    assertEquals("the lights that keep flashing", agree("the lights that keep flashing"));
    assertEquals("me and my wife both have phones", agree("me and my wife both have phones"));
    assertEquals("the channels on my tv keep cutting out", agree("the channels on my tv keep cutting out"));
  }

  @Test
  void leavesIYouWeAndTheyAlone() {
    assertEquals("i keep getting calls", agree("i keep getting calls"));
    assertEquals("you guys keep charging me", agree("you guys keep charging me"));
    assertEquals("we need a new router", agree("we need a new router"));
    assertEquals("they say it's fixed", agree("they say it's fixed"));
  }

  @Test
  void leavesVerbsAfterAModalOrToOrAnInvertedQuestionAlone() {
    assertEquals("it will keep dropping", agree("it will keep dropping"));
    assertEquals("it can't connect", agree("it can't connect"));
    assertEquals("i want to keep my number", agree("i want to keep my number"));
    assertEquals("did my payment go through", agree("did my payment go through"));
    assertEquals("why does my internet keep dropping", agree("why does my internet keep dropping"));
    assertEquals("can you make the router work", agree("can you make the router work"));
    assertEquals("i can't make it work", agree("i can't make it work"));
  }

  @Test
  void leavesAVerbThatIsANounHereAlone() {
    assertEquals("the late charge on my bill is wrong", agree("the late charge on my bill is wrong"));
    assertEquals("the phone call was cut off", agree("the phone call was cut off"));
    assertEquals("i tried a factory reset twice", agree("i tried a factory reset twice"));
  }
}
