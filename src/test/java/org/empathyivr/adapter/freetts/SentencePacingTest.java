package org.empathyivr.adapter.freetts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencePacingTest {
  private static final int RATE_HZ = 8000;
  private static final int SAMPLES_PER_MS = RATE_HZ / 1000;

  @Test
  void sentencesWithUnevenPaddingGetAnEvenLeadInPauseAndTail() {
    short[] hello = sentence(300, 50, 200); // 300 ms of silence, 50 ms of sound, 200 ms of silence
    short[] question = sentence(5, 80, 0);

    short[] paced = SentencePacing.pace(List.of(hello, question), RATE_HZ);

    assertEquals(
        "silence " + (SentencePacing.LEAD_IN_MS + SentencePacing.GUARD_MS) + " ms, "
            + "sound 50 ms, "
            + "silence " + (SentencePacing.GUARD_MS + SentencePacing.SENTENCE_GAP_MS + 5) + " ms, "
            + "sound 80 ms, "
            + "silence " + SentencePacing.TAIL_MS + " ms",
        describe(paced));
  }

  @Test
  void aSentenceWithNoSoundAddsNoPause() {
    short[] paced =
        SentencePacing.pace(List.of(sentence(0, 40, 0), new short[800], sentence(0, 40, 0)), RATE_HZ);

    assertEquals(
        "silence " + SentencePacing.LEAD_IN_MS + " ms, sound 40 ms, silence " + SentencePacing.SENTENCE_GAP_MS
            + " ms, sound 40 ms, silence " + SentencePacing.TAIL_MS + " ms",
        describe(paced));
  }

  @Test
  void nothingHeardIsNothingAtAll() {
    assertEquals(0, SentencePacing.pace(List.of(new short[800]), RATE_HZ).length);
    assertEquals(0, SentencePacing.pace(List.of(), RATE_HZ).length);
  }

  /** A sentence: silence, a loud square wave, silence. */
  private static short[] sentence(int silenceBeforeMs, int soundMs, int silenceAfterMs) {
    short[] samples = new short[(silenceBeforeMs + soundMs + silenceAfterMs) * SAMPLES_PER_MS];
    for (int i = 0; i < soundMs * SAMPLES_PER_MS; i++) {
      samples[silenceBeforeMs * SAMPLES_PER_MS + i] = (short) (i % 2 == 0 ? 5000 : -5000);
    }
    return samples;
  }

  /** Runs of silence and sound, in milliseconds. */
  private static String describe(short[] samples) {
    StringBuilder out = new StringBuilder();
    int start = 0;
    for (int i = 1; i <= samples.length; i++) {
      if (i == samples.length || (samples[i] == 0) != (samples[start] == 0)) {
        if (out.length() > 0) out.append(", ");
        out.append(samples[start] == 0 ? "silence " : "sound ").append((i - start) / SAMPLES_PER_MS).append(" ms");
        start = i;
      }
    }
    return out.toString();
  }
}
