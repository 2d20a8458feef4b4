package org.empathyivr.domain.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.HandoffReason;
import org.junit.jupiter.api.Test;

/** A caller who reads out a card number and an e-mail address: the agent's handoff has neither, wherever it goes. */
class RedactedHandoffTest {
  private static final String CARD_SPOKEN = "four one one one one one one one one one one one one one one one";
  private final StoryCall story = new StoryCall();
  private final ScriptedCallChannel channel = story.channel;
  private final TextAsAudio speech = story.speech;
  private final InMemoryHandoffStore store = story.store;

  private Handoff call() {
    return story.run("1795458575.313361", Optional.of("5551234"), Optional.of("Maria Lopez"), InMemoryCallerDirectory.empty())
        .handoff();
  }

  @Test
  void theStoredAndSentHandoffCarriesMarkersNotTheCardOrTheAddress() {
    channel.says("my card " + CARD_SPOKEN + " was charged twice email me at maria dot lopez at gmail dot com")
        .says("yes");

    Handoff handoff = call();

    assertEquals(HandoffReason.CONFIRMED, handoff.reason());
    assertEquals(
        Optional.of("my card [card number] was charged twice email me at [email address]"), handoff.issue());
    assertEquals(Optional.of("your card was charged twice"), handoff.reflection());
    assertTrue(handoff.summaryLine().contains("[card number]"), handoff.summaryLine());
    String everything = handoff.toString();
    assertFalse(everything.contains("four one one"), everything);
    assertFalse(everything.contains("gmail"), everything);
    assertEquals(List.of(handoff), store.saved(), "the store gets the redacted handoff");
    assertEquals(handoff, channel.handoff(), "the channel variables are set from the redacted handoff");
    // Nor does the caller hear the number said back: anyone near them would.
    assertFalse(channel.log().stream().anyMatch(line -> line.contains("four one one")), channel.log().toString());
    assertFalse(channel.log().stream().anyMatch(line -> line.contains("[card number]")), channel.log().toString());
  }

  @Test
  void theTranscriptKeepsEveryTurnInOrderWithOnlyThePersonalDataReplaced() {
    channel.says("the security code one two three is not accepted").says("yes");

    Handoff handoff = call();

    List<String> callerTurns =
        handoff.transcript().stream().filter(t -> t.speaker() == Turn.Speaker.CALLER).map(Turn::text).toList();
    assertEquals(List.of("the security code [security code] is not accepted", "yes"), callerTurns);
    assertEquals(
        handoff.transcript().stream().map(Turn::at).toList(),
        handoff.transcript().stream().map(Turn::at).sorted().toList());
  }
}
