package org.empathyivr.adapter.vosk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.port.Transcript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Speech to text with Vosk, offline, from one model directory.
 *
 * <p>One {@link Model} is loaded and shared by every call; each call decodes with its own {@link Recognizer}, created
 * at the audio's own rate (the model resamples, as its {@code conf/mfcc.conf} allows) and closed before the call
 * returns. At most {@code maxLiveRecognizers} recognizers are alive at once: a recognizer's native memory stays with
 * the process after it is freed, so this bound is what bounds the process's size. Calls beyond it wait.
 *
 * <p>Thread-safe. A failure inside Vosk becomes a {@link SpeechFailure} carrying the cause. After {@link #close()},
 * which waits for calls in progress and then frees the model, calls fail with {@link SpeechFailure}.
 */
public final class VoskSpeechToText implements SpeechToText, AutoCloseable {
  /** Audio is fed in telephone-frame-sized chunks, as a live stream would be. */
  static final int CHUNK_MS = 20;

  private static final Logger log = LoggerFactory.getLogger(VoskSpeechToText.class);

  private final Model model;
  private final VoskModelDirectory modelDirectory;
  private final String answerGrammar;
  private final int maxLiveRecognizers;
  private final Semaphore recognizerPermits;
  private final AtomicInteger liveRecognizers = new AtomicInteger();
  private final AtomicInteger peakLiveRecognizers = new AtomicInteger();
  private volatile boolean closed;

  private VoskSpeechToText(
      Model model, VoskModelDirectory modelDirectory, List<String> answerWords, int maxLiveRecognizers) {
    this.model = model;
    this.modelDirectory = modelDirectory;
    this.answerGrammar = AnswerGrammar.json(answerWords);
    this.maxLiveRecognizers = maxLiveRecognizers;
    this.recognizerPermits = new Semaphore(maxLiveRecognizers, true);
  }

  /**
   * Checks and loads the model in {@code modelDir}.
   *
   * @param maxLiveRecognizers how many calls may decode at once, at least 1
   * @throws IOException naming the directory and the problem if it is missing, is not a Vosk model, cannot take
   *     telephone audio, or Vosk cannot load it
   */
  public static VoskSpeechToText open(Path modelDir, int maxLiveRecognizers) throws IOException {
    if (modelDir == null) throw new IllegalArgumentException("modelDir == null");
    if (maxLiveRecognizers < 1) throw new IllegalArgumentException("maxLiveRecognizers < 1: " + maxLiveRecognizers);
    VoskModelDirectory directory = VoskModelDirectory.check(modelDir);
    List<String> answerWords = answerWordsKnownTo(modelDir);
    try {
      LibVosk.setLogLevel(LogLevel.WARNINGS); // Kaldi logs every model load and decode at INFO to stderr
      long startNanos = System.nanoTime();
      Model model = new Model(modelDir.toString());
      log.info("Loaded Vosk model {} in {} ms", modelDir, (System.nanoTime() - startNanos) / 1_000_000);
      return new VoskSpeechToText(model, directory, answerWords, maxLiveRecognizers);
    } catch (IOException | UnsatisfiedLinkError e) {
      throw new IOException("Vosk could not load the model in " + modelDir + ": " + e.getMessage(), e);
    }
  }

  /** The answer words the model knows; a grammar recognizer would drop the others with only a log line. */
  private static List<String> answerWordsKnownTo(Path modelDir) throws IOException {
    Optional<Set<String>> known = ModelVocabulary.known(modelDir, AnswerGrammar.WORDS);
    if (known.isEmpty()) {
      log.warn("Cannot read the word list of Vosk model {}; Vosk will warn about answer words it does not know",
          modelDir);
      return AnswerGrammar.WORDS;
    }
    List<String> missing = AnswerGrammar.WORDS.stream().filter(w -> !known.get().contains(w)).toList();
    if (!missing.isEmpty()) log.warn("Vosk model {} does not know the answer words {}", modelDir, missing);
    return AnswerGrammar.WORDS.stream().filter(known.get()::contains).toList();
  }

  @Override
  public Transcript transcribe(Audio audio) throws SpeechFailure {
    return decode(audio, Optional.empty()).transcript();
  }

  @Override
  public Transcript transcribeAnswer(Audio audio) throws SpeechFailure {
    return decode(audio, Optional.of(answerGrammar)).transcript();
  }

  /** What one decode gave, with how long it took. */
  record Decoding(Transcript transcript, long decodeNanos, long finalResultNanos) {}

  /** Decodes with a free-speech recognizer, or one restricted to {@code grammar}. */
  Decoding decode(Audio audio, Optional<String> grammar) throws SpeechFailure {
    if (audio == null) throw new IllegalArgumentException("audio == null");
    if (closed) throw new SpeechFailure("Vosk speech to text is closed");
    if (!modelDirectory.accepts(audio.sampleRateHz())) {
      throw new SpeechFailure("Vosk model " + modelDirectory.path() + " is for " + modelDirectory.sampleRateHz()
          + " Hz audio and its conf/mfcc.conf does not allow resampling from " + audio.sampleRateHz() + " Hz");
    }
    if (audio.isEmpty()) return new Decoding(Transcript.EMPTY, 0, 0);
    acquireRecognizerPermit();
    try {
      if (closed) throw new SpeechFailure("Vosk speech to text is closed");
      return decodeWithNewRecognizer(audio, grammar);
    } catch (IOException | RuntimeException e) {
      throw new SpeechFailure("Vosk failed to transcribe " + audio, e);
    } finally {
      recognizerPermits.release();
    }
  }

  private Decoding decodeWithNewRecognizer(Audio audio, Optional<String> grammar) throws IOException {
    int live = liveRecognizers.incrementAndGet();
    peakLiveRecognizers.accumulateAndGet(live, Math::max);
    try (Recognizer recognizer = newRecognizer(audio.sampleRateHz(), grammar)) {
      recognizer.setWords(true);
      long startNanos = System.nanoTime();
      List<String> results = new ArrayList<>();
      short[] samples = audio.samples();
      int chunkSamples = Math.max(1, audio.sampleRateHz() * CHUNK_MS / 1000);
      short[] chunk = new short[chunkSamples];
      for (int offset = 0; offset < samples.length; offset += chunkSamples) {
        int length = Math.min(chunkSamples, samples.length - offset);
        System.arraycopy(samples, offset, chunk, 0, length);
        // A closed segment's result must be taken now: the final result holds only the last segment.
        if (recognizer.acceptWaveForm(chunk, length)) results.add(recognizer.getResult());
      }
      long lastChunkNanos = System.nanoTime();
      results.add(recognizer.getFinalResult());
      long endNanos = System.nanoTime();
      Decoding decoding =
          new Decoding(VoskResults.toTranscript(results), endNanos - startNanos, endNanos - lastChunkNanos);
      log.debug("Decoded {} in {} ms, the final result {} ms after the last chunk", audio,
          decoding.decodeNanos() / 1_000_000, decoding.finalResultNanos() / 1_000_000);
      return decoding;
    } finally {
      liveRecognizers.decrementAndGet();
    }
  }

  private Recognizer newRecognizer(int sampleRateHz, Optional<String> grammar) throws IOException {
    if (grammar.isEmpty()) return new Recognizer(model, sampleRateHz); // checks for a null pointer itself
    Recognizer recognizer = new Recognizer(model, sampleRateHz, grammar.get());
    if (recognizer.getPointer() == null) throw new IOException("Vosk could not create a grammar recognizer");
    return recognizer;
  }

  private void acquireRecognizerPermit() throws SpeechFailure {
    try {
      recognizerPermits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpeechFailure("Interrupted while waiting for a free Vosk recognizer", e);
    }
  }

  /** The most recognizers that were ever alive at once. */
  int peakLiveRecognizers() {
    return peakLiveRecognizers.get();
  }

  /** Waits for calls in progress, then frees the model. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    recognizerPermits.acquireUninterruptibly(maxLiveRecognizers);
    try {
      model.close();
    } finally {
      // Wake the calls waiting for a permit: they see closed and fail.
      recognizerPermits.release(maxLiveRecognizers);
    }
  }
}
