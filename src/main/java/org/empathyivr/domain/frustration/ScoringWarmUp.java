package org.empathyivr.domain.frustration;

import java.time.Duration;
import java.util.List;
import org.empathyivr.domain.port.Transcript;

/**
 * Scores made-up calls before the first real one, so that the first caller's turns are scored by compiled code rather
 * than waiting for the JIT. {@code eval-frustration} warms up the same way before it times scoring
 * (docs/frustration.md).
 */
public final class ScoringWarmUp {
  /** Rounds that bring scoring to its steady cost: fewer leave the first callers' turns slow, more gain nothing. */
  public static final int ROUNDS = 500;

  /** Caller turns of every kind the meter meets: plain, corrected, angry, failed fixes, courtesy, asking for a person. */
  private static final List<String> TURNS = List.of(
      "my internet keeps dropping every evening",
      "no that's not it",
      "yes",
      "this is the third time i'm calling and it's still not fixed",
      "i was charged twice for my bill this month",
      "thank you so much",
      "i restarted the modem and it still does not work",
      "let me talk to a person",
      "this is ridiculous i'm sick of this damn thing");
  private static final VoiceProfile USUAL = new VoiceProfile(2.0, -30, 120, 4, 2.5, 0);
  private static final VoiceProfile RAISED = new VoiceProfile(2.0, -20, 150, 7, 3.2, 0.01);

  private ScoringWarmUp() {}

  /** Scores {@code rounds} made-up calls with these settings and model; returns how many turns it scored. */
  public static int run(FrustrationSettings settings, WordsModel model, int rounds) {
    int turns = 0;
    for (int round = 0; round < rounds; round++) {
      FrustrationMeter meter = new FrustrationMeter(settings, model);
      for (int i = 0; i < TURNS.size(); i++) {
        meter.callerSaid(new Transcript(TURNS.get(i), List.of()), i == 0 ? USUAL : RAISED);
        if (i == 1) meter.denied();
        turns++;
      }
      meter.reprompted();
      meter.callerKeyed('0');
      meter.timeWithAssistant(Duration.ofMinutes(2));
      meter.current();
    }
    return turns;
  }
}
