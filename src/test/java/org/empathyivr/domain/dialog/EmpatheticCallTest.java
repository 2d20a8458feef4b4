package org.empathyivr.domain.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.empathyivr.domain.dialog.Caller.NameSource;
import org.empathyivr.domain.empathy.PhraseBook;
import org.empathyivr.domain.port.CallerDirectory;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.HandoffReason;
import org.empathyivr.domain.summary.PhraseUse;
import org.junit.jupiter.api.Test;

/**
 * Whole calls as a caller lives them: greeted by their name or none, heard out, their feelings acknowledged only
 * when shown, their issue said back in the assistant's words, never the same line twice, never a negative word.
 */
class EmpatheticCallTest {
  private static final List<String> NEGATIVE =
      List.of("unfortunately", "you must", "you need to", "calm down", "as i said", "policy");
  private static final PhraseBook phrases = StoryCall.phrases();

  private final StoryCall story = new StoryCall();
  private final ScriptedCallChannel channel = story.channel;
  private final TextAsAudio speech = story.speech;
  private final InMemoryHandoffStore store = story.store;

  private Handoff call(String callId, String number, String callerIdName, Map<String, String> directory) {
    return story.run(callId, Optional.ofNullable(number), Optional.ofNullable(callerIdName),
            InMemoryCallerDirectory.of(directory))
        .handoff();
  }

  private List<String> spoken() {
    return channel.said();
  }

  private List<String> ids(Handoff handoff) {
    return handoff.phrasesUsed().stream().map(PhraseUse::id).toList();
  }

  @Test
  void asksAnUnknownCallerForTheirFirstNameAndUsesItSparingly() {
    channel.says("maria").says("my internet keeps dropping every evening").says("yes");

    Handoff handoff = call("c-1", null, null, Map.of());

    List<String> said = spoken();
    assertTrue(said.get(0).endsWith("May I have your first name?"), said.get(0));
    assertTrue(said.get(1).contains("speak with you, Maria.") || said.get(1).contains("hear from you, Maria."),
        said.get(1));
    assertFalse(said.get(2).contains("Maria"), "not in every sentence: " + said.get(2));
    assertTrue(said.get(3).contains("Maria"), "the handoff names the caller: " + said.get(3));
    assertEquals(Optional.of("Maria"), handoff.caller().name());
    assertEquals(NameSource.SPOKEN, handoff.caller().nameSource());
  }

  @Test
  void listensForTheDirectorysNamesTooWhenAListedCallerRingsFromAnotherPhone() {
    channel.says("priyanka").says("my bill is wrong").says("yes");
    CallerDirectory callers = new CallerDirectory() {
      @Override
      public Optional<String> nameFor(String number) {
        return number.equals("5551234") ? Optional.of("Priyanka Patel") : Optional.empty();
      }

      @Override
      public Set<String> firstNames() {
        return Set.of("priyanka");
      }
    };
    assertFalse(CallerNames.FIRST_NAMES.contains("priyanka"), "not among the common names");

    Handoff handoff = new Conversation(
            new IncomingCall("c-10", "Local/s@caller-00000001;1", Optional.of("5559999"), Optional.empty()), channel,
            speech, speech, callers, store, new FixedClock(), DialogSettings.defaults(), phrases)
        .run()
        .handoff();

    assertEquals(Optional.of("Priyanka"), handoff.caller().name());
    assertEquals(NameSource.SPOKEN, handoff.caller().nameSource());
  }

  @Test
  void goesOnWithoutANameItDidNotHearClearly() {
    speech.unsureOf("dana");
    channel.says("dana").says("my bill is wrong").says("yes");

    Handoff handoff = call("c-2", null, null, Map.of());

    assertEquals(NameSource.NONE, handoff.caller().nameSource());
    assertTrue(spoken().stream().noneMatch(line -> line.contains("Dana")), spoken().toString());
    assertEquals(HandoffReason.CONFIRMED, handoff.reason());
  }

  @Test
  void neverTakesASentenceOrAnUnlistedWordForAName() {
    channel.says("zorblax").says("my bill is wrong").says("yes");
    assertEquals(NameSource.NONE, call("c-3", null, null, Map.of()).caller().nameSource());
  }

  @Test
  void takesTheIssueWhenTheCallerAnswersTheNameQuestionWithIt() {
    channel.says("my router has been blinking red since monday").says("yes");

    Handoff handoff = call("c-4", null, null, Map.of());

    assertTrue(spoken().get(1).toLowerCase().contains("your router has been blinking red since monday."), spoken().toString());
    assertEquals(Optional.of("my router has been blinking red since monday"), handoff.issue());
    assertEquals(NameSource.NONE, handoff.caller().nameSource());
    assertEquals(HandoffReason.CONFIRMED, handoff.reason());
  }

  @Test
  void acknowledgesAFeelingTheCallerShowedBeforeReflectingAndSpeaksMoreSoftly() {
    channel.says("i'm so frustrated my internet has been down for three days").says("yes");

    Handoff handoff = call("c-5", "5551234", null, Map.of("5551234", "Maria Lopez"));

    String reflection = spoken().get(2).toLowerCase();
    assertTrue(reflection.contains("frustrating") || reflection.contains("how you feel"), reflection);
    assertTrue(reflection.indexOf("your internet has been down for three days") > reflection.indexOf("."), reflection);
    List<String> ids = ids(handoff);
    assertTrue(ids.contains("acknowledge.frustrated"), ids.toString());
    assertTrue(ids.indexOf("acknowledge.frustrated") < ids.indexOf("reflect.lead.upset"), ids.toString());
    assertTrue(ids.contains("confirm.ask.upset") && ids.contains("reassure.upset"), ids.toString());
    assertFalse(reflection.contains("frustrated my"), "the feeling is acknowledged, not parroted: " + reflection);
  }

  @Test
  void neverClaimsAFeelingTheCallerDidNotShow() {
    for (String calm : List.of("my bill is wrong", "i'm not upset i just want to know when my refund is coming")) {
      ScriptedCallChannel fresh = new ScriptedCallChannel().says(calm).says("yes");
      Handoff handoff =
          new Conversation(new IncomingCall("c-6", "Local/x", Optional.of("5551234"), Optional.empty()), fresh,
                  speech, speech, InMemoryCallerDirectory.everyNumber("Maria Lopez"), store, new FixedClock(), DialogSettings.defaults(),
                  phrases)
              .run()
              .handoff();
      List<String> ids = ids(handoff);
      assertTrue(ids.stream().noneMatch(id -> id.startsWith("acknowledge.") || id.endsWith(".upset")), calm + ids);
    }
  }

  @Test
  void letsACallerVentAndAcknowledgesItBeforeAskingWhatHappened() {
    channel.says("honestly i'm a bit fed up").says("my bill went up by twenty dollars").says("yes");

    Handoff handoff = call("c-7", "5551234", null, Map.of("5551234", "Maria Lopez"));

    List<String> ids = ids(handoff);
    assertEquals(List.of("greeting.named", "ask.issue", "acknowledge.frustrated", "ask.after-feeling.upset"),
        ids.subList(0, 4));
    assertTrue(spoken().get(3).toLowerCase().contains("your bill went up by twenty dollars."), spoken().toString());
    assertEquals(Optional.of("my bill went up by twenty dollars"), handoff.issue());
  }

  @Test
  void invitesASilentCallerToTakeTheirTimeThenAsksGentlyThenOffersAColleague() {
    channel.staysSilent().staysSilent().staysSilent();

    Handoff handoff = call("c-8", "5551234", null, Map.of("5551234", "Maria Lopez"));

    List<String> said = spoken();
    assertTrue(said.get(2).startsWith("Take your time."), said.toString());
    assertFalse(said.get(3).startsWith("Take your time."), "a different, gentler reprompt: " + said);
    assertTrue(said.get(4).contains("colleague"), said.toString());
    assertEquals(List.of("patience.take-time", "reprompt.issue", "handoff.silence"), ids(handoff).subList(2, 5));
    assertEquals(HandoffReason.RETRIES_EXHAUSTED, handoff.reason());
  }

  @Test
  void givesTheCallerAtLeastFortyFiveSecondsToDescribeTheIssue() {
    assertTrue(DialogSettings.defaults().issueListening().maxMs() >= 45_000);
  }

  @Test
  void aWholeCallSpeaksNoLineTwiceAndNothingNegative() {
    channel.says("maria").says("i'm a little worried you charged me twice for my bill").says("no")
        .says("i was charged forty dollars twice in october").says("yes");

    call("c-9", null, "WIRELESS CALLER", Map.of());

    Set<String> lines = new HashSet<>();
    for (String line : spoken()) {
      for (String sentence : line.split("(?<=[.?!]) ")) {
        assertTrue(lines.add(sentence), "said twice: " + sentence);
      }
      for (String word : NEGATIVE) assertFalse(line.toLowerCase().contains(word), line);
    }
    assertTrue(spoken().stream().anyMatch(l -> l.toLowerCase().contains("you were charged forty dollars twice in october.")),
        spoken().toString());
  }

  @Test
  void printsThreeExampleCalls() {
    String[][] calls = {
      {"ex-1", "5551234", "Maria Lopez", "my internet keeps dropping every evening around eight", "yes"},
      {"ex-2", null, null, "dana", "hi um i'm really upset i was charged forty five dollars twice on my bill this"
          + " month and nobody has called me back", "yes"},
      {"ex-3", null, "WIRELESS CALLER", "", "", "why is my bill so high this month", "no",
          "can you tell me why my bill went up by twenty dollars", "yes"},
    };
    for (String[] script : calls) {
      ScriptedCallChannel example = new ScriptedCallChannel();
      for (int i = 3; i < script.length; i++) {
        if (script[i].isEmpty()) example.staysSilent(); else example.says(script[i]);
      }
      IncomingCall call = new IncomingCall(script[0], "Local/x", Optional.ofNullable(script[1]),
          Optional.ofNullable(script[2]));
      Handoff handoff = new Conversation(call, example, speech, speech,
              InMemoryCallerDirectory.of(Map.of("5551234", "Maria Lopez")), store, new FixedClock(),
              DialogSettings.defaults(), phrases)
          .run().handoff();
      System.out.println("example call " + script[0] + ":");
      handoff.transcript().forEach(t -> System.out.println("  " + t.speaker() + ": " + t.text()));
      assertNotEquals(HandoffReason.ERROR, handoff.reason());
    }
  }
}
