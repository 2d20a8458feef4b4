package org.empathyivr.adapter.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoudnessNormalizerTest {
  private static final int RATE_HZ = 8000;
  private static final double TARGET_DBFS = -18;
  private static final double CEILING_DBFS = -1;

  private final LoudnessNormalizer normalizer = new LoudnessNormalizer(TARGET_DBFS, CEILING_DBFS);

  @Test
  void aQuietPromptAndALoudPromptEndUpEquallyLoud() {
    short[] quiet = speechLike(1500, 0.5);
    short[] loud = speechLike(20000, 0.5);

    double quietLevel = LoudnessNormalizer.activeLevelDbfs(normalizer.normalize(quiet, RATE_HZ), RATE_HZ);
    double loudLevel = LoudnessNormalizer.activeLevelDbfs(normalizer.normalize(loud, RATE_HZ), RATE_HZ);

    assertEquals(TARGET_DBFS, quietLevel, 0.3);
    assertEquals(TARGET_DBFS, loudLevel, 0.3);
  }

  @Test
  void pausesBetweenWordsDoNotMakeAPromptLouder() {
    // The same "speech" with twice as much silence around it is the same loudness, so it gets the same gain.
    short[] dense = speechLike(5000, 0.2);
    short[] sparse = speechLike(5000, 0.6);

    assertEquals(
        LoudnessNormalizer.activeLevelDbfs(dense, RATE_HZ), LoudnessNormalizer.activeLevelDbfs(sparse, RATE_HZ), 0.05);
  }

  @Test
  void aPeakThatTheGainWouldPushPastFullScaleIsLimitedNotClipped() {
    short[] speech = speechLike(1000, 0.3);
    speech[4321] = 12000; // a click twelve times the speech amplitude

    short[] normalized = normalizer.normalize(speech, RATE_HZ);

    double ceiling = 32768 * Math.pow(10, CEILING_DBFS / 20);
    for (short s : normalized) assertTrue(Math.abs(s) <= ceiling, "sample " + s + " above " + ceiling);
    assertEquals(TARGET_DBFS, LoudnessNormalizer.activeLevelDbfs(normalized, RATE_HZ), 0.3);
  }

  @Test
  void silenceStaysSilent() {
    short[] silence = new short[RATE_HZ];

    assertArrayEquals(silence, normalizer.normalize(silence, RATE_HZ));
    assertEquals(LoudnessNormalizer.SILENCE_DBFS, LoudnessNormalizer.activeLevelDbfs(silence, RATE_HZ));
  }

  @Test
  void aFullScaleSquareWaveIsZeroDbfs() {
    short[] square = new short[RATE_HZ];
    for (int i = 0; i < square.length; i++) square[i] = (short) (i % 2 == 0 ? 32767 : -32768);

    assertEquals(0, LoudnessNormalizer.activeLevelDbfs(square, RATE_HZ), 0.01);
  }

  @Test
  void refusesATargetAboveTheCeiling() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new LoudnessNormalizer(-3, -6));
    assertEquals("ceilingDbfs -6.0 <= targetDbfs -3.0", e.getMessage());
  }

  /**
   * Two seconds of bursts of a 440 Hz tone at {@code amplitude}, 200 ms each, with {@code pauseFraction} of the time
   * silent between them.
   */
  private static short[] speechLike(int amplitude, double pauseFraction) {
    short[] samples = new short[2 * RATE_HZ];
    int burst = RATE_HZ / 5;
    int frame = RATE_HZ / 50;
    int period = (int) Math.round(burst / (1 - pauseFraction) / frame) * frame; // whole frames: no half-filled ones
    Arrays.fill(samples, (short) 0);
    for (int start = 0; start + burst <= samples.length; start += period) {
      for (int i = 0; i < burst; i++) {
        samples[start + i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * 440 * i / RATE_HZ));
      }
    }
    return samples;
  }
}
