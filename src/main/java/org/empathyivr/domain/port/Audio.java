package org.empathyivr.domain.port;

import java.util.Arrays;
import java.util.List;

/**
 * A stretch of mono 16-bit linear PCM audio.
 *
 * <p>Immutable: the samples are copied in and out. Telephone audio is {@link #TELEPHONY_RATE_HZ}.
 */
public final class Audio {
  public static final int TELEPHONY_RATE_HZ = 8000;

  private final int sampleRateHz;
  private final short[] samples;

  public Audio(int sampleRateHz, short[] samples) {
    if (sampleRateHz <= 0) throw new IllegalArgumentException("sampleRateHz <= 0: " + sampleRateHz);
    if (samples == null) throw new IllegalArgumentException("samples == null");
    this.sampleRateHz = sampleRateHz;
    this.samples = samples.clone();
  }

  public static Audio silence(int sampleRateHz, long durationMs) {
    return new Audio(sampleRateHz, new short[(int) (sampleRateHz * durationMs / 1000)]);
  }

  /** The pieces one after the other; they must share a rate. */
  public static Audio join(List<Audio> pieces) {
    if (pieces.isEmpty()) throw new IllegalArgumentException("no pieces to join");
    int rate = pieces.get(0).sampleRateHz;
    int length = 0;
    for (Audio piece : pieces) {
      if (piece.sampleRateHz != rate) throw new IllegalArgumentException("rates differ: " + rate + ", " + piece);
      length += piece.samples.length;
    }
    short[] joined = new short[length];
    int at = 0;
    for (Audio piece : pieces) {
      System.arraycopy(piece.samples, 0, joined, at, piece.samples.length);
      at += piece.samples.length;
    }
    return new Audio(rate, joined);
  }

  public int sampleRateHz() {
    return sampleRateHz;
  }

  public int sampleCount() {
    return samples.length;
  }

  /** A copy of the samples. */
  public short[] samples() {
    return samples.clone();
  }

  public long durationMs() {
    return samples.length * 1000L / sampleRateHz;
  }

  public boolean isEmpty() {
    return samples.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Audio a && a.sampleRateHz == sampleRateHz && Arrays.equals(a.samples, samples);
  }

  @Override
  public int hashCode() {
    return 31 * sampleRateHz + Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return "Audio[" + sampleRateHz + " Hz, " + durationMs() + " ms]";
  }
}
