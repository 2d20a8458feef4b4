package org.empathyivr.domain.frustration;

/**
 * The YIN fundamental-frequency estimator (de Cheveigné and Kawahara, 2002) for one frame of speech, searching
 * {@link #MIN_F0_HZ}–{@link #MAX_F0_HZ}. Works on telephone audio: the period shows in the harmonics even when the
 * band starts above the fundamental.
 *
 * <p>Not thread-safe: it keeps a work buffer. One per analyzer.
 */
final class PitchTracker {
  static final double MIN_F0_HZ = 60;
  static final double MAX_F0_HZ = 400;
  /** Dips of the normalised difference below this are periods; above {@link #MAX_APERIODICITY} the frame is unvoiced. */
  private static final double YIN_THRESHOLD = 0.15;

  private static final double MAX_APERIODICITY = 0.35;

  private final int sampleRateHz;
  private final int minLag;
  private final int maxLag;
  private final double[] difference;

  PitchTracker(int sampleRateHz) {
    this.sampleRateHz = sampleRateHz;
    this.minLag = (int) Math.floor(sampleRateHz / MAX_F0_HZ);
    this.maxLag = (int) Math.ceil(sampleRateHz / MIN_F0_HZ);
    this.difference = new double[maxLag + 2];
  }

  /** The samples a frame needs: the longest period plus a window of the same length. */
  int frameLength() {
    return 2 * maxLag + 2;
  }

  /** The fundamental of {@code frame[from, from + frameLength())} in Hz, or NaN when the frame is not voiced. */
  double f0(double[] frame, int from) {
    int window = maxLag;
    double running = 0;
    difference[0] = 1;
    int chosen = -1;
    for (int lag = 1; lag <= maxLag + 1; lag++) {
      double sum = 0;
      for (int i = 0; i < window; i++) {
        double d = frame[from + i] - frame[from + i + lag];
        sum += d * d;
      }
      running += sum;
      difference[lag] = running == 0 ? 1 : sum * lag / running;
    }
    for (int lag = minLag; lag <= maxLag; lag++) {
      if (difference[lag] < YIN_THRESHOLD) {
        while (lag + 1 <= maxLag && difference[lag + 1] < difference[lag]) lag++;
        chosen = lag;
        break;
      }
    }
    if (chosen < 0) {
      int best = minLag;
      for (int lag = minLag + 1; lag <= maxLag; lag++) if (difference[lag] < difference[best]) best = lag;
      if (difference[best] > MAX_APERIODICITY) return Double.NaN;
      chosen = best;
    }
    double period = chosen;
    if (chosen > 1 && chosen <= maxLag) {
      double a = difference[chosen - 1];
      double b = difference[chosen];
      double c = difference[chosen + 1];
      double curvature = a - 2 * b + c;
      if (curvature > 0) period = chosen + 0.5 * (a - c) / curvature;
    }
    double f0 = sampleRateHz / period;
    return f0 >= MIN_F0_HZ && f0 <= MAX_F0_HZ ? f0 : Double.NaN;
  }
}
