package org.empathyivr.domain.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.frustration.Frustration;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.HandoffReason;
import org.empathyivr.domain.summary.PhraseUse;
import org.junit.jupiter.api.Test;

/** A caller who is upset is acknowledged and handed to a person at once, ahead in the queue, with the reasons. */
class FrustratedCallerTest {
  private final StoryCall story = new StoryCall();
  private final ScriptedCallChannel channel = story.channel;
  private final TextAsAudio speech = story.speech;
  private final InMemoryHandoffStore store = story.store;

  private Outcome call() {
    return story.run("1795458575.9", Optional.of("5559876"), Optional.empty(), InMemoryCallerDirectory.everyNumber("Sam Carter"));
  }

  @Test
  void anAngryCallerIsAcknowledgedAndHandedOffAtOnceWithoutAnotherQuestion() {
    channel.says("this is ridiculous it's the third time i'm calling and it's still not fixed").says("yes");

    Outcome outcome = call();

    channel.assertLog(
        "answer", "~Hello Sam.", "~say: ", "record", "~a person right now", "handoff: frustrated");
    Handoff handoff = outcome.handoff();
    assertEquals(List.of("ask.issue", "handoff.frustrated"),
        handoff.phrasesUsed().subList(handoff.phrasesUsed().size() - 2, handoff.phrasesUsed().size()).stream()
            .map(PhraseUse::id).toList());
    assertEquals(HandoffReason.FRUSTRATED, handoff.reason());
    assertEquals(DialogSettings.defaults().frustration().priority(), handoff.priority());
    assertTrue(handoff.priority() > DialogSettings.defaults().priority());
    Frustration f = handoff.frustration();
    assertTrue(f.score() >= DialogSettings.defaults().frustration().threshold(), f.toString());
    assertTrue(f.cues().stream().anyMatch(c -> c.explanation().contains("'third time'")), f.toString());
    assertTrue(f.cues().stream().anyMatch(c -> c.explanation().contains("'ridiculous'")), f.toString());
    assertTrue(handoff.summaryLine().matches(".*; reason: frustrated; frustration 0\\.\\d\\d: .*'ridiculous'.*"),
        "the agent's one line carries the score and the strongest cues: " + handoff.summaryLine());
    assertTrue(handoff.summaryLine().length() <= Handoff.MAX_SUMMARY_CHARS, handoff.summaryLine());
    assertTrue(handoff.summaryLine().contains("\"this is ridiculous it's the third time i'm calling and it's still not"
        + " fixed\""), "what made them frustrated: " + handoff.summaryLine());
    assertTrue(handoff.spokenSummary().contains("frustrated: "), handoff.spokenSummary());
  }

  @Test
  void aCalmCallerWhoIsMisunderstoodOnceIsNotTreatedAsFrustrated() {
    channel.says("my router is broken").says("no").says("my phone line is dead").says("yes");

    Outcome outcome = call();

    assertEquals(HandoffReason.CONFIRMED, outcome.handoff().reason());
    assertEquals(DialogSettings.defaults().priority(), outcome.handoff().priority());
    Frustration f = outcome.handoff().frustration();
    assertTrue(f.score() < DialogSettings.defaults().frustration().threshold(), f.toString());
    assertTrue(f.cues().stream().anyMatch(c -> c.id().equals("dialog.denials")), "the denial is still on record");
  }

  @Test
  void belowTheThresholdTheLevelStillSoftensTheNextPrompt() {
    channel.says("i was charged twice for my bill again and no one has called me back").says("yes");

    Outcome outcome = call();

    Handoff handoff = outcome.handoff();
    assertEquals(HandoffReason.CONFIRMED, handoff.reason());
    double score = handoff.frustration().score();
    assertTrue(score >= DialogSettings.defaults().frustration().toneThreshold()
        && score < DialogSettings.defaults().frustration().threshold(), handoff.frustration().toString());
    List<String> ids = handoff.phrasesUsed().stream().map(PhraseUse::id).toList();
    assertTrue(ids.contains("reflect.lead.upset") && ids.contains("confirm.ask.upset"), ids.toString());
    assertTrue(ids.stream().noneMatch(id -> id.startsWith("acknowledge.")), "no feeling claimed: " + ids);
  }

  @Test
  void angerAfterADenialEndsTheQuestions() {
    channel.says("my internet keeps dropping").says("no you're not listening this is useless");

    Outcome outcome = call();

    assertEquals(HandoffReason.FRUSTRATED, outcome.handoff().reason());
    assertFalse(outcome.handoff().confirmed());
    assertTrue(channel.log().stream().noneMatch(line -> line.contains("got that wrong")), channel.log().toString());
  }
}
