package org.empathyivr.domain.frustration;

/**
 * How cues add up to the frustration score, and what happens over the threshold. Weights are log-odds: the score is
 * {@code 1 / (1 + e^-(words × model log-odds + voice + dialog))}.
 *
 * @param threshold the score at which the assistant stops asking and hands off, in (0, 1]
 * @param priority the queue priority for a frustrated caller's handoff
 * @param words how much the words model counts (1 = as trained)
 * @param louderPerDb per dB of level above the caller's first turn
 * @param higherPitchPerSemitone per semitone of median pitch above the first turn
 * @param widerRangePerSemitone per semitone of pitch range wider than in the first turn
 * @param fasterPer10Percent per 10 % faster speech than in the first turn
 * @param shouting for sustained loud speech that clips
 * @param denial per reflection the caller said was wrong
 * @param reprompt per time the assistant had to ask again (silence or no match)
 * @param keys per key press beyond the first, and for 0 (a person)
 * @param perMinute per minute with the assistant after the first
 * @param repeatedComplaint per turn repeating an earlier complaint
 */
public record FrustrationSettings(
    double threshold,
    int priority,
    double words,
    double louderPerDb,
    double higherPitchPerSemitone,
    double widerRangePerSemitone,
    double fasterPer10Percent,
    double shouting,
    double denial,
    double reprompt,
    double keys,
    double perMinute,
    double repeatedComplaint) {

  public FrustrationSettings {
    if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold not in (0, 1]: " + threshold);
    double[] weights = {words, louderPerDb, higherPitchPerSemitone, widerRangePerSemitone, fasterPer10Percent, shouting,
        denial, reprompt, keys, perMinute, repeatedComplaint};
    for (double w : weights) if (!(w >= 0 && w <= 100)) throw new IllegalArgumentException("weight not in [0, 100]: " + w);
  }

  /** The documented defaults (README "Frustration"): words and voice weights as trained, dialog weights chosen. */
  public static FrustrationSettings defaults() {
    return new FrustrationSettings(0.5, 10, 1.0, 0.25, 0.1, 0.05, 0.2, 1.0, 0.7, 0.5, 0.5, 0.3, 0.8);
  }
}
