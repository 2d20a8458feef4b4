package org.empathyivr.domain.frustration;

import java.util.List;

/**
 * How frustrated the caller seems, and why: a score in [0, 1] with the cues that raised it, each explained in words an
 * agent can read ("raised voice +9 dB vs. first turn").
 *
 * @param score 0 for calm, 1 for certainly frustrated
 * @param cues the cues that fired, strongest first
 */
public record Frustration(double score, List<Cue> cues) {
  /** Nothing observed: a caller we have no reason to think is upset. */
  public static final Frustration NONE = new Frustration(0.0, List.of());

  /**
   * One reason the score rose.
   *
   * @param id a stable name for the cue, for config, metrics and analytics ("words.anger", "voice.louder")
   * @param explanation what was observed, for the agent ("said 'third time'")
   * @param weight how much it added to the score
   */
  public record Cue(String id, String explanation, double weight) {}

  public Frustration {
    if (!(score >= 0.0 && score <= 1.0)) throw new IllegalArgumentException("score not in [0, 1]: " + score);
    cues = List.copyOf(cues);
  }
}
