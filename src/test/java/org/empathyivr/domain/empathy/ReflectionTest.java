package org.empathyivr.domain.empathy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReflectionTest {

  private static String reflect(String utterance) {
    return Reflection.of(utterance).orElseThrow();
  }

  @Test
  void turnsFirstPersonIntoSecondPerson() {
    assertEquals("your internet keeps dropping every evening", reflect("my internet keeps dropping every evening"));
    assertEquals("you can't log in to your account", reflect("i can't log in to my account"));
    assertEquals("you're locked out", reflect("i'm locked out"));
    assertEquals("your router and your phone stopped working", reflect("our router and our phone stopped working"));
  }

  @Test
  void givesABareVerbAfterASingularSubjectItsThirdPersonForm() {
    assertEquals("your internet keeps dropping every evening", reflect("my internet keep dropping every evening"));
    assertEquals("your son says the wifi stops working", reflect("my son say the wifi stop working"));
    assertEquals("your kids keep asking for the password", reflect("my kids keep asking for the password"));
  }

  @Test
  void agreesTheVerbWithYou() {
    assertEquals("you were charged twice for your bill", reflect("i was charged twice for my bill"));
    assertEquals("you are not able to log in", reflect("i am not able to log in"));
  }

  @Test
  void speaksOfTheCompanyAsWe() {
    assertEquals("we sent you the wrong modem", reflect("you sent me the wrong modem"));
    assertEquals("you called us three times", reflect("i called you three times"));
    assertEquals("our app crashes when you open it", reflect("your app crashes when i open it"));
  }

  @Test
  void dropsFillersGreetingsAndLeadIns() {
    assertEquals(
        "your internet keeps dropping",
        reflect("hello um yeah so basically i'm calling because my internet keeps dropping you know"));
    assertEquals("the bill is wrong", reflect("hi the problem is that the bill is wrong"));
  }

  @Test
  void reflectsAQuestionAsWhatTheCallerWants() {
    assertEquals("you'd like help with your bill", reflect("can you help me with my bill"));
  }

  @Test
  void namesATopicAsWhatTheCallIsAbout() {
    assertEquals("you're calling about internet problems", reflect("internet problems"));
  }

  @Test
  void keepsNumbersAndKeyFacts() {
    assertEquals(
        "you were charged fifty dollars on the third of june",
        reflect("i was charged fifty dollars on the third of june"));
  }

  @Test
  void reducesALongRambleToTheMainComplaintAndTheClausesWithFacts() {
    String reflected =
        reflect(
            "my internet keeps dropping every evening around eight and the lights on the router go red and then i"
                + " have to restart everything and wait ten minutes");
    assertEquals(
        "your internet keeps dropping every evening around eight and you have to restart everything and wait ten"
            + " minutes",
        reflected);
  }

  @Test
  void cutsAClauseTooLongToSayBackBeforeAPhraseNeverInsideOne() {
    String reflected =
        reflect(
            "my brand new router that my neighbour helped me set up in the spare bedroom upstairs keeps restarting"
                + " itself for no reason whatsoever");
    assertTrue(reflected.split(" ").length <= Reflection.MAX_WORDS, reflected);
    assertTrue(reflected.startsWith("your brand new router that your neighbour helped you set up"), reflected);
  }

  @Test
  void leavesFeelingsOutOfTheReflectionForTheAcknowledgementToAnswer() {
    assertEquals("your router has been blinking red for three days",
        reflect("i'm so frustrated my router has been blinking red for three days"));
    assertEquals(Optional.empty(), Reflection.of("this is ridiculous i'm so fed up"));
    assertEquals("you'd like to know when your refund is coming",
        reflect("i'm not upset i just want to know when my refund is coming"));
  }

  @Test
  void neverParrotsALongUtteranceWordForWord() {
    String said = "the engineer was supposed to come between eight and twelve today and he never showed up";
    assertEquals("between eight and twelve today the engineer was supposed to come but he never showed up",
        reflect(said));
  }

  @Test
  void turnsQuestionsIntoWhatTheCallerWantsToKnow() {
    assertEquals("you'd like to know why your bill is so high", reflect("why is my bill so high"));
    assertEquals("you'd like to know how to reset your password", reflect("how do i reset my password"));
    assertEquals("you'd like to know if your payment went through", reflect("did my payment go through"));
    assertEquals("you'd like to know why your internet keeps dropping", reflect("why does my internet keep dropping"));
    assertEquals("you'd like us to send you a new router", reflect("can you send me a new router"));
  }

  @Test
  void findsNothingInFillersAlone() {
    assertEquals(Optional.empty(), Reflection.of("um uh hello"));
    assertEquals(Optional.empty(), Reflection.of(""));
  }
}
