package org.empathyivr.adapter.vosk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.TranscriptionStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Speech to text with Vosk, offline, from one model directory.
 *
 * <p>One {@link Model} is loaded and shared by every call; each recording is decoded by a {@link Recognizer} of its
 * own while it lasts (a {@link VoskTranscriptionStream}), taken when its first speech arrives, fed as the caller
 * speaks, and given back when the stream finishes, or already in the pause that ends the recording (see {@link
 * VoskTranscriptionStream}); the audio of a caller still speaking is decoded on threads of lower
 * priority (see {@link DecodingThreads}), and what is left when the recording ends on the waiting caller's own thread.
 * At most {@code maxLiveRecognizers} recognizers decode at once: a recognizer's native memory stays with the process
 * after it is freed, so this bound is what bounds the process's size. Streams beyond it keep their audio and decode it
 * when a recognizer is free.
 *
 * <p><b>The composed graph.</b> The small model ships its graph in two parts ({@code HCLr.fst}, and the language
 * model {@code Gr.fst}) that each recognizer composes on the fly, keeping the part it has walked: a new recognizer
 * decodes at a far higher CPU cost than one that has heard a minute of speech, and each grows with what it has heard.
 * The build composes the graph once ({@code scripts/compose-graph.sh}, into {@code composed/} in the model
 * directory), and free speech is decoded with that model, whose graph every recognizer shares: the same words, for
 * less CPU and no growth (docs/recognition.md has the figures). Vosk cannot restrict a composed graph to a grammar, so
 * the answer and name recognizers use the model itself. Without a composed graph (OpenFst was not installed when the
 * model was built, or {@code composedGraph} is off) free speech uses the model itself too.
 *
 * <p><b>Recognizers are used again.</b> A recognizer on a graph composed on the fly keeps the part of the composition
 * it has walked, and a new one walks it again from nothing; the transcripts are the same word for word, since Vosk
 * starts a new decoder and new features after a final result and keeps only the graph.
 * So a recognizer whose final result was taken goes back to an idle pool of its kind (rate and grammar), at most
 * {@code maxLiveRecognizers} of each kind, and the next recording of that kind takes it. What it keeps grows with the
 * audio it has decoded, so after {@code reuseSeconds} of audio it is freed
 * instead, and a new one starts. A recognizer whose stream failed or was closed before its final result is freed, and
 * so is one left idle for {@value #IDLE_FREE_MS} ms (unless opened with another wait): a line gone quiet holds no
 * recognizer.
 *
 * <p>Thread-safe. A failure inside Vosk becomes a {@link SpeechFailure} carrying the cause. After {@link #close()},
 * which waits for calls in progress and then frees the idle recognizers and the model, calls fail with {@link
 * SpeechFailure}.
 */
public final class VoskSpeechToText implements SpeechToText, AutoCloseable {
  /** Audio is fed in telephone-frame-sized chunks, as a live line delivers it. */
  static final int CHUNK_MS = 20;

  private static final Logger log = LoggerFactory.getLogger(VoskSpeechToText.class);
  /**
   * How often, at most, freed native memory is handed back to the system (see {@link NativeHeap}); a recognizer closed
   * meanwhile has it handed back when this has passed, so a line gone quiet holds no freed memory.
   */
  static final long TRIM_EVERY_MS = 1_000;

  /** The model as it ships: its graph composed on the fly, restricted to a grammar where one is given. */
  private final Model model;
  /** The model free speech is decoded with: the composed graph's, or {@link #model}. */
  private final Model freeSpeechModel;
  /** Which graph free speech is decoded on, as the log, {@code bench} and {@code eval-stt} say it. */
  private final String freeSpeechGraph;
  private final VoskModelDirectory modelDirectory;
  private final String answerGrammar;
  private final int maxLiveRecognizers;
  private final int reuseSeconds;
  private final Semaphore recognizerPermits;
  /** Recognizers whose final result was taken, by kind, the most recently given back last. */
  private final Map<Kind, Deque<Idle>> idle = new ConcurrentHashMap<>();
  /** Audio each recognizer alive has decoded, in samples at its rate (taken and idle ones alike). */
  private final Map<Recognizer, Long> samplesDecoded = new ConcurrentHashMap<>();
  private final AtomicInteger liveRecognizers = new AtomicInteger();
  private final AtomicInteger peakLiveRecognizers = new AtomicInteger();
  private final Map<List<String>, String> nameGrammars = new ConcurrentHashMap<>();
  /** When the last trim began; written by the trimmer's thread only. */
  private volatile long lastTrimNanos = System.nanoTime() - TRIM_EVERY_MS * 1_000_000;
  /** Whether a trim is scheduled and has not begun: closes meanwhile need no other. */
  private final AtomicBoolean trimScheduled = new AtomicBoolean();
  /** Trims the native heap and frees recognizers idle too long, off the calls' threads, so no caller waits for it. */
  private final ScheduledExecutorService heapTrimmer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "native-heap-trim");
    thread.setDaemon(true);
    return thread;
  });
  private final DecodingThreads decodingThreads;
  private final TurnTiming turns;
  private volatile boolean closed;

  /** What a recognizer was made for: only a stream of the same rate and grammar may take it again. */
  private record Kind(int sampleRateHz, Optional<String> grammar) {}

  /** A recognizer waiting for the next stream of its kind, since {@code sinceNanos}. */
  private record Idle(Recognizer recognizer, long sinceNanos) {}

  /**
   * How long a recognizer waits idle before it is freed, unless told otherwise, so that a line gone quiet holds no
   * recognizer's memory.
   */
  static final long IDLE_FREE_MS = 30_000;
  public static final Duration DEFAULT_IDLE_FREE = Duration.ofMillis(IDLE_FREE_MS);
  /** The idle recognizers are looked at this many times an idle wait, so none waits much longer than that. */
  private static final int IDLE_LOOKS = 4;

  /** How much audio a recognizer decodes, in all, before it is freed rather than used again: see the class comment. */
  public static final int DEFAULT_REUSE_SECONDS = 60;

  private VoskSpeechToText(Model model, Model freeSpeechModel, String freeSpeechGraph,
      VoskModelDirectory modelDirectory, List<String> answerWords, int maxLiveRecognizers, int reuseSeconds,
      Duration idleFree, TurnTiming turns) {
    this.model = model;
    this.freeSpeechModel = freeSpeechModel;
    this.freeSpeechGraph = freeSpeechGraph;
    this.modelDirectory = modelDirectory;
    this.answerGrammar = AnswerGrammar.json(answerWords);
    this.maxLiveRecognizers = maxLiveRecognizers;
    this.reuseSeconds = reuseSeconds;
    this.recognizerPermits = new Semaphore(maxLiveRecognizers, true);
    this.decodingThreads = new DecodingThreads(maxLiveRecognizers);
    this.turns = turns;
    long idleFreeMs = idleFree.toMillis();
    long lookEveryMs = Math.max(1, idleFreeMs / IDLE_LOOKS);
    heapTrimmer.scheduleWithFixedDelay(
        () -> freeIdleRecognizers(idleFreeMs), lookEveryMs, lookEveryMs, TimeUnit.MILLISECONDS);
  }

  /**
   * Checks and loads the model in {@code modelDir}.
   *
   * @param maxLiveRecognizers how many calls may decode at once, at least 1
   * @throws IOException naming the directory and the problem if it is missing, is not a Vosk model, cannot take
   *     telephone audio, or Vosk cannot load it
   */
  public static VoskSpeechToText open(Path modelDir, int maxLiveRecognizers) throws IOException {
    return open(modelDir, maxLiveRecognizers, DEFAULT_REUSE_SECONDS);
  }

  /**
   * Checks and loads the model in {@code modelDir}.
   *
   * @param maxLiveRecognizers how many calls may decode at once, at least 1
   * @param reuseSeconds how many seconds of audio a recognizer decodes, in all, before it is freed rather than used
   *     again; 0 frees each one after its recording
   * @throws IOException naming the directory and the problem if it is missing, is not a Vosk model, cannot take
   *     telephone audio, or Vosk cannot load it
   */
  public static VoskSpeechToText open(Path modelDir, int maxLiveRecognizers, int reuseSeconds) throws IOException {
    return open(modelDir, maxLiveRecognizers, reuseSeconds, DEFAULT_IDLE_FREE, TurnTiming.NONE, true);
  }

  /**
   * Checks and loads the model in {@code modelDir}; the recognition phases of each turn go to {@code turns}.
   *
   * @param maxLiveRecognizers how many calls may decode at once, at least 1
   * @param reuseSeconds how many seconds of audio a recognizer decodes, in all, before it is freed rather than used
   *     again; 0 frees each one after its recording
   * @param idleFree how long a recognizer waits idle for the next recording of its kind before it is freed ({@link
   *     #DEFAULT_IDLE_FREE} unless a quiet line must give its memory back sooner); it is freed within a quarter of
   *     that more
   * @param composedGraph whether free speech is decoded with the model's graph composed ahead of time, when the
   *     build composed it (see the class comment); a composed graph that does not match the model is logged and not
   *     used
   * @throws IOException naming the directory and the problem if it is missing, is not a Vosk model, cannot take
   *     telephone audio, or Vosk cannot load it
   */
  public static VoskSpeechToText open(Path modelDir, int maxLiveRecognizers, int reuseSeconds, Duration idleFree,
      TurnTiming turns, boolean composedGraph) throws IOException {
    if (turns == null) throw new IllegalArgumentException("turns == null");
    if (idleFree == null || idleFree.isNegative() || idleFree.isZero()) {
      throw new IllegalArgumentException("idleFree is not positive: " + idleFree);
    }
    if (modelDir == null) throw new IllegalArgumentException("modelDir == null");
    if (maxLiveRecognizers < 1) throw new IllegalArgumentException("maxLiveRecognizers < 1: " + maxLiveRecognizers);
    if (reuseSeconds < 0) throw new IllegalArgumentException("reuseSeconds < 0: " + reuseSeconds);
    VoskModelDirectory directory = VoskModelDirectory.check(modelDir);
    List<String> answerWords = answerWordsKnownTo(modelDir);
    Optional<Path> composed = Optional.empty();
    if (composedGraph && directory.composesAsItGoes()) {
      VoskModelDirectory.Composed found = directory.composed();
      if (found.dir().isEmpty()) {
        log.warn("Vosk model {}: free speech is decoded on a graph composed as it goes, at a higher CPU cost: {}"
            + " (the build composes it when OpenFst's tools are installed: see scripts/compose-graph.sh)",
            modelDir, found.whyNot());
      }
      composed = found.dir();
    }
    String freeSpeechGraph = composed.map(d -> "the graph composed ahead of time in " + d)
        .orElse(directory.composesAsItGoes() ? "the graph composed as it goes" : "the model's own graph");
    Model model = null;
    try {
      LibVosk.setLogLevel(LogLevel.WARNINGS); // Kaldi logs every model load and decode at INFO to stderr
      long startNanos = System.nanoTime();
      model = new Model(modelDir.toString());
      Model freeSpeech = composed.isPresent() ? new Model(composed.get().toString()) : model;
      log.info("Loaded Vosk model {} in {} ms; free speech on {}", modelDir,
          (System.nanoTime() - startNanos) / 1_000_000, freeSpeechGraph);
      return new VoskSpeechToText(model, freeSpeech, freeSpeechGraph, directory, answerWords, maxLiveRecognizers,
          reuseSeconds, idleFree, turns);
    } catch (IOException | UnsatisfiedLinkError e) {
      if (model != null) model.close();
      String which =
          model != null && composed.isPresent() ? "the composed graph in " + composed.get() : modelDir.toString();
      throw new IOException("Vosk could not load the model in " + which + ": " + e.getMessage(), e);
    }
  }

  /** Whether free speech is decoded with a graph composed ahead of time, not one composed as it goes. */
  public boolean decodesOnComposedGraph() {
    return freeSpeechModel != model;
  }

  /** Which graph free speech is decoded on, in words: the composed one (and where), or the model's own. */
  public String freeSpeechGraph() {
    return freeSpeechGraph;
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

  @Override
  public TranscriptionStream startTranscribing() throws SpeechFailure {
    if (closed) throw new SpeechFailure("Vosk speech to text is closed");
    return new VoskTranscriptionStream(this, Optional.empty());
  }

  @Override
  public TranscriptionStream startTranscribingAnswer() throws SpeechFailure {
    if (closed) throw new SpeechFailure("Vosk speech to text is closed");
    return new VoskTranscriptionStream(this, Optional.of(answerGrammar));
  }

  /**
   * A recognizer restricted to the candidate names the model knows as words, and {@value VoskResults#UNKNOWN_WORD}
   * for anything else; the grammar of each candidate list is built once.
   */
  @Override
  public TranscriptionStream startTranscribingName(List<String> candidates) throws SpeechFailure {
    if (closed) throw new SpeechFailure("Vosk speech to text is closed");
    String grammar = nameGrammars.get(candidates);
    if (grammar == null) {
      grammar = AnswerGrammar.json(namesKnownTo(candidates));
      nameGrammars.put(List.copyOf(candidates), grammar);
    }
    return new VoskTranscriptionStream(this, Optional.of(grammar));
  }

  /** The names the model can recognize: a name outside its vocabulary would only ever come back as another one. */
  List<String> namesKnownTo(List<String> candidates) throws SpeechFailure {
    try {
      Optional<Set<String>> known = ModelVocabulary.known(modelDirectory.path(), candidates);
      List<String> names = candidates.stream().filter(n -> n.matches("[a-z']+"))
          .filter(n -> known.isEmpty() || known.get().contains(n)).toList();
      if (names.isEmpty()) throw new SpeechFailure("Vosk model " + modelDirectory.path() + " knows none of the names");
      return names;
    } catch (IOException e) {
      throw new SpeechFailure("Cannot read the word list of Vosk model " + modelDirectory.path(), e);
    }
  }

  /** What one decode gave, with how long it took. */
  record Decoding(Transcript transcript, long decodeNanos, long finalResultNanos) {}

  /** Decodes all of {@code audio} with a free-speech recognizer, or one restricted to {@code grammar}. */
  Decoding decode(Audio audio, Optional<String> grammar) throws SpeechFailure {
    if (audio == null) throw new IllegalArgumentException("audio == null");
    if (closed) throw new SpeechFailure("Vosk speech to text is closed");
    checkRate(audio.sampleRateHz());
    // All of the audio is here and the caller waits: it is decoded on the caller's thread, as a finished recording is.
    try (VoskTranscriptionStream stream = new VoskTranscriptionStream(this, grammar, false)) {
      stream.accept(audio);
      Transcript transcript = stream.finish();
      log.debug("Decoded {} in {} ms, the final result {} ms after the last chunk", audio,
          stream.decodeNanos() / 1_000_000, stream.finishNanos() / 1_000_000);
      return new Decoding(transcript, stream.decodeNanos(), stream.finishNanos());
    }
  }

  void checkRate(int sampleRateHz) throws SpeechFailure {
    if (!modelDirectory.accepts(sampleRateHz)) {
      throw new SpeechFailure("Vosk model " + modelDirectory.path() + " is for " + modelDirectory.sampleRateHz()
          + " Hz audio and its conf/mfcc.conf does not allow resampling from " + sampleRateHz + " Hz");
    }
  }

  /**
   * A recognizer at the audio's own rate (the model resamples, as its {@code conf/mfcc.conf} allows), holding one of
   * the permits: an idle one of that kind if there is one, else a new one; empty when no permit is free and {@code
   * wait} is false, or when none of that kind is idle and neither {@code wait} nor {@code orNew} is set. Give it back
   * with {@link #giveBack} once its final result was taken, else free it with {@link #closeRecognizer}.
   */
  Optional<Recognizer> openRecognizer(int sampleRateHz, Optional<String> grammar, boolean wait, boolean orNew)
      throws SpeechFailure {
    if (closed) throw new SpeechFailure("Vosk speech to text is closed");
    if (wait) {
      acquireRecognizerPermit();
    } else if (!recognizerPermits.tryAcquire()) {
      return Optional.empty();
    }
    try {
      if (closed) throw new SpeechFailure("Vosk speech to text is closed");
      Idle waiting = idleOf(new Kind(sampleRateHz, grammar)).pollLast();
      Recognizer recognizer = waiting == null ? null : waiting.recognizer();
      if (recognizer == null && !wait && !orNew) {
        recognizerPermits.release();
        return Optional.empty();
      }
      // One taken while the caller speaks is made in the background; one a caller waits for, on the caller's thread.
      if (recognizer == null) {
        recognizer = wait
            ? newRecognizer(sampleRateHz, grammar)
            : decodingThreads.run(() -> newRecognizer(sampleRateHz, grammar));
        samplesDecoded.put(recognizer, 0L);
      }
      int live = liveRecognizers.incrementAndGet();
      peakLiveRecognizers.accumulateAndGet(live, Math::max);
      return Optional.of(recognizer);
    } catch (RuntimeException e) {
      recognizerPermits.release();
      throw new SpeechFailure("Vosk could not create a recognizer",
          e instanceof java.io.UncheckedIOException u ? u.getCause() : e);
    } catch (SpeechFailure e) {
      recognizerPermits.release();
      throw e;
    }
  }

  /**
   * Frees a recognizer from {@link #openRecognizer} and gives its permit back. The memory freed is handed back to the
   * system on another thread, at once or, when that was done less than {@value #TRIM_EVERY_MS} ms ago, when that
   * much time has passed.
   */
  void closeRecognizer(Recognizer recognizer) {
    try {
      free(recognizer);
    } finally {
      liveRecognizers.decrementAndGet();
      recognizerPermits.release();
    }
  }

  private void free(Recognizer recognizer) {
    try {
      samplesDecoded.remove(recognizer);
      recognizer.close();
    } finally {
      trimNowAndThen();
    }
  }

  /**
   * Gives back a recognizer from {@link #openRecognizer} whose final result was taken, after it decoded {@code samples}
   * more: it waits idle for the next stream of its kind, unless it has decoded {@code reuseSeconds} of audio in all or
   * as many of its kind wait already; then it is freed (see {@link #closeRecognizer}).
   */
  void giveBack(Recognizer recognizer, int sampleRateHz, Optional<String> grammar, long samples) {
    long decoded = samplesDecoded.merge(recognizer, samples, Long::sum);
    Deque<Idle> pool = idleOf(new Kind(sampleRateHz, grammar));
    if (closed || decoded >= (long) reuseSeconds * sampleRateHz || pool.size() >= maxLiveRecognizers) {
      closeRecognizer(recognizer);
      return;
    }
    pool.addLast(new Idle(recognizer, System.nanoTime()));
    liveRecognizers.decrementAndGet();
    recognizerPermits.release();
  }

  private Deque<Idle> idleOf(Kind kind) {
    return idle.computeIfAbsent(kind, k -> new ConcurrentLinkedDeque<>());
  }

  /**
   * Frees the recognizers that have waited idle {@code idleFreeMs} or longer (the oldest are first in each pool); a
   * stream can no longer take one once it is out of its pool.
   */
  void freeIdleRecognizers(long idleFreeMs) {
    long now = System.nanoTime();
    for (Deque<Idle> pool : idle.values()) {
      Idle oldest;
      while ((oldest = pool.peekFirst()) != null && now - oldest.sinceNanos() >= idleFreeMs * 1_000_000) {
        if (pool.removeFirstOccurrence(oldest)) free(oldest.recognizer()); // else a stream took it meanwhile
      }
    }
  }

  /** Where the streams report the phases of the turn they finish on. */
  TurnTiming turns() {
    return turns;
  }

  /** How much audio {@code recognizer}, taken with {@link #openRecognizer}, has decoded before, in samples. */
  long samplesDecodedBy(Recognizer recognizer) {
    return samplesDecoded.getOrDefault(recognizer, 0L);
  }

  /** How many recognizers wait idle, of every kind. */
  int idleRecognizers() {
    return idle.values().stream().mapToInt(Deque::size).sum();
  }

  private void trimNowAndThen() {
    if (!trimScheduled.compareAndSet(false, true)) return;
    long sinceLastMs = (System.nanoTime() - lastTrimNanos) / 1_000_000;
    try {
      heapTrimmer.schedule(this::trim, Math.max(0, TRIM_EVERY_MS - sinceLastMs), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closing: the process is about to give everything back.
    }
  }

  private void trim() {
    trimScheduled.set(false); // a recognizer closed from now on is freed after this trim began: it needs another
    long startNanos = System.nanoTime();
    lastTrimNanos = startNanos;
    NativeHeap.trim();
    log.debug("Handed freed native memory back in {} ms", (System.nanoTime() - startNanos) / 1_000_000);
  }

  private Recognizer newRecognizer(int sampleRateHz, Optional<String> grammar) {
    try {
      if (grammar.isEmpty()) return new Recognizer(freeSpeechModel, sampleRateHz); // checks for a null pointer itself
      Recognizer recognizer = new Recognizer(model, sampleRateHz, grammar.get());
      if (recognizer.getPointer() == null) throw new IOException("Vosk could not create a grammar recognizer");
      return recognizer;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Runs a recognizer's work (feeding it the audio of a caller still speaking) on the decoding threads, at a lower
   * priority than the calls' own threads, without waiting for it; see {@link DecodingThreads}.
   */
  void decodeInBackground(Runnable work) {
    decodingThreads.execute(work);
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

  /** Waits for calls in progress, then frees the idle recognizers and the model. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    recognizerPermits.acquireUninterruptibly(maxLiveRecognizers);
    heapTrimmer.shutdown();
    decodingThreads.close();
    try {
      List<Idle> waiting = new ArrayList<>();
      idle.values().forEach(waiting::addAll);
      idle.clear();
      waiting.forEach(i -> i.recognizer().close());
      samplesDecoded.clear();
      if (freeSpeechModel != model) freeSpeechModel.close();
      model.close();
    } finally {
      // Wake the calls waiting for a permit: they see closed and fail.
      recognizerPermits.release(maxLiveRecognizers);
    }
  }
}
