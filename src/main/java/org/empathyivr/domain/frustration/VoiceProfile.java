package org.empathyivr.domain.frustration;

import java.util.Arrays;
import java.util.List;

/**
 * How one caller turn sounded: level, pitch and pace. Only meaningful against the same caller's baseline.
 *
 * @param speechSeconds how long the caller's voice was active
 * @param levelDb the loudness of the active speech, dB re full scale (RMS)
 * @param pitchHz the median fundamental over voiced frames, NaN when too little was voiced
 * @param pitchRangeSemitones the spread of the fundamental (10th to 90th percentile), NaN when too little was voiced
 * @param syllablesPerSecond the speaking rate: syllables of the recognized words ({@link Words#syllables}) per second
 *     from the first word's start to the last one's end (the recognizer's timings), NaN when fewer than two words
 * @param clippedFraction the share of active samples at or near full scale
 */
public record VoiceProfile(
    double speechSeconds,
    double levelDb,
    double pitchHz,
    double pitchRangeSemitones,
    double syllablesPerSecond,
    double clippedFraction) {

  /** Nothing heard. */
  public static final VoiceProfile SILENT = new VoiceProfile(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

  /** A profile with the speaking rate filled in. */
  public VoiceProfile withSyllablesPerSecond(double rate) {
    return new VoiceProfile(speechSeconds, levelDb, pitchHz, pitchRangeSemitones, rate, clippedFraction);
  }

  public boolean hasSpeech() {
    return speechSeconds > 0 && Double.isFinite(levelDb);
  }

  /**
   * The typical profile of several turns of one speaker: each measure's median over the profiles that have it. For a
   * baseline when there is no first turn to take it from (single clips of one speaker).
   */
  public static VoiceProfile median(List<VoiceProfile> profiles) {
    return new VoiceProfile(
        median(profiles.stream().mapToDouble(VoiceProfile::speechSeconds).toArray()),
        median(profiles.stream().mapToDouble(VoiceProfile::levelDb).toArray()),
        median(profiles.stream().mapToDouble(VoiceProfile::pitchHz).toArray()),
        median(profiles.stream().mapToDouble(VoiceProfile::pitchRangeSemitones).toArray()),
        median(profiles.stream().mapToDouble(VoiceProfile::syllablesPerSecond).toArray()),
        median(profiles.stream().mapToDouble(VoiceProfile::clippedFraction).toArray()));
  }

  public static double median(double[] values) {
    double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (finite.length == 0) return Double.NaN;
    int mid = finite.length / 2;
    return finite.length % 2 == 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
  }
}
