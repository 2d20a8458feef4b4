package org.empathyivr.domain.dialog;

import java.time.Instant;

/**
 * One line of the call's transcript.
 *
 * @param at when the turn started
 * @param speaker who spoke
 * @param text what was said (for the caller: as recognized; keys as {@code [key 1]}; nothing heard as empty)
 * @param confidence recognizer confidence in [0, 1] for caller turns; 1.0 for the assistant
 */
public record Turn(Instant at, Speaker speaker, String text, double confidence) {
  public enum Speaker {
    ASSISTANT,
    CALLER
  }
}
