package org.empathyivr.domain.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.empathyivr.domain.dialog.Caller.NameSource;
import org.empathyivr.domain.empathy.PhraseBook;
import org.empathyivr.domain.port.SpokenPrompt;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.HandoffReason;
import org.empathyivr.domain.summary.PhraseUse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConversationTest {
  private static PhraseBook phrases;

  private final ScriptedCallChannel channel = new ScriptedCallChannel();
  private final TextAsAudio speech = new TextAsAudio();
  private final InMemoryHandoffStore store = new InMemoryHandoffStore();
  private Map<String, String> directory = Map.of("5551234", "Maria Lopez");

  @BeforeAll
  static void loadPhrasebook() {
    phrases = TheBundledPhraseBook.load();
  }

  private Outcome call(String number, String callerIdName) {
    IncomingCall call =
        new IncomingCall(
            "1795458575.313361",
            "Local/s@caller-00000001;1",
            Optional.ofNullable(number),
            Optional.ofNullable(callerIdName));
    return new Conversation(
            call,
            channel,
            speech,
            speech,
            InMemoryCallerDirectory.of(directory),
            store,
            new FixedClock(),
            DialogSettings.defaults(),
            phrases)
        .run();
  }

  @Test
  void reflectsIssueBeforeAskingToConfirmAndHandsOffConfirmed() {
    channel.says("my internet keeps dropping every evening").says("yes");

    Outcome outcome = call("5551234", "Maria Lopez");

    channel.assertLog(
        "answer",
        "say: Hello Maria. …",
        "~say: ",
        "record",
        "~your internet keeps dropping every evening.",
        "record",
        "~, Maria. A colleague who knows your story",
        "handoff: confirmed");
    Handoff handoff = outcome.handoff();
    assertEquals(HandoffReason.CONFIRMED, handoff.reason());
    assertTrue(handoff.confirmed());
    assertEquals(Optional.of("my internet keeps dropping every evening"), handoff.issue());
    assertEquals(Optional.of("your internet keeps dropping every evening"), handoff.reflection());
    assertEquals("support", handoff.queue());
    assertEquals(
        "Maria Lopez (5551234): \"my internet keeps dropping every evening\" (confirmed by the caller); reason: confirmed",
        handoff.summaryLine());
    assertEquals(List.of(handoff), store.saved(), "stored before the call goes on");
    assertTrue(outcome.problems().isEmpty());
  }

  @Test
  void keepsTheEmpathyRecordOfEveryPhrasebookLineSpoken() {
    channel.says("my internet keeps dropping every evening").says("yes");

    Handoff handoff = call("5551234", "Maria Lopez").handoff();

    assertEquals(
        List.of("greeting.named", "ask.issue", "reflect.lead", "confirm.ask", "handoff.confirmed.named"),
        handoff.phrasesUsed().stream().map(PhraseUse::id).toList());
  }

  @Test
  void asksWhetherTheReflectionIsRightInTheSamePrompt() {
    channel.says("i was charged twice for my bill").says("yeah");

    call("5551234", null);

    String reflection = channel.log().get(4);
    assertTrue(reflection.contains("you were charged twice for your bill."), reflection);
    assertTrue(reflection.endsWith("?"), reflection);
  }

  @Test
  void greetsByDirectoryNameBeforeCallerIdName() {
    channel.hangsUp();

    Outcome outcome = call("5551234", "Reception Desk");

    assertTrue(channel.log().get(1).startsWith("say: Hello Maria."), channel.log().toString());
    assertEquals(NameSource.DIRECTORY, outcome.handoff().caller().nameSource());
  }

  @Test
  void greetsByCallerIdNameWhenTheNumberIsNotInTheDirectory() {
    channel.hangsUp();

    Outcome outcome = call("5559999", "Jörg \"J\" Ünal");

    assertTrue(channel.log().get(1).startsWith("say: Hello Jörg."), channel.log().toString());
    assertEquals(Optional.of("Jörg Ünal"), outcome.handoff().caller().name());
    assertEquals(NameSource.CALLER_ID, outcome.handoff().caller().nameSource());
  }

  @Test
  void greetsWarmlyWithoutANameWhenCallerIdIsUnknown() {
    channel.hangsUp();

    Outcome outcome = call(null, null);

    assertTrue(channel.log().get(1).startsWith("say: Hello, th"), channel.log().toString());
    assertEquals(NameSource.NONE, outcome.handoff().caller().nameSource());
    assertEquals("Unknown caller: no issue heard; reason: caller-hung-up", outcome.handoff().summaryLine());
  }

  @Test
  void doesNotGreetAPlaceholderOrCompanyName() {
    directory = Map.of();
    for (String placeholder : List.of("WIRELESS CALLER", "Acme Services Inc", "5551234", "Anonymous")) {
      ScriptedCallChannel fresh = new ScriptedCallChannel().hangsUp();
      Outcome outcome =
          new Conversation(
                  new IncomingCall("1.1", "Local/x", Optional.of("5551234"), Optional.of(placeholder)),
                  fresh,
                  speech,
                  speech,
                  InMemoryCallerDirectory.empty(),
                  store,
                  new FixedClock(),
                  DialogSettings.defaults(),
                  phrases)
              .run();
      assertEquals(NameSource.NONE, outcome.handoff().caller().nameSource(), placeholder);
    }
  }

  @Test
  void apologisesAndListensAgainWhenTheCallerSaysNo() {
    channel.says("my router is broken").says("no").says("my phone line is dead").says("yes");

    Outcome outcome = call("5551234", null);

    channel.assertLog(
        "answer",
        "say: Hello Maria. …",
        "~say: ",
        "record",
        "~your router is broken.",
        "record",
        "~" + apology(channel),
        "record",
        "~our phone line is dead.",
        "record",
        "~, Maria. A colleague who knows your story",
        "handoff: confirmed");
    assertEquals(Optional.of("my phone line is dead"), outcome.handoff().issue());
    assertTrue(outcome.handoff().confirmed());
  }

  private static String apology(ScriptedCallChannel channel) {
    String line = channel.log().get(6);
    assertTrue(line.contains("got that wrong") || line.contains("misunderstood"), line);
    return line.substring(line.indexOf(':') + 2);
  }

  @Test
  void takesTheCorrectionThatFollowsANo() {
    channel.says("my internet is slow").says("no it's the router that keeps restarting").says("yes");

    Outcome outcome = call("5551234", null);

    assertTrue(channel.log().get(6).contains("correcting me") || channel.log().get(6).contains("putting me right"));
    assertTrue(channel.log().get(7).toLowerCase().contains("the router keeps restarting."), channel.log().get(7));
    assertEquals(Optional.of("the router keeps restarting"), outcome.handoff().issue());
    assertEquals(HandoffReason.CONFIRMED, outcome.handoff().reason());
  }

  @Test
  void handsOffAfterTooManyCorrections() {
    channel.says("my tv has no picture").says("no").says("my tv has no sound").says("no").says("my tv is off")
        .says("no");

    Outcome outcome = call("5551234", null);

    assertEquals(HandoffReason.RETRIES_EXHAUSTED, outcome.handoff().reason());
    assertFalse(outcome.handoff().confirmed());
    assertEquals(Optional.of("my tv is off"), outcome.handoff().issue(), "the latest version is what agents get");
  }

  @Test
  void repromptsGentlyOnSilenceNeverWithTheSameWordsTwiceInARow() {
    channel.staysSilent().staysSilent().says("my email stopped working").says("yes");

    Outcome outcome = call("5551234", null);

    List<String> log = channel.log();
    assertEquals("record", log.get(3));
    assertEquals("record", log.get(5));
    assertNotEquals(log.get(2), log.get(4));
    assertNotEquals(log.get(4), log.get(6));
    assertTrue(log.get(8).contains("your email stopped working."), log.get(8));
    assertEquals(HandoffReason.CONFIRMED, outcome.handoff().reason());
  }

  @Test
  void handsOffWhenNothingIsHeardWithinTheReprompts() {
    channel.staysSilent().staysSilent().staysSilent();

    Outcome outcome = call("5551234", null);

    assertEquals(HandoffReason.RETRIES_EXHAUSTED, outcome.handoff().reason());
    assertEquals(Optional.empty(), outcome.handoff().issue());
    assertTrue(channel.log().get(channel.log().size() - 2).contains("colleague"));
  }

  @Test
  void repromptsForYesOrNoWithTheKeypadHint() {
    channel.says("my bill is wrong").says("the weather is lovely").presses('1');

    Outcome outcome = call("5551234", null);

    String reprompt = channel.log().get(6);
    assertTrue(reprompt.contains("press 1"), reprompt);
    assertEquals(HandoffReason.CONFIRMED, outcome.handoff().reason());
  }

  @Test
  void keypadTwoMeansNo() {
    channel.says("my bill is wrong").presses('2').says("my bill is too high").presses('1');

    Outcome outcome = call("5551234", null);

    assertEquals(Optional.of("my bill is too high"), outcome.handoff().issue());
    assertEquals(HandoffReason.CONFIRMED, outcome.handoff().reason());
  }

  @Test
  void handsOffAtOnceWhenTheCallerAsksForAnAgent() {
    channel.says("i want to talk to an agent");

    Outcome outcome = call("5551234", null);

    channel.assertLog(
        "answer", "say: Hello Maria. …", "~say: ", "record", "say: Of course. …", "handoff: caller-asked");
    assertEquals(HandoffReason.CALLER_ASKED, outcome.handoff().reason());
  }

  @Test
  void handsOffAtOnceWhenTheCallerPressesZeroDuringTheGreeting() {
    channel.pressesDuringPrompt('0');

    Outcome outcome = call("5551234", null);

    // The greeting plays in parts ("Hello Maria.", then the rest); the key stops it at once, so the rest is not said.
    channel.assertLog(
        "answer", "say: Hello Maria.", "key during prompt: 0", "say: Of course. …", "handoff: caller-asked");
    assertEquals(HandoffReason.CALLER_ASKED, outcome.handoff().reason());
  }

  @Test
  void asksForAPersonInsteadOfConfirming() {
    channel.says("my phone is broken").says("agent");

    assertEquals(HandoffReason.CALLER_ASKED, call("5551234", null).handoff().reason());
  }

  @Test
  void aHangupAtEveryStepStillProducesTheHandoff() {
    List<ScriptedCallChannel> scripts =
        List.of(
            new ScriptedCallChannel().hangsUpDuringPrompt(),
            new ScriptedCallChannel().hangsUp(),
            new ScriptedCallChannel().hangsUpAfterSaying("my internet keeps dropping"),
            new ScriptedCallChannel().says("my internet keeps dropping").hangsUp(),
            new ScriptedCallChannel().says("my internet keeps dropping").hangsUpDuringPrompt(),
            new ScriptedCallChannel().says("my internet keeps dropping").says("no").hangsUp(),
            new ScriptedCallChannel().says("my internet keeps dropping").says("yes").hangsUpDuringPrompt(),
            new ScriptedCallChannel().staysSilent().hangsUp());
    for (ScriptedCallChannel script : scripts) {
      InMemoryHandoffStore fresh = new InMemoryHandoffStore();
      Outcome outcome =
          new Conversation(
                  new IncomingCall("9.9", "Local/x", Optional.of("5551234"), Optional.empty()),
                  script,
                  speech,
                  speech,
                  InMemoryCallerDirectory.everyNumber("Maria Lopez"),
                  fresh,
                  new FixedClock(),
                  DialogSettings.defaults(),
                  phrases)
              .run();
      assertEquals(HandoffReason.HUNG_UP, outcome.handoff().reason(), script.log().toString());
      assertEquals(List.of(outcome.handoff()), fresh.saved());
      assertTrue(script.log().get(script.log().size() - 1).equals("handoff: caller-hung-up"));
    }
  }

  @Test
  void keepsWhatTheCallerSaidBeforeHangingUp() {
    channel.hangsUpAfterSaying("my internet keeps dropping every evening");

    Outcome outcome = call("5551234", null);

    assertEquals(Optional.of("my internet keeps dropping every evening"), outcome.handoff().issue());
    assertEquals("my internet keeps dropping every evening", lastCallerTurn(outcome.handoff()));
  }

  @Test
  void aRecognizerFailureApologisesAndHandsOffWithReasonError() {
    speech.failRecognition();
    channel.says("my internet keeps dropping");

    Outcome outcome = call("5551234", null);

    assertEquals(HandoffReason.ERROR, outcome.handoff().reason());
    assertTrue(channel.log().get(channel.log().size() - 2).contains("trouble on my side"));
    assertEquals(1, outcome.problems().size());
  }

  @Test
  void aBrokenChannelStillHandsOffWithReasonError() {
    channel.failsToPlay();

    Outcome outcome = call("5551234", null);

    assertEquals(HandoffReason.ERROR, outcome.handoff().reason());
    assertEquals("handoff: error", channel.log().get(channel.log().size() - 1));
    assertEquals(List.of(outcome.handoff()), store.saved());
  }

  @Test
  void anUnreachableStoreStillSendsTheCallerToAHuman() {
    store.goDown();
    channel.says("my internet keeps dropping").says("yes");

    Outcome outcome = call("5551234", null);

    assertEquals("handoff: confirmed", channel.log().get(channel.log().size() - 1));
    assertEquals(1, outcome.problems().size(), "the store failure is reported, not swallowed");
  }

  @Test
  void promptsWithNamesOrReflectionsAreNotReusedAcrossCalls() {
    channel.says("my internet keeps dropping").says("yes");

    call("5551234", null);

    for (SpokenPrompt prompt : channel.played()) {
      boolean personal = prompt.text().contains("Maria") || prompt.text().contains("internet");
      assertEquals(!personal, prompt.reusable(), prompt.text());
    }
  }

  @Test
  void theTranscriptHoldsBothSidesInOrder() {
    channel.says("my internet keeps dropping").says("yes");

    Handoff handoff = call("5551234", null).handoff();

    List<String> speakers = handoff.transcript().stream().map(t -> t.speaker().name().charAt(0) + "").toList();
    assertEquals(List.of("A", "A", "C", "A", "C", "A"), speakers);
    assertEquals("my internet keeps dropping", handoff.transcript().get(2).text());
  }

  @Test
  void asksOnceToSayAnUnclearIssueAgainThenSaysItBackAsAQuestionNotAsFact() {
    speech.unsureOf("router", "blinking", "orange");
    channel.says("my router is blinking orange").says("my router is blinking orange").says("yes");

    Outcome outcome = call("5551234", null);

    assertTrue(channel.log().get(4).contains("Could you say that again"), channel.log().get(4));
    String reflection = channel.log().get(6);
    assertTrue(reflection.toLowerCase().contains("your router is blinking orange."), reflection);
    assertTrue(
        reflection.contains("I want to be sure I heard you right") || reflection.contains("let me check"),
        "a tentative lead-in, not a plain reflection: " + reflection);
    assertTrue(reflection.endsWith("?"), reflection);
    Turn issueTurn = outcome.handoff().transcript().get(2);
    assertEquals("my router is blinking orange", issueTurn.text());
    assertEquals((2 * TextAsAudio.SURE + 3 * TextAsAudio.UNSURE) / 5, issueTurn.confidence(), 1e-9,
        "the handoff keeps how sure the recognizer was");
    assertEquals(HandoffReason.CONFIRMED, outcome.handoff().reason(), "the caller's yes settles it");
    assertEquals(Optional.of("my [unclear] is [unclear]"), outcome.handoff().issue(), "the agent sees what was unclear");
  }

  @Test
  void saysBackOnlyThePartThatWasHeardSurely() {
    speech.unsureOf("evening");
    channel.says("my internet keeps dropping every evening").says("yes");

    Outcome outcome = call("5551234", null);

    String reflection = channel.log().get(4);
    assertFalse(reflection.contains("sure I heard you") || reflection.contains("let me check"), reflection);
    assertTrue(reflection.contains("your internet keeps dropping."), "the sure part, as fact: " + reflection);
    assertFalse(reflection.contains("evening"), "never a word the recognizer was unsure of: " + reflection);
    assertEquals(Optional.of("my internet keeps dropping every [unclear]"), outcome.handoff().issue());
  }

  @Test
  void asksAgainWhenTheYesWasHeardWithLowConfidence() {
    speech.unsureOf("yeah", "weather");
    channel.says("my internet keeps dropping").says("yeah the weather").says("yes");

    Outcome outcome = call("5551234", null);

    channel.assertLog(
        "answer",
        "say: Hello Maria. …",
        "~say: ",
        "record",
        "~your internet keeps dropping.",
        "record",
        "~say yes or no",
        "record",
        "~, Maria. A colleague who knows your story",
        "handoff: confirmed");
    List<Double> callerConfidences = outcome.handoff().transcript().stream()
        .filter(t -> t.speaker() == Turn.Speaker.CALLER).map(Turn::confidence).toList();
    assertEquals(List.of(TextAsAudio.SURE, TextAsAudio.UNSURE, TextAsAudio.SURE), callerConfidences,
        "the grammar's words are the caller's turn in the transcript");
  }

  @Test
  void aCorrectionHeardWithLowConfidenceIsAskedForAgainThenSaidBackTentatively() {
    speech.unsureOf("flashing");
    channel.says("my internet is slow").says("no the modem keeps flashing").says("the modem keeps flashing")
        .says("yes");

    Outcome outcome = call("5551234", null);

    assertTrue(channel.log().get(6).contains("say that again"), "asked at once, not thanked first: " + channel.log());
    assertTrue(channel.log().stream().noneMatch(l -> l.contains("correcting me") || l.contains("putting me right")),
        channel.log().toString());
    String reflection = channel.log().get(8);
    assertTrue(reflection.toLowerCase().contains("the modem keeps flashing."), reflection);
    assertTrue(reflection.contains("sure I heard you") || reflection.contains("let me check"), reflection);
    assertEquals(Optional.of("the modem keeps [unclear]"), outcome.handoff().issue());
  }

  @Test
  void anUnclearDenialIsADenialNotACorrection() {
    speech.unsureOf("modem", "keeps", "flashing");
    channel.says("my internet is slow").says("no the modem keeps flashing").says("my internet is slow").says("yes");

    Outcome outcome = call("5551234", null);

    assertTrue(channel.log().get(6).contains("got that wrong") || channel.log().get(6).contains("misunderstood"),
        channel.log().get(6));
    assertEquals(Optional.of("my internet is slow"), outcome.handoff().issue());
  }

  private static String lastCallerTurn(Handoff handoff) {
    return handoff.transcript().stream()
        .filter(t -> t.speaker() == Turn.Speaker.CALLER)
        .reduce((a, b) -> b)
        .orElseThrow()
        .text();
  }
}
