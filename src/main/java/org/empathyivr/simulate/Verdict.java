package org.empathyivr.simulate;

import java.util.List;
import java.util.Optional;

/**
 * How one scripted call went: what the service set, and each way it fell short of the call's expectations.
 *
 * @param reason the {@code HANDOFF_REASON} the service set, if any
 * @param summary the {@code HANDOFF_SUMMARY} it set, if any
 * @param problems what was wrong, in words; empty when the call went right
 */
public record Verdict(ScriptedCall call, Optional<String> reason, Optional<String> summary, List<String> problems) {
  public Verdict {
    problems = List.copyOf(problems);
  }

  public boolean right() {
    return problems.isEmpty();
  }

  /** One line for a wrong call: {@code wrong: conf-01 (line 14): missing "internet"; summary: ...}. */
  public String line() {
    return (right() ? "right: " : "wrong: ") + call.id() + " (line " + call.line() + "): "
        + (right() ? "reason " + reason.orElse("(not set)") : String.join("; ", problems))
        + "; summary: " + summary.orElse("(not set)");
  }
}
