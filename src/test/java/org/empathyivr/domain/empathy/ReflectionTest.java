package org.empathyivr.domain.empathy;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void agreesTheVerbWithYou() {
    assertEquals("you were charged twice for your bill", reflect("i was charged twice for my bill"));
    assertEquals("you are not happy with the service", reflect("i am not happy with the service"));
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
  void cutsLongRamblesAtAClauseBoundary() {
    String reflected =
        reflect(
            "my internet keeps dropping every evening around eight and the lights on the router go red and then i"
                + " have to restart everything and wait ten minutes");
    assertEquals("your internet keeps dropping every evening around eight", reflected);
  }

  @Test
  void findsNothingInFillersAlone() {
    assertEquals(Optional.empty(), Reflection.of("um uh hello"));
    assertEquals(Optional.empty(), Reflection.of(""));
  }
}
