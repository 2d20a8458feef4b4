package org.empathyivr.adapter.audio;

/**
 * Brings mono 16-bit speech to one loudness, so that every prompt on the line sounds equally loud.
 *
 * <p>Loudness is the <em>active-speech level</em>: the RMS over the 20 ms frames that hold speech, leaving out pauses
 * and the quiet tails of words (see {@link #activeLevelDbfs}). The whole prompt gets one gain that brings that level
 * to the target; then a look-ahead peak limiter turns down, smoothly and only around them, the few peaks the gain
 * would push above the ceiling, so nothing clips. Levels are in dBFS: 0 dBFS is an RMS (or a peak) of 32768.
 *
 * <p>Immutable and thread-safe.
 */
public final class LoudnessNormalizer {
  /** Frames over which the level is measured. */
  static final int FRAME_MS = 20;

  /** Frames quieter than this are never speech. */
  static final double ABSOLUTE_GATE_DBFS = -60;

  /** Frames this far below the level of the frames above the absolute gate are pauses or word tails. */
  static final double RELATIVE_GATE_DB = -15;

  /** How far ahead and behind a peak the limiter starts and stops turning down. */
  static final int LIMITER_WINDOW_MS = 4;

  /** Level reported for audio with no active speech at all. */
  public static final double SILENCE_DBFS = Double.NEGATIVE_INFINITY;

  private static final double FULL_SCALE = 32768;

  private final double targetDbfs;
  private final double ceilingDbfs;

  /**
   * @param targetDbfs the active-speech level to reach, below 0
   * @param ceilingDbfs the highest sample magnitude allowed, at most 0 and above the target
   */
  public LoudnessNormalizer(double targetDbfs, double ceilingDbfs) {
    if (!(targetDbfs < 0)) throw new IllegalArgumentException("targetDbfs >= 0: " + targetDbfs);
    if (!(ceilingDbfs <= 0)) throw new IllegalArgumentException("ceilingDbfs > 0: " + ceilingDbfs);
    if (ceilingDbfs <= targetDbfs) {
      throw new IllegalArgumentException("ceilingDbfs " + ceilingDbfs + " <= targetDbfs " + targetDbfs);
    }
    this.targetDbfs = targetDbfs;
    this.ceilingDbfs = ceilingDbfs;
  }

  /** The samples brought to the target level; silence (no active frame) comes back unchanged. */
  public short[] normalize(short[] samples, int sampleRateHz) {
    if (samples == null) throw new IllegalArgumentException("samples == null");
    if (sampleRateHz <= 0) throw new IllegalArgumentException("sampleRateHz <= 0: " + sampleRateHz);
    double level = activeLevelDbfs(samples, sampleRateHz);
    if (level == SILENCE_DBFS) return samples.clone();
    double gain = Math.pow(10, (targetDbfs - level) / 20);
    double[] scaled = new double[samples.length];
    for (int i = 0; i < samples.length; i++) scaled[i] = samples[i] * gain;
    return limit(scaled, sampleRateHz);
  }

  /**
   * The active-speech level in dBFS, or {@link #SILENCE_DBFS}. Frames of {@link #FRAME_MS} count as active when they
   * are above {@link #ABSOLUTE_GATE_DBFS} and no more than {@link #RELATIVE_GATE_DB} below the mean power of the frames
   * above that absolute gate (two-stage gating, as EBU R 128 does for programme loudness).
   */
  public static double activeLevelDbfs(short[] samples, int sampleRateHz) {
    if (samples == null) throw new IllegalArgumentException("samples == null");
    if (sampleRateHz <= 0) throw new IllegalArgumentException("sampleRateHz <= 0: " + sampleRateHz);
    double[] powers = framePowers(samples, Math.max(1, sampleRateHz * FRAME_MS / 1000));
    double absoluteGate = power(ABSOLUTE_GATE_DBFS);
    double relativeGate = meanAbove(powers, absoluteGate) * power(RELATIVE_GATE_DB);
    double active = meanAbove(powers, Math.max(absoluteGate, relativeGate));
    return active > 0 ? 10 * Math.log10(active) : SILENCE_DBFS;
  }

  private static double[] framePowers(short[] samples, int frameLength) {
    double[] powers = new double[samples.length / frameLength];
    for (int f = 0; f < powers.length; f++) {
      double sum = 0;
      for (int i = f * frameLength; i < (f + 1) * frameLength; i++) {
        double x = samples[i] / FULL_SCALE;
        sum += x * x;
      }
      powers[f] = sum / frameLength;
    }
    return powers;
  }

  /** The mean of the powers above {@code gate}, or 0 when there are none. */
  private static double meanAbove(double[] powers, double gate) {
    double sum = 0;
    int count = 0;
    for (double p : powers) {
      if (p > gate) {
        sum += p;
        count++;
      }
    }
    return count == 0 ? 0 : sum / count;
  }

  private static double power(double db) {
    return Math.pow(10, db / 10);
  }

  /**
   * A look-ahead limiter. Each sample needs a gain of at most {@code ceiling / |x|}; taking the smallest need within
   * a window on both sides, then averaging that over half the window, gives a smooth gain curve that is still at most
   * every sample's need (each average only covers windows that contain the sample).
   */
  private short[] limit(double[] x, int sampleRateHz) {
    double ceiling = Math.floor(FULL_SCALE * Math.pow(10, ceilingDbfs / 20)); // whole, so rounding stays below
    int window = Math.max(1, sampleRateHz * LIMITER_WINDOW_MS / 1000);
    double[] need = new double[x.length];
    boolean any = false;
    for (int i = 0; i < x.length; i++) {
      double magnitude = Math.abs(x[i]);
      need[i] = magnitude > ceiling ? ceiling / magnitude : 1;
      any |= need[i] < 1;
    }
    double[] gain = any ? smooth(slidingMinimum(need, window), window / 2) : need;
    short[] out = new short[x.length];
    for (int i = 0; i < x.length; i++) {
      double y = Math.max(-ceiling, Math.min(ceiling, x[i] * gain[i]));
      out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(y)));
    }
    return out;
  }

  private static double[] slidingMinimum(double[] values, int halfWidth) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double min = 1;
      for (int j = Math.max(0, i - halfWidth); j <= Math.min(values.length - 1, i + halfWidth); j++) {
        min = Math.min(min, values[j]);
      }
      out[i] = min;
    }
    return out;
  }

  private static double[] smooth(double[] values, int halfWidth) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double sum = 0;
      int count = 0;
      for (int j = Math.max(0, i - halfWidth); j <= Math.min(values.length - 1, i + halfWidth); j++) {
        sum += values[j];
        count++;
      }
      out[i] = sum / count;
    }
    return out;
  }

  @Override
  public String toString() {
    return "LoudnessNormalizer[" + targetDbfs + " dBFS active, ceiling " + ceilingDbfs + " dBFS]";
  }
}
