package org.empathyivr.adapter.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {
  private static final int WIDE_HZ = 16_000;
  private static final int PHONE_HZ = 8_000;
  private static final double AMPLITUDE = 10_000;

  @Test
  void aOneKilohertzToneKeepsItsLoudnessAndPitchOnTheWayDownToTheTelephoneRate() {
    short[] wide = tone(1000, WIDE_HZ, 1.0);

    short[] phone = new Resampler(WIDE_HZ, PHONE_HZ).resample(wide);

    assertEquals(0.0, decibels(amplitudeAt(phone, 1000, PHONE_HZ) / AMPLITUDE), 0.5);
    assertEquals(2 * 1000, zeroCrossings(middle(phone)) * (double) PHONE_HZ / middle(phone).length, 10);
  }

  @Test
  void aSixKilohertzToneIsRemovedRatherThanFoldedIntoTheSpeechBand() {
    // At 8 kHz a 6 kHz tone would alias to 2 kHz, right where speech lives.
    short[] wide = tone(6000, WIDE_HZ, 1.0);

    short[] phone = new Resampler(WIDE_HZ, PHONE_HZ).resample(wide);

    double attenuationDb = decibels(rms(middle(phone)) / rms(middle(wide)));
    assertTrue(attenuationDb <= -40, "6 kHz attenuated by only " + -attenuationDb + " dB");
  }

  @Test
  void halvingTheRateHalvesTheLength() {
    Resampler resampler = new Resampler(WIDE_HZ, PHONE_HZ);

    assertEquals(8000, resampler.resample(new short[16000]).length);
    assertEquals(51, resampler.resample(new short[101]).length);
    assertEquals(1, resampler.resample(new short[1]).length);
    assertEquals(0, resampler.resample(new short[0]).length);
  }

  @Test
  void upsamplingTelephoneAudioKeepsTheToneAndDoublesTheLength() {
    short[] phone = tone(1000, PHONE_HZ, 1.0);

    short[] wide = new Resampler(PHONE_HZ, WIDE_HZ).resample(phone);

    assertEquals(2 * phone.length, wide.length);
    assertEquals(0.0, decibels(amplitudeAt(wide, 1000, WIDE_HZ) / AMPLITUDE), 0.5);
  }

  @Test
  void aConstantStaysConstantAwayFromTheEdges() {
    short[] in = new short[1000];
    java.util.Arrays.fill(in, (short) 1234);

    short[] out = new Resampler(WIDE_HZ, PHONE_HZ).resample(in);

    for (int i = 100; i < out.length - 100; i++) assertEquals(1234, out[i], 1, "sample " + i);
  }

  @Test
  void theSameRateIsACopy() {
    short[] in = {1, -2, 3};

    assertArrayEquals(in, new Resampler(PHONE_HZ, PHONE_HZ).resample(in));
  }

  @Test
  void refusesRatesThatAreNotPositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Resampler(0, PHONE_HZ));
    assertEquals("fromHz <= 0: 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Resampler(WIDE_HZ, -8000));
    assertEquals("toHz <= 0: -8000", e.getMessage());
  }

  static short[] tone(double hz, int rateHz, double seconds) {
    short[] samples = new short[(int) (rateHz * seconds)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * hz * i / rateHz));
    }
    return samples;
  }

  /** The middle half, away from where the filter runs off the ends. */
  private static short[] middle(short[] samples) {
    return java.util.Arrays.copyOfRange(samples, samples.length / 4, 3 * samples.length / 4);
  }

  /** The amplitude of the {@code hz} component in the middle half, by projection onto sine and cosine. */
  private static double amplitudeAt(short[] samples, double hz, int rateHz) {
    int from = samples.length / 4;
    int to = 3 * samples.length / 4;
    double sin = 0;
    double cos = 0;
    for (int i = from; i < to; i++) {
      double phase = 2 * Math.PI * hz * i / rateHz;
      sin += samples[i] * Math.sin(phase);
      cos += samples[i] * Math.cos(phase);
    }
    return 2 * Math.hypot(sin, cos) / (to - from);
  }

  private static int zeroCrossings(short[] samples) {
    int crossings = 0;
    for (int i = 1; i < samples.length; i++) {
      if ((samples[i - 1] < 0) != (samples[i] < 0)) crossings++;
    }
    return crossings;
  }

  private static double rms(short[] samples) {
    double sum = 0;
    for (short s : samples) sum += (double) s * s;
    return Math.sqrt(sum / samples.length);
  }

  private static double decibels(double ratio) {
    return 20 * Math.log10(ratio);
  }
}
