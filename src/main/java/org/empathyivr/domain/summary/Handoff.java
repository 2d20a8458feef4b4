package org.empathyivr.domain.summary;

import java.time.Duration;
import java.time.Instant;
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
 * @param issue the caller's own words about the problem, the latest heard; empty if none
 * @param reflection the assistant's paraphrase that was put to the caller; empty if none
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
    boolean confirmed,
    HandoffReason reason,
    String queue,
    int priority,
    Duration withAssistant,
    List<Turn> transcript,
    Frustration frustration,
    List<PhraseUse> phrasesUsed) {

  public Handoff {
    transcript = List.copyOf(transcript);
    phrasesUsed = List.copyOf(phrasesUsed);
  }

  /** One line for channel variables and screen pops: who, what, whether confirmed, and why handed off. */
  public String summaryLine() {
    StringBuilder line = new StringBuilder();
    line.append(caller.name().orElse("Unknown caller"));
    caller.number().ifPresent(n -> line.append(" (").append(n).append(')'));
    line.append(": ");
    line.append(issue.map(i -> "\"" + i + "\"").orElse("no issue heard"));
    if (issue.isPresent()) line.append(confirmed ? " (confirmed by the caller)" : " (not confirmed)");
    line.append("; reason: ").append(reason.label());
    if (reason == HandoffReason.FRUSTRATED || frustration.score() >= SpokenSummary.SOMEWHAT_FRUSTRATED) {
      line.append(String.format(Locale.ROOT, "; frustration %.2f", frustration.score()));
      if (!frustration.cues().isEmpty()) {
        line.append(": ").append(String.join(", ", frustration.cues().stream().map(Frustration.Cue::explanation).toList()));
      }
    }
    return line.toString();
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
