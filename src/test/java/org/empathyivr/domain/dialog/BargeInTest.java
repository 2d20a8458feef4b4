package org.empathyivr.domain.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.empathyivr.domain.port.SpokenPrompt;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.HandoffReason;
import org.junit.jupiter.api.Test;

/** A caller may talk over the assistant: it stops and listens, except while it announces the handoff. */
class BargeInTest {
  private final StoryCall story = new StoryCall();
  private final ScriptedCallChannel channel = story.channel;

  private Handoff call() {
    return story.run("1795458575.78", Optional.of("5550123"), Optional.of("Dana Reyes"), InMemoryCallerDirectory.empty())
        .handoff();
  }

  @Test
  void aCallerWhoStartsTalkingDuringTheGreetingIsHeardAsTheIssueWithoutBeingAskedForIt() {
    channel.speaksOverPrompt("my internet keeps dropping every evening").says("yes");

    Handoff handoff = call();

    assertTrue(channel.log().get(1).startsWith("say: Hello Dana."), channel.log().get(1));
    assertEquals("speaks over prompt", channel.log().get(2));
    assertEquals("record", channel.log().get(3), "no 'in your own words' after the caller started: " + channel.log());
    assertTrue(channel.log().get(4).toLowerCase().contains("your internet keeps dropping every evening"),
        channel.log().toString());
    assertEquals(HandoffReason.CONFIRMED, handoff.reason());
    assertEquals(Optional.of("my internet keeps dropping every evening"), handoff.issue());
  }

  @Test
  void aYesSaidOverTheSayBackIsTheAnswer() {
    channel.says("my internet keeps dropping").speaksOverPrompt("yes");

    Handoff handoff = call();

    assertEquals(HandoffReason.CONFIRMED, handoff.reason());
    assertTrue(handoff.confirmed());
  }

  @Test
  void theHandoffAnnouncementIsHeardWholeWhateverTheCallerSays() {
    channel.says("my internet keeps dropping").says("yes").speaksOverPrompt("hello? are you there?");

    call();

    SpokenPrompt last = channel.played().get(channel.played().size() - 1);
    assertTrue(last.heardWhole(), last.text());
    assertTrue(channel.said().get(channel.said().size() - 1).contains("will be right with you"),
        channel.said().toString());
    assertTrue(channel.log().stream().noneMatch(l -> l.equals("speaks over prompt")), channel.log().toString());
  }
}
