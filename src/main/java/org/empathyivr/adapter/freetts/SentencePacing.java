package org.empathyivr.adapter.freetts;

import java.util.List;

/**
 * Lays out spoken sentences in time: a short lead-in, a calm pause between sentences, and a tail.
 *
 * <p>FreeTTS pads each utterance with its own silence, of a length that differs every time. Left as
 * they are, one prompt runs its sentences together and the next drags, and a prompt can start with its first sound
 * on the line's first sample, where a phone's audio path may swallow it. So each sentence is trimmed to its sound
 * (keeping {@link #GUARD_MS} either side, for soft onsets and releases), and the silences are laid down anew.
 */
final class SentencePacing {
  /** Silence before the first sentence, so the line is open before the voice starts. */
  static final int LEAD_IN_MS = 100;

  /** Silence between sentences: a calm breath. */
  static final int SENTENCE_GAP_MS = 350;

  /** Silence after the last sentence, so its last sound is not cut. */
  static final int TAIL_MS = 150;

  /** Sound kept beyond the first and last sample above {@link #SOUND_THRESHOLD}. */
  static final int GUARD_MS = 10;

  /** Samples with a smaller magnitude (about −54 dBFS) are silence. */
  static final int SOUND_THRESHOLD = 64;

  private SentencePacing() {}

  /**
   * The sentences, trimmed and joined with the pauses above, at {@code sampleRateHz}. Sentences with no sound are
   * left out; with no sound at all the result is empty.
   */
  static short[] pace(List<short[]> sentences, int sampleRateHz) {
    int lead = samples(LEAD_IN_MS, sampleRateHz);
    int gap = samples(SENTENCE_GAP_MS, sampleRateHz);
    int tail = samples(TAIL_MS, sampleRateHz);
    int guard = samples(GUARD_MS, sampleRateHz);
    int[][] spans = new int[sentences.size()][];
    int length = 0;
    int sounding = 0;
    for (int i = 0; i < spans.length; i++) {
      spans[i] = sound(sentences.get(i), guard);
      if (spans[i] != null) {
        length += (sounding == 0 ? 0 : gap) + spans[i][1] - spans[i][0];
        sounding++;
      }
    }
    if (sounding == 0) return new short[0];
    short[] out = new short[lead + length + tail];
    int position = lead;
    boolean first = true;
    for (int i = 0; i < spans.length; i++) {
      if (spans[i] == null) continue;
      if (!first) position += gap;
      first = false;
      int count = spans[i][1] - spans[i][0];
      System.arraycopy(sentences.get(i), spans[i][0], out, position, count);
      position += count;
    }
    return out;
  }

  /** The [start, end) of the sentence's sound widened by the guard, or null when it has none. */
  private static int[] sound(short[] samples, int guard) {
    int first = 0;
    while (first < samples.length && Math.abs(samples[first]) < SOUND_THRESHOLD) first++;
    if (first == samples.length) return null;
    int last = samples.length - 1;
    while (Math.abs(samples[last]) < SOUND_THRESHOLD) last--;
    return new int[] {Math.max(0, first - guard), Math.min(samples.length, last + 1 + guard)};
  }

  private static int samples(int ms, int sampleRateHz) {
    return (int) ((long) ms * sampleRateHz / 1000);
  }
}
