package org.empathyivr.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of a corpus: who calls, what the caller does turn by turn, and how the call must end: the handoff reason
 * and what the summary must and must not say.
 *
 * @param id the call's name in the corpus
 * @param line the corpus line it was read from, counting from 1
 * @param callerId the presented number and name, or empty for a call without caller ID
 * @param turns what the caller does, in order
 * @param reason the {@code HANDOFF_REASON} the call must end with
 * @param mustContain terms {@code HANDOFF_SUMMARY} must say, each in one of its spellings
 * @param mustNotContain terms it must not say in any spelling
 */
public record ScriptedCall(
    String id,
    int line,
    Optional<CallerId> callerId,
    List<CallerTurn> turns,
    String reason,
    List<SummaryTerm> mustContain,
    List<SummaryTerm> mustNotContain) {

  /** A presented caller ID; {@code name} is the number itself when the caller ID has no name, as Asterisk sends it. */
  public record CallerId(String number, String name) {
    public CallerId {
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(name, "name");
    }
  }

  public ScriptedCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(reason, "reason");
    turns = List.copyOf(turns);
    mustContain = List.copyOf(mustContain);
    mustNotContain = List.copyOf(mustNotContain);
  }

  /** How the call went against what it must do. */
  public Verdict judge(SessionResult result) {
    Optional<String> gotReason = result.variable("HANDOFF_REASON");
    String summary = result.variable("HANDOFF_SUMMARY").orElse("");
    List<String> problems = new ArrayList<>();
    if (result.gaveUp()) problems.add("the service did not end the session in time");
    if (!gotReason.equals(Optional.of(reason))) {
      problems.add("reason " + gotReason.orElse("(not set)") + ", expected " + reason);
    }
    for (SummaryTerm term : mustContain) {
      if (!term.foundIn(summary)) problems.add("missing \"" + term + "\"");
    }
    for (SummaryTerm term : mustNotContain) {
      if (term.foundIn(summary)) problems.add("has \"" + term + "\"");
    }
    return new Verdict(this, gotReason, Optional.of(summary).filter(s -> !s.isEmpty()), problems);
  }

  /** A call the service could not take to its end: the session broke. */
  public Verdict failed(Exception e) {
    return new Verdict(this, Optional.empty(), Optional.empty(), List.of("session failed: " + e));
  }
}
