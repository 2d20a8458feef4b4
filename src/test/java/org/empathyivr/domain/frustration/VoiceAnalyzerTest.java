package org.empathyivr.domain.frustration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.empathyivr.domain.port.Audio;
import org.junit.jupiter.api.Test;

class VoiceAnalyzerTest {
  /** A vowel-like buzz: a fundamental with falling harmonics, band-limited like a phone line (no energy under 300 Hz). */
  static Audio voice(double f0Hz, double amplitude, double seconds) {
    int rate = Audio.TELEPHONY_RATE_HZ;
    short[] samples = new short[(int) (rate * seconds)];
    for (int i = 0; i < samples.length; i++) {
      double t = (double) i / rate;
      double s = 0;
      for (int h = 2; h * f0Hz < 3400; h++) s += Math.sin(2 * Math.PI * h * f0Hz * t) / h;
      samples[i] = (short) Math.max(-32768, Math.min(32767, amplitude * s));
    }
    return new Audio(rate, samples);
  }

  @Test
  void findsTheFundamentalOfTelephoneBandSpeech() {
    for (double f0 : new double[] {90, 140, 220, 330}) {
      VoiceProfile profile = VoiceAnalyzer.profile(voice(f0, 3000, 1.0));
      assertEquals(f0, profile.pitchHz(), f0 * 0.03, "f0 " + f0);
    }
  }

  @Test
  void measuresLevelInDecibelsSoDoublingIsSixMore() {
    double quiet = VoiceAnalyzer.profile(voice(150, 1000, 1.0)).levelDb();
    double loud = VoiceAnalyzer.profile(voice(150, 2000, 1.0)).levelDb();
    assertEquals(6.02, loud - quiet, 0.1);
  }

  @Test
  void piecesGiveTheSameProfileAsTheWhole() {
    Audio whole = voice(180, 3000, 1.2);
    short[] samples = whole.samples();
    VoiceAnalyzer analyzer = new VoiceAnalyzer(Audio.TELEPHONY_RATE_HZ);
    for (int from = 0; from < samples.length; from += 333) {
      short[] piece = java.util.Arrays.copyOfRange(samples, from, Math.min(samples.length, from + 333));
      analyzer.accept(new Audio(Audio.TELEPHONY_RATE_HZ, piece));
    }
    assertEquals(VoiceAnalyzer.profile(whole), analyzer.finish());
  }

  @Test
  void seesClippingWhenTheCallerShouts() {
    assertTrue(VoiceAnalyzer.profile(voice(200, 40000, 1.0)).clippedFraction() > 0.01);
    assertEquals(0.0, VoiceAnalyzer.profile(voice(200, 3000, 1.0)).clippedFraction());
  }

  @Test
  void silenceHasNoSpeech() {
    assertFalse(VoiceAnalyzer.profile(Audio.silence(Audio.TELEPHONY_RATE_HZ, 1000)).hasSpeech());
  }
}
