package org.empathyivr.adapter.vosk;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.TranscriptionStream;
import org.vosk.Recognizer;

/**
 * One recording decoded by Vosk as it arrives, in frames of {@value VoskSpeechToText#CHUNK_MS} ms whatever the
 * sizes of the pieces, so the transcript does not depend on how the audio was cut up.
 *
 * <p>The recognizer (and its permit) is taken when the first speech arrives, if one of its kind is idle, or once
 * {@link #NEW_RECOGNIZER_AFTER_FRAMES} frames wait and a permit is free, a new one; meanwhile the frames wait in memory,
 * and {@link #finish()} waits for a recognizer. Taking one never blocks {@link #accept}, and two streams of
 * one call can never wait for each other while each holds a permit: {@link #finish()} gives its recognizer back.
 *
 * <p>Silent frames (mean absolute amplitude below {@value #SILENCE_THRESHOLD}, Asterisk's default, the level at
 * which {@code RECORD FILE} ends a recording on silence) are decoded as they come for the first
 * {@value #TRAILING_SILENCE_DECODED_MS} ms of a pause after speech, and held back after that until speech follows
 * them. So at the end at most {@value #TRAILING_SILENCE_DECODED_MS} ms of the trailing silence has been decoded (the
 * final result does not need more, and a recording that ended on silence ends with a second of it), and it was
 * decoded while Asterisk was still listening.
 *
 * <p><b>The final result is taken in the pause.</b> While audio arrives as it is recorded, the final result is taken
 * at the end of that decoded part of a pause, while Asterisk still waits for the silence that ends the recording (2–3
 * s of it), and the recognizer is given back there: once the recording ends nothing is left to decode, and the
 * caller's silence holds no recognizer another caller could use. If the caller speaks again after such a pause, the
 * result is thrown away and a recognizer hears the whole recording again from its start ({@link #decodedFrames}), in
 * the background: Vosk going on afresh after a final result hears the first words after it worse, so the transcript is
 * always that of one recognizer hearing the recording through, word for word what it would be without the pause
 * (at the cost of decoding again what came before a pause the caller broke, at most {@value #MAX_HEARD_AGAIN} times
 * a recording; after that the recognizer stays until the recording ends). A stream that never heard anything
 * louder comes back empty without a recognizer.
 *
 * <p>While the caller speaks, the frames are fed to the recognizer in the background, on the owner's decoding threads
 * (lower priority): {@link #accept} only queues them. Once the recording has ended, what the background has not fed
 * yet and the final result are decoded by {@link #finish()} on the caller's own thread, at its priority: a caller
 * waiting for the reply does not wait behind callers still speaking.
 *
 * <p>Thread-safe: every method holds the stream's lock; the recognizer is used by one thread at a time.
 */
final class VoskTranscriptionStream implements TranscriptionStream {
  static final int SILENCE_THRESHOLD = 256;
  static final int TRAILING_SILENCE_DECODED_MS = 300;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int TRAILING_SILENCE_FRAMES =
      Math.max(1, TRAILING_SILENCE_DECODED_MS / VoskSpeechToText.CHUNK_MS);
  /**
   * Marks, among the frames to feed, the end of the decoded part of a pause: the recognizer gives its final result
   * there, and is given back if the caller has not spoken again meanwhile.
   */
  private static final short[] PAUSE_END = new short[0];
  /**
   * How many times, at most, a stream hears its recording again from the start (see the class comment); after that
   * its recognizer stays through pauses until the recording ends, so a caller who keeps pausing costs at most this
   * many times more decoding, not more and more with every pause.
   */
  static final int MAX_HEARD_AGAIN = 2;
  /**
   * Frames (of {@value VoskSpeechToText#CHUNK_MS} ms) a stream waits for a recognizer of its kind to come back idle
   * before it has a new one made. On a graph composed as it goes (answers, names, and free speech without the
   * composed graph) a new recognizer decodes several times slower than one that has decoded a minute of speech; on
   * any graph the line holds fewer recognizers. One that waited a second catches up in a few tens of milliseconds,
   * long before the caller's pause.
   */
  static final int NEW_RECOGNIZER_AFTER_FRAMES = 50;
  /** Where the recognizer stands, as Vosk sees it. */
  private enum VoskState {
    /** New, or its final result was taken: audio fed next starts a new decoder and new features. */
    FRESH,
    /** Audio was fed since its last result. */
    RUNNING,
    /**
     * Vosk closed a segment at a pause and its result was taken: audio fed next goes on with the same features, and
     * a final result now would only be empty (Vosk does not finalize then).
     */
    ENDPOINT
  }

  private final VoskSpeechToText owner;
  private final Optional<String> grammar;
  private final boolean asItComes;
  private final Deque<short[]> heldSilence = new ArrayDeque<>();
  private final Deque<short[]> waitingForRecognizer = new ArrayDeque<>();
  private final List<String> results = new ArrayList<>();
  /**
   * Every frame queued for the recognizer so far, in order (while audio is decoded as it comes): what a recognizer
   * hears again from the start when the caller speaks after a pause whose final result was taken.
   */
  private final List<short[]> decodedFrames = new ArrayList<>();
  /** Whether the final result was taken in the current pause (and the recognizer given back): see the class comment. */
  private boolean pauseFinalTaken;
  /** Frames queued since the stream last held a recognizer (see {@link #NEW_RECOGNIZER_AFTER_FRAMES}). */
  private int framesWithoutRecognizer;
  /** How many times the recording was heard again from the start. */
  private int heardAgain;
  private int rateHz = -1;
  private short[] frame;
  private int frameFill;
  private Recognizer recognizer;
  /** Samples this stream fed its current recognizer. */
  private long samplesFed;
  /**
   * Seconds to take off the word times of the recognizer: Vosk times words from its first audio, which may have been
   * other recordings' (a recognizer used again).
   */
  private double offsetSeconds;
  /**
   * Written only by the thread feeding the recognizer (see {@link #feedingNow}); a recognizer left {@link
   * VoskState#FRESH} may decode another recording (see {@link #release()}).
   */
  private VoskState voskState = VoskState.FRESH;
  private boolean heardSound;
  /** Frames of the current pause after speech decoded as they came; beyond the first few, they are held back. */
  private int pauseFramesDecoded;
  private boolean done;
  /** Whether a decoding thread has been asked to feed the waiting frames and has not stopped. */
  private boolean feedingScheduled;
  /** Whether a decoding thread is feeding the recognizer a frame now (outside this stream's lock). */
  private boolean feedingNow;
  /** Set by {@link #finish()}: the rest is decoded on its thread, no longer in the background. */
  private boolean finishing;
  private SpeechFailure failure;
  private long decodeNanos;
  private long finishNanos;

  VoskTranscriptionStream(VoskSpeechToText owner, Optional<String> grammar) {
    this(owner, grammar, true);
  }

  /**
   * @param asItComes whether audio is decoded in the background as it arrives; false when all of it arrives at once
   *     and the caller waits for the transcript anyway: then {@link #finish()} decodes it all on the caller's thread
   */
  VoskTranscriptionStream(VoskSpeechToText owner, Optional<String> grammar, boolean asItComes) {
    this.owner = owner;
    this.grammar = grammar;
    this.asItComes = asItComes;
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

  /** The words up to the pause whose final result was taken, once it was taken and the caller has not spoken since. */
  @Override
  public synchronized Optional<String> wordsSoFar() {
    if (!pauseFinalTaken || failure != null || done) return Optional.empty();
    return Optional.of(VoskResults.toTranscript(results, offsetSeconds).text());
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
      // What is left is decoded here, on the caller's thread and at its priority, not behind callers still speaking.
      finishing = true;
      long phaseNanos = System.nanoTime();
      awaitBackgroundFeeding();
      phaseNanos = timed(TurnTiming.Phase.BACKGROUND_FRAME, phaseNanos);
      if (failure != null) throw failure;
      // A stream whose final result was taken in the pause, the caller silent since, needs no recognizer again.
      if (recognizer == null && !waitingForRecognizer.isEmpty()) startRecognizer(true);
      phaseNanos = timed(TurnTiming.Phase.RECOGNIZER_WAIT, phaseNanos);
      if (recognizer != null) feed(recognizer, List.copyOf(waitingForRecognizer));
      waitingForRecognizer.clear();
      phaseNanos = timed(TurnTiming.Phase.BACKLOG_DECODE, phaseNanos);
      if (voskState == VoskState.RUNNING) {
        results.add(onThisThread(recognizer::getFinalResult));
        voskState = VoskState.FRESH;
      }
      timed(TurnTiming.Phase.FINAL_RESULT, phaseNanos);
      return VoskResults.toTranscript(results, offsetSeconds);
    } catch (RuntimeException e) {
      throw new SpeechFailure("Vosk failed to transcribe", e);
    } finally {
      done = true;
      decodedFrames.clear();
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
    decodedFrames.clear();
    release();
  }

  /** Waits until the decoding threads have fed every frame queued so far; for tests. */
  synchronized void awaitBackgroundFed() throws InterruptedException {
    while (feedingScheduled || feedingNow) wait();
  }

  /** How many times the recording was heard again from the start, after the caller spoke after a pause. */
  synchronized int timesHeardAgain() {
    return heardAgain;
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
        speakingAgain();
        frames.addAll(heldSilence);
        heldSilence.clear();
      }
      frames.add(samples);
      if (asItComes && silent && pauseFramesDecoded == TRAILING_SILENCE_FRAMES && heardAgain < MAX_HEARD_AGAIN) {
        frames.add(PAUSE_END);
      }
      decode(frames);
    } catch (SpeechFailure e) {
      fail(e);
    } catch (RuntimeException e) {
      fail(new SpeechFailure("Vosk failed to transcribe", e));
    } finally {
      decodeNanos += System.nanoTime() - startNanos;
    }
  }

  /**
   * Queues {@code frames} after those waiting, to be decoded in the background once a recognizer is free (it is taken
   * now if one is).
   */
  private void decode(List<short[]> frames) throws SpeechFailure {
    waitingForRecognizer.addAll(frames);
    if (recognizer == null) framesWithoutRecognizer += frames.size();
    if (asItComes) frames.stream().filter(f -> f != PAUSE_END).forEach(decodedFrames::add);
    if (!asItComes || recognizer == null && !startRecognizer(false)) return;
    if (!feedingScheduled) {
      feedingScheduled = true;
      owner.decodeInBackground(this::feedInBackground);
    }
  }

  /**
   * The caller speaks after a pause: a pause end not fed yet is dropped (the recognizer just goes on), and a final
   * result already taken in the pause is thrown away, to hear the recording again from the start.
   */
  private void speakingAgain() {
    if (waitingForRecognizer.peekLast() == PAUSE_END) waitingForRecognizer.removeLast();
    if (pauseFinalTaken) hearAgainFromTheStart();
  }

  /**
   * Throws away what was heard and queues every frame of the recording again, for a recognizer that starts afresh: a
   * new one, or the one whose final result was just taken (its words are then timed from where it stands now).
   */
  private void hearAgainFromTheStart() {
    results.clear();
    waitingForRecognizer.clear();
    waitingForRecognizer.addAll(decodedFrames);
    pauseFinalTaken = false;
    heardAgain++;
    if (recognizer != null) offsetSeconds = (double) (owner.samplesDecodedBy(recognizer) + samplesFed) / rateHz;
  }

  /**
   * On a decoding thread: feeds the recognizer the frames waiting, one at a time, until none is left or the stream
   * finishes (then {@link #finish()} takes the rest on the caller's thread, waiting only for the frame being fed).
   */
  private void feedInBackground() {
    while (true) {
      short[] samples;
      Recognizer r;
      synchronized (this) {
        if (finishing || done || failure != null || recognizer == null || waitingForRecognizer.isEmpty()) {
          feedingScheduled = false;
          notifyAll();
          return;
        }
        samples = waitingForRecognizer.poll();
        r = recognizer;
        feedingNow = true;
      }
      long startNanos = System.nanoTime();
      String closed = null;
      RuntimeException failed = null;
      try {
        // A closed segment's result must be taken now: the final result holds only the last segment.
        closed = step(r, samples);
      } catch (RuntimeException e) {
        failed = e;
      }
      synchronized (this) {
        feedingNow = false;
        samplesFed += samples.length;
        decodeNanos += System.nanoTime() - startNanos;
        if (closed != null) results.add(closed);
        if (failed != null) fail(new SpeechFailure("Vosk failed to transcribe", failed));
        if (done) {
          release(); // closed meanwhile: its caller did not wait for this frame
        } else if (samples == PAUSE_END && closed != null && failure == null) {
          pausedWithFinalResult();
        }
        notifyAll();
      }
    }
  }

  /**
   * The final result was taken at the end of the decoded part of a pause: the recognizer is given back, unless the
   * caller spoke again while it was being taken (then it hears the recording again) or the recording has ended (then
   * {@link #finish()} gives it back).
   */
  private void pausedWithFinalResult() {
    pauseFinalTaken = true;
    if (!waitingForRecognizer.isEmpty()) {
      hearAgainFromTheStart();
    } else if (!finishing) {
      release();
    }
  }

  /** Waits (holding no lock meanwhile) until no frame is being fed on a decoding thread. Holds this stream's lock. */
  private void awaitBackgroundFeeding() {
    boolean interrupted = false;
    while (feedingNow) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true; // the recognizer is in use: it must not be freed before that ends
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /** Feeds {@code frames} on this thread, taking each closed segment's result. */
  private void feed(Recognizer r, List<short[]> frames) {
    for (short[] samples : frames) samplesFed += samples.length;
    results.addAll(onThisThread(() -> {
      List<String> closed = new ArrayList<>();
      for (short[] samples : frames) {
        String result = step(r, samples);
        if (result != null) closed.add(result);
      }
      return closed;
    }));
  }

  /**
   * Feeds one frame, or at {@link #PAUSE_END} takes the final result, on the thread feeding the recognizer; returns the
   * result Vosk gave there, if any. A closed segment's result is taken at once: the final result holds only the last.
   */
  private String step(Recognizer r, short[] samples) {
    if (samples == PAUSE_END) {
      if (voskState != VoskState.RUNNING) return null; // nothing fed since, or Vosk closed the segment itself
      voskState = VoskState.FRESH;
      return r.getFinalResult();
    }
    if (!r.acceptWaveForm(samples, samples.length)) {
      voskState = VoskState.RUNNING;
      return null;
    }
    voskState = VoskState.ENDPOINT;
    return r.getResult();
  }

  /** Runs a recognizer's work on this thread; while a turn is timed (see {@link TurnTiming}), counts its CPU time. */
  private <T> T onThisThread(Supplier<T> work) {
    TurnTiming turns = owner.turns();
    if (!turns.timing()) return work.get();
    long startCpu = THREADS.getCurrentThreadCpuTime();
    try {
      return work.get();
    } finally {
      turns.add(TurnTiming.Phase.DECODE_CPU, THREADS.getCurrentThreadCpuTime() - startCpu);
    }
  }

  private long timed(TurnTiming.Phase phase, long sinceNanos) {
    long now = System.nanoTime();
    owner.turns().add(phase, now - sinceNanos);
    return now;
  }

  private boolean startRecognizer(boolean wait) throws SpeechFailure {
    boolean orNew = framesWithoutRecognizer >= NEW_RECOGNIZER_AFTER_FRAMES;
    recognizer = owner.openRecognizer(rateHz, grammar, wait, orNew).orElse(null);
    if (recognizer == null) return false;
    framesWithoutRecognizer = 0;
    offsetSeconds = (double) owner.samplesDecodedBy(recognizer) / rateHz;
    samplesFed = 0;
    voskState = VoskState.FRESH;
    recognizer.setWords(true);
    return true;
  }

  private void fail(SpeechFailure e) {
    failure = e;
    heldSilence.clear();
    waitingForRecognizer.clear();
    decodedFrames.clear();
    release();
  }

  /**
   * Gives the recognizer back to be used again once its final result was taken, and frees it otherwise (a failure,
   * closed mid-utterance, or left by Vosk at an endpoint, which the next recording would go on from); while a decoding thread is feeding it a frame, that thread does it when the
   * frame is fed (the stream is done by then), so closing never waits for decoding at the lower priority.
   */
  private void release() {
    if (recognizer == null || feedingNow) return;
    Recognizer r = recognizer;
    recognizer = null;
    long startNanos = System.nanoTime();
    if (voskState == VoskState.FRESH && failure == null) {
      owner.giveBack(r, rateHz, grammar, samplesFed);
    } else {
      owner.closeRecognizer(r);
    }
    owner.turns().add(TurnTiming.Phase.RECOGNIZER_CLOSE, System.nanoTime() - startNanos);
  }

  static boolean isSilent(short[] samples) {
    long sum = 0;
    for (short s : samples) sum += Math.abs(s);
    return sum / samples.length < SILENCE_THRESHOLD;
  }
}
