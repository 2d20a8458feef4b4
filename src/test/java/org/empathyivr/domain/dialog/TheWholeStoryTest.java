package org.empathyivr.domain.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.HandoffReason;
import org.junit.jupiter.api.Test;

/** The agent gets the caller's real story: never a denial as the issue, never less than the caller said. */
class TheWholeStoryTest {
  private final StoryCall story = new StoryCall();
  private final ScriptedCallChannel channel = story.channel;

  private Handoff call() {
    return story.run("1795458575.77", Optional.of("5550123"), Optional.of("Dana Reyes"), InMemoryCallerDirectory.empty())
        .handoff();
  }

  @Test
  void aDenialSentenceIsApologizedForAndTheIssueAskedAgainNeverSaidBack() {
    channel.says("my internet keeps dropping").says("no, that's not right").says("my phone line is dead")
        .says("yes");

    Handoff handoff = call();

    assertTrue(channel.log().get(6).contains("got that wrong") || channel.log().get(6).contains("misunderstood"),
        channel.log().get(6));
    assertTrue(channel.log().stream().noneMatch(l -> l.contains("that's not right.")), channel.log().toString());
    assertEquals(HandoffReason.CONFIRMED, handoff.reason());
    assertEquals(Optional.of("my phone line is dead"), handoff.issue());
    assertEquals("Dana Reyes (5550123): \"my phone line is dead\" (confirmed by the caller); reason: confirmed",
        handoff.summaryLine());
  }

  @Test
  void aDenialSaidWhenAskedForTheIssueIsNotTheIssue() {
    channel.says("my internet keeps dropping").says("no").says("no that is not what i said")
        .says("my landline has no dial tone").says("yes");

    Handoff handoff = call();

    assertEquals(Optional.of("my landline has no dial tone"), handoff.issue());
    assertTrue(handoff.said().stream().noneMatch(s -> s.contains("not what i said")), handoff.said().toString());
  }

  @Test
  void aReplyThatSaysTheIssueAgainWithoutYesOrNoIsACorrection() {
    channel.says("my internet is slow").says("my phone line has been dead since monday").says("yes");

    Handoff handoff = call();

    assertTrue(channel.log().get(7).toLowerCase().contains("your phone line has been dead since monday."),
        channel.log().toString());
    assertEquals(Optional.of("my phone line has been dead since monday"), handoff.issue());
    assertTrue(handoff.confirmed());
  }

  @Test
  void aCallerAngryFromTheFirstSentenceIsHandedOffWithWhatTheySaid() {
    channel.says("this is ridiculous my internet has been down for a week and nobody called me back");

    Handoff handoff = call();

    assertEquals(HandoffReason.FRUSTRATED, handoff.reason());
    assertEquals(Optional.of("this is ridiculous my internet has been down for a week and nobody called me back"),
        handoff.issue());
    assertFalse(handoff.summaryLine().contains("no issue heard"), handoff.summaryLine());
    assertTrue(handoff.spokenSummary().contains("internet has been down for a week"), handoff.spokenSummary());
  }

  @Test
  void aCallerWhoGrowsAngryIsHandedOffWithEveryTurnThatCarriedTheStory() {
    channel.says("my goal is wrong").says("no").says("this is useless you never listen fix my bill");

    Handoff handoff = call();

    assertEquals(HandoffReason.FRUSTRATED, handoff.reason());
    assertEquals(List.of("my goal is wrong", "this is useless you never listen fix my bill"), handoff.said());
    assertTrue(handoff.summaryLine().contains(
        "said: \"my goal is wrong\"; then: \"this is useless you never listen fix my bill\" (not confirmed)"),
        handoff.summaryLine());
    assertTrue(handoff.spokenSummary().contains("then this is useless you never listen fix their bill"),
        handoff.spokenSummary());
  }

  @Test
  void aCallerWhoHangsUpAfterStatingTheIssueHasItInTheSummary() {
    channel.says("my router keeps restarting every night").hangsUp();

    Handoff handoff = call();

    assertEquals(HandoffReason.HUNG_UP, handoff.reason());
    assertTrue(handoff.summaryLine().contains("\"my router keeps restarting every night\""), handoff.summaryLine());
  }

  @Test
  void aDenialWhenAskedToSayTheIssueAgainCountsAsADenialAndAYesDoesNot() {
    story.speech.unsureOf("internet", "dropping");
    channel.says("my internet keeps dropping").says("no that's not right").says("yes").says("my phone line is dead")
        .says("yes");

    Handoff handoff = call();

    assertTrue(channel.log().get(4).contains("say that again"), channel.log().toString());
    assertEquals(Optional.of("my phone line is dead"), handoff.issue());
    assertTrue(handoff.frustration().cues().stream().anyMatch(c -> c.id().equals("dialog.denials")),
        handoff.frustration().toString());
    assertTrue(handoff.frustration().cues().stream().anyMatch(c -> c.id().equals("dialog.reprompts")),
        "the bare yes had to be asked about again: " + handoff.frustration());
  }
}
