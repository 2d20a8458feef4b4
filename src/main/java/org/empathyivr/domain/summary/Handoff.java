package org.empathyivr.domain.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.empathyivr.domain.dialog.Caller;
import org.empathyivr.domain.dialog.Turn;
import org.empathyivr.domain.frustration.Frustration;

/**
 * Everything a human agent needs to take over a call without asking the caller to repeat themselves.
 *
 * @param id unique handoff id
 * @param at when the handoff was made
 * @param callId the telephony's id of the call (Asterisk's unique id)
 * @param channel the telephony channel name
 * @param caller who called
 * @param issue the caller's own words about the problem: the confirmed issue, else their latest statement of it;
 *     words the recognizer was unsure of are {@code [unclear]}; empty if none
 * @param reflection the assistant's paraphrase that was put to the caller; empty if none
 * @param said everything the caller said that carries content (not a bare yes or no), in order: the story when
 *     nothing was confirmed
 * @param confirmed whether the caller confirmed the reflection
 * @param reason why the call was handed off
 * @param queue the agent queue to send the call to
 * @param priority the queue priority (higher is answered sooner)
 * @param withAssistant how long the caller spent with the assistant
 * @param transcript the whole call, turn by turn
 * @param frustration how frustrated the caller seemed, with the cues that fired
 * @param phrasesUsed the phrasebook lines the assistant spoke, by id and time: the call's empathy record
 */
public record Handoff(
    String id,
    Instant at,
    String callId,
    String channel,
    Caller caller,
    Optional<String> issue,
    Optional<String> reflection,
    List<String> said,
    boolean confirmed,
    HandoffReason reason,
    String queue,
    int priority,
    Duration withAssistant,
    List<Turn> transcript,
    Frustration frustration,
    List<PhraseUse> phrasesUsed) {

  public Handoff {
    said = List.copyOf(said);
    transcript = List.copyOf(transcript);
    phrasesUsed = List.copyOf(phrasesUsed);
  }

  /**
   * The most characters of {@link #summaryLine()}: what a softphone's call-information field or screen pop shows
   * whole (the Asterisk channel variable itself takes more).
   */
  public static final int MAX_SUMMARY_CHARS = 250;
  /** The story always has this much room, the frustration cues at most this much: the agent needs the story first. */
  private static final int MIN_STORY_CHARS = 120;
  private static final int MAX_FEELING_CHARS = 80;

  /**
   * One line for channel variables and screen pops: who, what, whether confirmed, and why handed off; at most
   * {@value #MAX_SUMMARY_CHARS} characters. What is an issue confirmed by the caller, or else the story in the
   * caller's words, in order ({@code said: "..."; then: "..."}), the oldest statements shortened first.
   */
  public String summaryLine() {
    StringBuilder who = new StringBuilder();
    who.append(caller.name().orElse("Unknown caller"));
    caller.number().ifPresent(n -> who.append(" (").append(n).append(')'));
    who.append(": ");
    String status = issue.isEmpty() ? "" : confirmed ? " (confirmed by the caller)" : " (not confirmed)";
    String reasonPart = "; reason: " + reason.label();
    String feeling = "";
    if (reason == HandoffReason.FRUSTRATED || frustration.score() >= SpokenSummary.SOMEWHAT_FRUSTRATED) {
      feeling = String.format(Locale.ROOT, "; frustration %.2f", frustration.score());
      // The strongest cues first: the line may not have room for them all.
      List<String> cues = frustration.cues().stream()
          .sorted(Comparator.comparingDouble((Frustration.Cue c) -> -c.weight()))
          .map(Frustration.Cue::explanation).toList();
      if (!cues.isEmpty()) feeling += ": " + String.join(", ", cues);
    }
    int fixed = who.length() + status.length() + reasonPart.length();
    String story = Story.of(issue, confirmed ? List.of() : said, Math.max(MIN_STORY_CHARS, MAX_SUMMARY_CHARS - fixed
        - Math.min(feeling.length(), MAX_FEELING_CHARS)));
    String line = who + story + status + reasonPart;
    return line + Story.cut(feeling, MAX_SUMMARY_CHARS - line.length());
  }

  /** The sentence an agent hears before the call is bridged; see {@link SpokenSummary}. */
  public String spokenSummary() {
    return SpokenSummary.of(this);
  }

  /** What the assistant said and asked, in order: the assistant's turns of the transcript. */
  public List<Turn> assistantTurns() {
    return transcript.stream().filter(t -> t.speaker() == Turn.Speaker.ASSISTANT).toList();
  }
}
