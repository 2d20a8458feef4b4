package org.empathyivr.simulate;

import java.util.Arrays;
import java.util.OptionalLong;
import org.empathyivr.simulate.Event.Recorded.End;

/**
 * What Asterisk's {@code RECORD FILE} loop records from a caller, frame by frame (20 ms of 8 kHz audio).
 *
 * <p>Like {@code handle_recordfile()}: each voice frame is written, then the time limit, a key in the escape digits,
 * or a hangup ends the recording; with silence detection ({@code s=N}) a run of silent frames longer than N seconds
 * ends it, counting leading silence too, and the file is then rewound by N - 1 seconds so about one second of trailing
 * silence remains. A frame is silent when its mean absolute amplitude is below Asterisk's default DSP silence
 * threshold (256, {@code dsp.conf}). The caller is silent (zero samples) after their audio.
 */
final class Recorder {
  static final int RATE_HZ = 8000;
  static final int FRAME_MS = 20;
  static final int FRAME_SAMPLES = RATE_HZ * FRAME_MS / 1000;
  static final int SILENCE_THRESHOLD = 256;
  private static final int KEPT_SILENCE_MS = 1000;

  /**
   * The recorded audio and how the recording ended.
   *
   * @param samples the audio in the file
   * @param written the audio written while recording: {@code samples}, and the silence cut off at a silence end
   * @param elapsedMs how long the recording ran, for real-time simulation
   * @param resultNumber the number after {@code result=} in a {@code (timeout)} reply: the time limit left, as
   *     Asterisk's {@code ast_waitfor} leaves it (meaningless to clients)
   */
  record Take(short[] samples, short[] written, End end, long elapsedMs, long resultNumber) {}

  private Recorder() {}

  /**
   * Records a caller.
   *
   * @param speech what the caller says from the start (then silence); empty array for a silent caller
   * @param timeLimitMs Asterisk's timeout argument; negative for none
   * @param silenceMs 0 for no silence detection
   * @param keyAtMs when a key in the escape digits is pressed, if one is
   * @param hangUpAtMs when the caller hangs up, if they do
   */
  static Take record(short[] speech, long timeLimitMs, long silenceMs, OptionalLong keyAtMs, OptionalLong hangUpAtMs) {
    long limitMs = timeLimitMs < 0 ? Long.MAX_VALUE : timeLimitMs;
    long silentMs = 0;
    for (long frame = 0; ; frame++) {
      long startMs = frame * FRAME_MS;
      long firstEventMs = Math.min(limitMs, Math.min(at(keyAtMs), at(hangUpAtMs)));
      if (firstEventMs <= startMs + FRAME_MS && firstEventMs != Long.MAX_VALUE) {
        End end = firstEventMs == at(hangUpAtMs) ? End.HANGUP : firstEventMs == at(keyAtMs) ? End.KEY : End.TIME_LIMIT;
        if (end == End.TIME_LIMIT && firstEventMs > startMs) firstEventMs = startMs + FRAME_MS;
        short[] samples = audio(speech, firstEventMs * RATE_HZ / 1000);
        return new Take(samples, samples, end, firstEventMs, 0);
      }
      if (silenceMs > 0) {
        silentMs = isSilent(speech, frame) ? silentMs + FRAME_MS : 0;
        if (silentMs > silenceMs) {
          long elapsedMs = startMs + FRAME_MS;
          long keptMs = elapsedMs - Math.max(0, silenceMs - KEPT_SILENCE_MS);
          long left = timeLimitMs < 0 ? 0 : timeLimitMs - elapsedMs;
          return new Take(audio(speech, keptMs * RATE_HZ / 1000), audio(speech, elapsedMs * RATE_HZ / 1000),
              End.SILENCE, elapsedMs, left);
        }
      }
    }
  }

  private static long at(OptionalLong ms) {
    return ms.orElse(Long.MAX_VALUE);
  }

  private static boolean isSilent(short[] speech, long frame) {
    long from = frame * FRAME_SAMPLES;
    if (from >= speech.length) return true;
    long sum = 0;
    for (long i = from; i < from + FRAME_SAMPLES; i++) sum += i < speech.length ? Math.abs(speech[(int) i]) : 0;
    return sum / FRAME_SAMPLES < SILENCE_THRESHOLD;
  }

  private static short[] audio(short[] speech, long sampleCount) {
    return Arrays.copyOf(speech, (int) sampleCount); // pads with silence
  }
}
