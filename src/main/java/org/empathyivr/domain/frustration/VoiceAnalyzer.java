package org.empathyivr.domain.frustration;

import java.util.Arrays;
import org.empathyivr.domain.port.Audio;

/**
 * Measures one caller turn as its audio arrives, piece by piece, so that little is left to do when the turn ends:
 * frame levels, YIN pitch and clipping every {@link #HOP_MS} ms.
 *
 * <p>One per turn; not thread-safe, though pieces may come from a thread other than the one that calls
 * {@link #finish} as long as the handover is ordered (as {@code CallChannel.record} guarantees).
 */
public final class VoiceAnalyzer {
  static final int HOP_MS = 20;
  /** Frames quieter than this are never speech, however quiet the line. */
  private static final double FLOOR_DB = -65;
  /** Speech is within this many dB of the turn's loud frames; quieter frames are pauses and line noise. */
  private static final double ACTIVE_RANGE_DB = 30;

  private static final double FULL_SCALE = 32768.0;
  private static final int CLIP_LEVEL = 32000;
  private static final int MIN_VOICED_FRAMES = 8;

  private final int sampleRateHz;
  private final int hop;
  private final PitchTracker pitch;
  private final double[] buffer;
  private int buffered;
  private double[] frameDb = new double[256];
  private double[] frameF0 = new double[256];
  private int[] frameClipped = new int[256];
  private int frames;

  public VoiceAnalyzer(int sampleRateHz) {
    if (sampleRateHz <= 0) throw new IllegalArgumentException("sampleRateHz <= 0: " + sampleRateHz);
    this.sampleRateHz = sampleRateHz;
    this.hop = sampleRateHz * HOP_MS / 1000;
    this.pitch = new PitchTracker(sampleRateHz);
    this.buffer = new double[Math.max(pitch.frameLength(), hop) + hop];
  }

  /** Takes the next piece of the turn's audio; it must be at this analyzer's rate. */
  public void accept(Audio piece) {
    if (piece.sampleRateHz() != sampleRateHz) {
      throw new IllegalArgumentException("audio at " + piece.sampleRateHz() + " Hz, expected " + sampleRateHz);
    }
    int frameLength = pitch.frameLength();
    for (short sample : piece.samples()) {
      buffer[buffered++] = sample;
      if (buffered == frameLength + hop) {
        measure(frameLength);
        System.arraycopy(buffer, hop, buffer, 0, buffered - hop);
        buffered -= hop;
      }
    }
  }

  private void measure(int frameLength) {
    double power = 0;
    int clipped = 0;
    for (int i = 0; i < hop; i++) {
      double s = buffer[i];
      power += s * s;
      if (Math.abs(s) >= CLIP_LEVEL) clipped++;
    }
    double db = 10 * Math.log10(power / hop / (FULL_SCALE * FULL_SCALE) + 1e-12);
    if (frames == frameDb.length) {
      frameDb = Arrays.copyOf(frameDb, frames * 2);
      frameF0 = Arrays.copyOf(frameF0, frames * 2);
      frameClipped = Arrays.copyOf(frameClipped, frames * 2);
    }
    frameDb[frames] = db;
    frameF0[frames] = db > FLOOR_DB ? pitch.f0(buffer, 0) : Double.NaN;
    frameClipped[frames] = clipped;
    frames++;
  }

  /** The turn's profile (without a speaking rate: that comes from the recognizer's word timings). */
  public VoiceProfile finish() {
    if (frames == 0) return VoiceProfile.SILENT;
    double[] sorted = Arrays.copyOf(frameDb, frames);
    Arrays.sort(sorted);
    double loud = sorted[(int) Math.floor(0.95 * (frames - 1))];
    double active = Math.max(FLOOR_DB, loud - ACTIVE_RANGE_DB);
    int activeFrames = 0;
    int clipped = 0;
    double power = 0;
    double[] voiced = new double[frames];
    int voicedFrames = 0;
    for (int f = 0; f < frames; f++) {
      if (frameDb[f] < active) continue;
      activeFrames++;
      power += Math.pow(10, frameDb[f] / 10);
      clipped += frameClipped[f];
      if (!Double.isNaN(frameF0[f])) voiced[voicedFrames++] = frameF0[f];
    }
    if (activeFrames == 0) return VoiceProfile.SILENT;
    double level = 10 * Math.log10(power / activeFrames);
    double pitchHz = Double.NaN;
    double range = Double.NaN;
    if (voicedFrames >= MIN_VOICED_FRAMES) {
      double[] f0 = Arrays.copyOf(voiced, voicedFrames);
      Arrays.sort(f0);
      pitchHz = f0[voicedFrames / 2];
      range = 12 * Math.log(f0[(int) (0.9 * (voicedFrames - 1))] / f0[(int) (0.1 * (voicedFrames - 1))]) / Math.log(2);
    }
    return new VoiceProfile(
        activeFrames * HOP_MS / 1000.0, level, pitchHz, range, Double.NaN, (double) clipped / (activeFrames * hop));
  }

  /** The profile of a whole recording at once. */
  public static VoiceProfile profile(Audio audio) {
    VoiceAnalyzer analyzer = new VoiceAnalyzer(audio.sampleRateHz());
    analyzer.accept(audio);
    return analyzer.finish();
  }
}
