package org.empathyivr.simulate;

import java.util.Arrays;

/**
 * Turns a server's signed-linear audio at another rate (kinds {@code 0x11} to {@code 0x18}: 12, 16, 24, 32, 44.1, 48,
 * 96, 192 kHz) into the caller's 8 kHz, frame by frame, as Asterisk's write translation path does when the first such
 * frame arrives ("changing write format from slin to slin16", capture: audiosocket-slin16.txt, F).
 *
 * <p>A Hann-windowed sinc low-pass at 3.8 kHz, 5 ms either side, evaluated at each 8 kHz output instant: it needs no
 * input beyond the output instant plus 5 ms, so it runs causally with the output 5 ms (40 samples) late, as the capture
 * measured Asterisk's output against sox's resampling of the same source (correlation 0.9996 at a lag of 40 samples).
 */
final class Resampler {
  static final int OUT_RATE_HZ = 8000;
  static final int DELAY_SAMPLES = 40;
  private static final double CUTOFF_HZ = 3800;
  private static final double HALF_WIDTH_S = DELAY_SAMPLES / (double) OUT_RATE_HZ;

  private final int inRateHz;
  /** Input samples kept, {@code history[0]} being input sample number {@code historyStart}. */
  private short[] history = new short[0];
  private long historyStart;
  private long inputCount;
  private long outputCount;

  Resampler(int inRateHz) {
    if (inRateHz <= 0) throw new IllegalArgumentException("rate " + inRateHz);
    this.inRateHz = inRateHz;
  }

  int inRateHz() {
    return inRateHz;
  }

  /** The 8 kHz samples that this input completes. */
  short[] process(short[] input) {
    short[] all = Arrays.copyOf(history, history.length + input.length);
    System.arraycopy(input, 0, all, history.length, input.length);
    inputCount += input.length;
    // Output n is due when the input reaches its instant, n / 8000 s (its centre lies 5 ms earlier).
    long due = inputCount * OUT_RATE_HZ / inRateHz;
    short[] out = new short[(int) Math.max(0, due - outputCount)];
    double scale = 2 * CUTOFF_HZ / inRateHz;
    for (int j = 0; j < out.length; j++) {
      long n = outputCount + j;
      double centre = (double) (n - DELAY_SAMPLES) / OUT_RATE_HZ;
      long first = (long) Math.ceil((centre - HALF_WIDTH_S) * inRateHz);
      long last = (long) Math.floor((centre + HALF_WIDTH_S) * inRateHz);
      double sum = 0;
      for (long k = Math.max(first, 0); k <= last; k++) {
        int at = (int) (k - historyStart);
        if (at < 0 || at >= all.length) continue;
        double t = centre - (double) k / inRateHz;
        double x = 2 * CUTOFF_HZ * t;
        double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        double window = 0.5 + 0.5 * Math.cos(Math.PI * t / HALF_WIDTH_S);
        sum += all[at] * scale * sinc * window;
      }
      out[j] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
    }
    outputCount += out.length;
    // Keep what the next outputs can still reach: from 10 ms before the next output instant.
    long keepFrom = Math.max(0, (long) Math.floor(((double) (outputCount - DELAY_SAMPLES) / OUT_RATE_HZ
        - HALF_WIDTH_S) * inRateHz) - 1);
    int drop = (int) Math.max(0, Math.min(all.length, keepFrom - historyStart));
    history = Arrays.copyOfRange(all, drop, all.length);
    historyStart += drop;
    return out;
  }
}
