package org.empathyivr.domain.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.dialog.Caller;
import org.empathyivr.domain.dialog.Turn;
import org.empathyivr.domain.frustration.Frustration;
import org.junit.jupiter.api.Test;

class SpokenSummaryTest {
  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
  private static final Caller MARIA =
      new Caller(Optional.of("5551234"), Optional.of("Maria Lopez"), Caller.NameSource.DIRECTORY);
  private static final Caller UNKNOWN = new Caller(Optional.empty(), Optional.empty(), Caller.NameSource.NONE);

  @Test
  void tellsTheAgentWhoWhatAndThatItWasConfirmedInOneSentence() {
    Handoff h = handoff(MARIA, "my internet keeps dropping every evening", true, HandoffReason.CONFIRMED,
        Frustration.NONE);

    assertEquals("Maria Lopez says their internet keeps dropping every evening; Maria confirmed it.",
        h.spokenSummary());
  }

  @Test
  void saysTheCallerIsFrustratedAndWhyWithoutGuessingAGender() {
    Frustration upset = new Frustration(0.9, List.of(
        new Frustration.Cue("words.repeat", "it's their third call", 0.5),
        new Frustration.Cue("voice.louder", "raised voice", 0.3)));
    Handoff h = handoff(MARIA, "I am so tired of this, my phone is dead again", true, HandoffReason.CONFIRMED, upset);

    assertEquals("Maria Lopez says they are so tired of this, their phone is dead again; Maria confirmed it;"
        + " frustrated: it's their third call.", h.spokenSummary());
  }

  @Test
  void callsAnUnnamedCallerTheCallerAndSaysWhyTheyCameEarly() {
    Handoff h = handoff(UNKNOWN, "I can't log in to my account", false, HandoffReason.CALLER_ASKED,
        new Frustration(0.78, List.of()));

    assertEquals("The caller says they can't log in to their account; not confirmed; maybe a little frustrated;"
        + " asked for a person.", h.spokenSummary());
  }

  @Test
  void saysSoWhenNoIssueWasHeard() {
    Handoff h = handoff(UNKNOWN, null, false, HandoffReason.HUNG_UP, Frustration.NONE);

    assertEquals("The caller, no issue was heard; hung up before the end.", h.spokenSummary());
  }

  @Test
  void turnsFirstPersonWordsToTheThirdKeepingPunctuation() {
    assertEquals("they're locked out; their modem, not theirs... wait, theirs!",
        SpokenSummary.thirdPerson("I'm locked out; my modem, not mine... wait, mine!"));
    assertEquals("they were charged twice and it's not them", SpokenSummary.thirdPerson("I was charged twice and it's not me"));
  }

  @Test
  void listsWhatTheAssistantSaidAndAsked() {
    Handoff h = handoff(MARIA, "my internet", true, HandoffReason.CONFIRMED, Frustration.NONE);

    assertEquals(List.of("Hello Maria, how can I help?", "Your internet, is that right?"),
        h.assistantTurns().stream().map(Turn::text).toList());
  }

  static Handoff handoff(Caller caller, String issue, boolean confirmed, HandoffReason reason, Frustration f) {
    return new Handoff("H-1", AT, "1795458575.1", "PJSIP/trunk-1", caller, Optional.ofNullable(issue),
        Optional.ofNullable(issue).map(i -> "your " + i), issue == null ? List.of() : List.of(issue), confirmed, reason, "support", 5, Duration.ofSeconds(40),
        List.of(new Turn(AT, Turn.Speaker.ASSISTANT, "Hello Maria, how can I help?", 1.0),
            new Turn(AT.plusSeconds(3), Turn.Speaker.CALLER, "my internet", 0.9),
            new Turn(AT.plusSeconds(9), Turn.Speaker.ASSISTANT, "Your internet, is that right?", 1.0)),
        f, List.of());
  }
}
