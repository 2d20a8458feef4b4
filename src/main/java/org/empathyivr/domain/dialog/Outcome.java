package org.empathyivr.domain.dialog;

import java.util.List;
import org.empathyivr.domain.summary.Handoff;

/**
 * How a call ended: the handoff that was made, and the problems met on the way (a failed recognizer, a store that
 * could not write), for the caller of {@link Conversation#run()} to log. The caller was handed off regardless.
 */
public record Outcome(Handoff handoff, List<Exception> problems) {
  public Outcome {
    problems = List.copyOf(problems);
  }
}
