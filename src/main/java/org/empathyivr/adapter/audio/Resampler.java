package org.empathyivr.adapter.audio;

/**
 * Changes the sample rate of mono 16-bit audio by a rational factor with a Kaiser-windowed sinc filter.
 *
 * <p>Each output sample is the band-limited interpolation of the input at its instant. The low-pass cutoff sits at
 * {@link #CUTOFF_FRACTION} of the lower rate's Nyquist frequency (3.8 kHz between 16 and 8 kHz), and the Kaiser
 * window gives about 80 dB of stopband: what lies above the new Nyquist frequency is removed rather than folded back
 * into the speech band, as a linear interpolator does. Because the ratio is rational, the output instants fall on
 * only {@code L} distinct fractional positions, so the filter is precomputed as {@code L} phases (polyphase).
 *
 * <p>The filter is centred (no delay): output sample {@code n} is the input at time {@code n * fromHz / toHz}. The
 * output has {@code ceil(in.length * toHz / fromHz)} samples. Instances are immutable and thread-safe.
 */
public final class Resampler {
  /** Cutoff as a fraction of the lower rate's Nyquist frequency: a little below, to leave room for the transition. */
  static final double CUTOFF_FRACTION = 0.95;

  /** Zero crossings of the sinc on each side of the centre, counted at the lower rate. */
  static final int ZERO_CROSSINGS = 32;

  /** Kaiser beta for about 80 dB stopband attenuation. */
  static final double KAISER_BETA = 7.86;

  private final int fromHz;
  private final int toHz;
  private final int up; // L
  private final int down; // M
  private final int halfTaps; // taps each side, in input samples
  private final double[][] phases; // [L][2 * halfTaps]

  public Resampler(int fromHz, int toHz) {
    if (fromHz <= 0) throw new IllegalArgumentException("fromHz <= 0: " + fromHz);
    if (toHz <= 0) throw new IllegalArgumentException("toHz <= 0: " + toHz);
    int gcd = gcd(fromHz, toHz);
    this.fromHz = fromHz;
    this.toHz = toHz;
    this.up = toHz / gcd;
    this.down = fromHz / gcd;
    if (up > 1024) throw new IllegalArgumentException("ratio too fine: " + fromHz + " Hz -> " + toHz + " Hz");
    // Cutoff in cycles per input sample.
    double cutoff = CUTOFF_FRACTION * 0.5 * Math.min(fromHz, toHz) / fromHz;
    this.halfTaps = (int) Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
    this.phases = new double[up][];
    for (int p = 0; p < up; p++) phases[p] = phase((double) p / up, cutoff);
  }

  public int fromHz() {
    return fromHz;
  }

  public int toHz() {
    return toHz;
  }

  /** The taps for an output instant {@code frac} of an input sample after input sample {@code base}. */
  private double[] phase(double frac, double cutoff) {
    double[] taps = new double[2 * halfTaps];
    double sum = 0;
    for (int j = 0; j < taps.length; j++) {
      // Tap j weighs input sample base - halfTaps + 1 + j, which lies tau input samples before the instant.
      double tau = frac + halfTaps - 1 - j;
      taps[j] = 2 * cutoff * sinc(2 * cutoff * tau) * kaiser(tau / halfTaps);
      sum += taps[j];
    }
    // Unity gain at DC for every phase, so a constant stays constant.
    for (int j = 0; j < taps.length; j++) taps[j] /= sum;
    return taps;
  }

  /** The input at the output rate. {@code in} is not changed. */
  public short[] resample(short[] in) {
    if (in == null) throw new IllegalArgumentException("in == null");
    if (up == down) return in.clone();
    int outLength = (int) ((in.length * (long) up + down - 1) / down);
    short[] out = new short[outLength];
    for (int n = 0; n < outLength; n++) {
      long position = (long) n * down;
      int base = (int) (position / up);
      double[] taps = phases[(int) (position % up)];
      int first = base - halfTaps + 1;
      double acc = 0;
      int jStart = Math.max(0, -first);
      int jEnd = Math.min(taps.length, in.length - first);
      for (int j = jStart; j < jEnd; j++) acc += taps[j] * in[first + j];
      out[n] = clamp(acc);
    }
    return out;
  }

  private static short clamp(double value) {
    long rounded = Math.round(value);
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
  }

  private static double sinc(double x) {
    if (x == 0) return 1;
    double px = Math.PI * x;
    return Math.sin(px) / px;
  }

  /** The Kaiser window at {@code x} in [-1, 1], zero outside. */
  private static double kaiser(double x) {
    if (Math.abs(x) >= 1) return 0;
    return besselI0(KAISER_BETA * Math.sqrt(1 - x * x)) / besselI0(KAISER_BETA);
  }

  /** The modified Bessel function of the first kind, order 0, by its power series. */
  private static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double halfX = x / 2;
    for (int k = 1; k < 50; k++) {
      term *= (halfX / k) * (halfX / k);
      sum += term;
      if (term < sum * 1e-16) break;
    }
    return sum;
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  @Override
  public String toString() {
    return "Resampler[" + fromHz + " Hz -> " + toHz + " Hz, " + 2 * halfTaps + " taps x " + up + " phases]";
  }
}
