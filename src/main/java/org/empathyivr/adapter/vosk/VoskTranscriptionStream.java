package org.empathyivr.adapter.vosk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.TranscriptionStream;
import org.vosk.Recognizer;

/**
 * One recording decoded by Vosk as it arrives, in frames of {@value VoskSpeechToText#CHUNK_MS} ms whatever the
 * sizes of the pieces, so the transcript does not depend on how the audio was cut up.
 *
 * <p>The recognizer (and its permit) is taken when the first speech arrives, if one is free; otherwise the frames wait
 * in memory and {@link #finish()} waits for a recognizer. Taking one never blocks {@link #accept}, and two streams of
 * one call can never wait for each other while each holds a permit: {@link #finish()} gives its recognizer back.
 *
 * <p>Silent frames (mean absolute amplitude below {@value #SILENCE_THRESHOLD}, Asterisk's default, the level at
 * which {@code RECORD FILE} ends a recording on silence) are decoded as they come for the first
 * {@value #TRAILING_SILENCE_DECODED_MS} ms of a pause after speech, and held back after that until speech follows
 * them. So at the end at most {@value #TRAILING_SILENCE_DECODED_MS} ms of the trailing silence has been decoded (the
 * final result does not need more, and a recording that ended on silence ends with a second of it), and it was
 * decoded while Asterisk was still listening: once it replies, only the final result is left to take. A stream that
 * never heard anything louder comes back empty without a recognizer.
 *
 * <p>Thread-safe: every method holds the stream's lock. The recognizer's work runs on the owner's decoding threads
 * (lower priority) while the calling thread waits for it.
 */
final class VoskTranscriptionStream implements TranscriptionStream {
  static final int SILENCE_THRESHOLD = 256;
  static final int TRAILING_SILENCE_DECODED_MS = 300;
  private static final int TRAILING_SILENCE_FRAMES =
      Math.max(1, TRAILING_SILENCE_DECODED_MS / VoskSpeechToText.CHUNK_MS);

  private final VoskSpeechToText owner;
  private final Optional<String> grammar;
  private final Deque<short[]> heldSilence = new ArrayDeque<>();
  private final List<short[]> waitingForRecognizer = new ArrayList<>();
  private final List<String> results = new ArrayList<>();
  private int rateHz = -1;
  private short[] frame;
  private int frameFill;
  private Recognizer recognizer;
  private boolean heardSound;
  /** Frames of the current pause after speech decoded as they came; beyond the first few, they are held back. */
  private int pauseFramesDecoded;
  private boolean done;
  private SpeechFailure failure;
  private long decodeNanos;
  private long finishNanos;

  VoskTranscriptionStream(VoskSpeechToText owner, Optional<String> grammar) {
    this.owner = owner;
    this.grammar = grammar;
  }

  @Override
  public synchronized void accept(Audio piece) {
    if (piece == null) throw new IllegalArgumentException("piece == null");
    if (done || failure != null || piece.isEmpty()) return;
    if (rateHz < 0) {
      try {
        owner.checkRate(piece.sampleRateHz());
      } catch (SpeechFailure e) {
        fail(e);
        return;
      }
      rateHz = piece.sampleRateHz();
      frame = new short[Math.max(1, rateHz * VoskSpeechToText.CHUNK_MS / 1000)];
    } else if (piece.sampleRateHz() != rateHz) {
      fail(new SpeechFailure("audio rate changed from " + rateHz + " Hz to " + piece.sampleRateHz() + " Hz"));
      return;
    }
    short[] samples = piece.samples();
    for (int at = 0; at < samples.length && failure == null; ) {
      int n = Math.min(frame.length - frameFill, samples.length - at);
      System.arraycopy(samples, at, frame, frameFill, n);
      frameFill += n;
      at += n;
      if (frameFill == frame.length) {
        onFrame(frame.clone());
        frameFill = 0;
      }
    }
  }

  @Override
  public synchronized Transcript finish() throws SpeechFailure {
    if (done) throw new IllegalStateException("finished or closed already");
    long startNanos = System.nanoTime();
    try {
      if (failure == null && frameFill > 0) onFrame(Arrays.copyOf(frame, frameFill));
      if (failure != null) throw failure;
      if (!heardSound) return Transcript.EMPTY;
      heldSilence.clear();
      if (recognizer == null) startRecognizer(true);
      decodeWaiting();
      Recognizer r = recognizer;
      results.add(owner.decoding(r::getFinalResult));
      return VoskResults.toTranscript(results);
    } catch (RuntimeException e) {
      throw new SpeechFailure("Vosk failed to transcribe", e);
    } finally {
      done = true;
      release();
      finishNanos = System.nanoTime() - startNanos;
      decodeNanos += finishNanos;
    }
  }

  @Override
  public synchronized void close() {
    done = true;
    heldSilence.clear();
    waitingForRecognizer.clear();
    release();
  }

  /** How long {@link #finish()} took: the decoding left when the audio ended, and the final result. */
  synchronized long finishNanos() {
    return finishNanos;
  }

  /** How long decoding took in all. */
  synchronized long decodeNanos() {
    return decodeNanos;
  }

  private void onFrame(short[] samples) {
    boolean silent = isSilent(samples);
    if (silent && (!heardSound || pauseFramesDecoded >= TRAILING_SILENCE_FRAMES || !heldSilence.isEmpty())) {
      heldSilence.add(samples);
      return;
    }
    long startNanos = System.nanoTime();
    try {
      List<short[]> frames = new ArrayList<>();
      if (silent) {
        pauseFramesDecoded++;
      } else {
        heardSound = true;
        pauseFramesDecoded = 0;
        frames.addAll(heldSilence);
        heldSilence.clear();
      }
      frames.add(samples);
      decode(frames);
    } catch (SpeechFailure e) {
      fail(e);
    } catch (RuntimeException e) {
      fail(new SpeechFailure("Vosk failed to transcribe", e));
    } finally {
      decodeNanos += System.nanoTime() - startNanos;
    }
  }

  /** Decodes {@code frames} after those waiting, or has them wait with those while no recognizer is free. */
  private void decode(List<short[]> frames) throws SpeechFailure {
    if (recognizer == null && !startRecognizer(false)) {
      waitingForRecognizer.addAll(frames);
      return;
    }
    waitingForRecognizer.addAll(frames);
    decodeWaiting();
  }

  /** Feeds the recognizer every frame waiting, in one go on a decoding thread. */
  private void decodeWaiting() {
    if (waitingForRecognizer.isEmpty()) return;
    List<short[]> frames = List.copyOf(waitingForRecognizer);
    waitingForRecognizer.clear();
    Recognizer r = recognizer;
    results.addAll(owner.decoding(() -> {
      List<String> closed = new ArrayList<>();
      for (short[] samples : frames) {
        // A closed segment's result must be taken now: the final result holds only the last segment.
        if (r.acceptWaveForm(samples, samples.length)) closed.add(r.getResult());
      }
      return closed;
    }));
  }

  private boolean startRecognizer(boolean wait) throws SpeechFailure {
    recognizer = owner.openRecognizer(rateHz, grammar, wait).orElse(null);
    if (recognizer != null) recognizer.setWords(true);
    return recognizer != null;
  }

  private void fail(SpeechFailure e) {
    failure = e;
    heldSilence.clear();
    waitingForRecognizer.clear();
    release();
  }

  private void release() {
    if (recognizer == null) return;
    Recognizer r = recognizer;
    recognizer = null;
    owner.closeRecognizer(r);
  }

  static boolean isSilent(short[] samples) {
    long sum = 0;
    for (short s : samples) sum += Math.abs(s);
    return sum / samples.length < SILENCE_THRESHOLD;
  }
}
