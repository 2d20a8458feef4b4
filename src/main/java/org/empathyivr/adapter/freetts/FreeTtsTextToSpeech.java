package org.empathyivr.adapter.freetts;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.empathyivr.adapter.audio.LoudnessNormalizer;
import org.empathyivr.adapter.audio.Resampler;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.TextToSpeech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text to speech with FreeTTS's kevin16 voice, offline, ready for the phone line.
 *
 * <p>kevin16 speaks at 16 kHz into memory ({@link CapturingAudioPlayer}); each sentence is brought down to
 * {@link Audio#TELEPHONY_RATE_HZ} by a windowed-sinc {@link Resampler} (a linear one folds the 4–8 kHz band back onto
 * the speech and makes the recogniser on the far end miss words), the sentences are paced by
 * {@link SentencePacing}, and the prompt is brought to {@link #TARGET_LEVEL_DBFS} active-speech level so that every
 * prompt is equally loud. The voice speaks at {@link #SPEAKING_RATE_WPM}, a little slower than its default 150.
 *
 * <p>Thread-safe. A FreeTTS voice speaks one text at a time, so {@code voiceCount} voices are loaded and each call
 * borrows a free one, waiting when all are busy. Failures inside FreeTTS become {@link SpeechFailure} carrying the
 * cause. After {@link #close()}, which waits for calls in progress and frees the voices, calls fail with
 * {@link SpeechFailure}.
 *
 * <p>{@link #synthesizeAhead} synthesizes on threads of its own, one per voice, and keeps the audio of shared text
 * (the phrasebook's fixed lines, said alike to every caller) in memory, up to {@link #SHARED_KEPT} texts: the first
 * kept are kept for good, as the support line renders every fixed line at start.
 */
public final class FreeTtsTextToSpeech implements TextToSpeech, AutoCloseable {
  static final String VOICE_NAME = "kevin16";

  /** Calm and unhurried: kevin16's default is 150 words per minute. */
  static final float SPEAKING_RATE_WPM = 135f;

  /** Active-speech level of every prompt, a usual level for telephone speech. */
  static final double TARGET_LEVEL_DBFS = -18;

  /** No sample above this, leaving headroom for the codec. */
  static final double PEAK_CEILING_DBFS = -1;

  private static final Logger log = LoggerFactory.getLogger(FreeTtsTextToSpeech.class);

  /** What the pool holds once the voices are freed: whoever takes it puts it back and fails. */
  private static final SpeakingVoice CLOSED = new SpeakingVoice(null, null);

  /** How many shared texts' audio is kept: the phrasebook's fixed lines and their usual pairings, a few MiB. */
  static final int SHARED_KEPT = 256;

  private final BlockingQueue<SpeakingVoice> freeVoices;
  private final ExecutorService ahead;
  private final ConcurrentHashMap<String, CompletableFuture<Audio>> shared = new ConcurrentHashMap<>();
  private final int voiceCount;
  private final TurnTiming turns;
  private final LoudnessNormalizer normalizer = new LoudnessNormalizer(TARGET_LEVEL_DBFS, PEAK_CEILING_DBFS);
  private volatile Resampler resampler;
  private boolean closed; // guarded by this

  /** A voice and the player that catches what it says. */
  private record SpeakingVoice(Voice voice, CapturingAudioPlayer player) {}

  private FreeTtsTextToSpeech(List<SpeakingVoice> voices, TurnTiming turns) {
    this.voiceCount = voices.size();
    this.turns = turns;
    this.freeVoices = new ArrayBlockingQueue<>(voiceCount, true, voices);
    AtomicInteger threads = new AtomicInteger();
    this.ahead = Executors.newFixedThreadPool(voiceCount, task -> {
      Thread thread = new Thread(task, "freetts-ahead-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Loads {@code voiceCount} kevin16 voices (synthesis runs on at most that many threads at once).
   *
   * @throws IllegalArgumentException if {@code voiceCount < 1}
   * @throws IllegalStateException saying why, if FreeTTS has no kevin16 voice or cannot load it
   */
  public static FreeTtsTextToSpeech load(int voiceCount) {
    return load(voiceCount, TurnTiming.NONE);
  }

  /**
   * Loads {@code voiceCount} kevin16 voices; the time a turn waits for the first part of its reply goes to {@code
   * turns}.
   *
   * @throws IllegalArgumentException if {@code voiceCount < 1}
   * @throws IllegalStateException saying why, if FreeTTS has no kevin16 voice or cannot load it
   */
  public static FreeTtsTextToSpeech load(int voiceCount, TurnTiming turns) {
    if (turns == null) throw new IllegalArgumentException("turns == null");
    if (voiceCount < 1) throw new IllegalArgumentException("voiceCount < 1: " + voiceCount);
    long startNanos = System.nanoTime();
    List<SpeakingVoice> voices = new ArrayList<>();
    try {
      for (int i = 0; i < voiceCount; i++) voices.add(loadVoice());
    } catch (RuntimeException e) {
      voices.forEach(FreeTtsTextToSpeech::free);
      throw e;
    }
    log.info("Loaded {} FreeTTS {} voices in {} ms", voiceCount, VOICE_NAME, (System.nanoTime() - startNanos) / 1_000_000);
    return new FreeTtsTextToSpeech(voices, turns);
  }

  private static SpeakingVoice loadVoice() {
    // A directory makes new voices (with their own lexicon) on each call, so no two voices share state.
    Voice[] all = new KevinVoiceDirectory().getVoices();
    Voice voice =
        Arrays.stream(all)
            .filter(v -> VOICE_NAME.equals(v.getName()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(
                "FreeTTS has no voice " + VOICE_NAME + " (found " + Arrays.stream(all).map(Voice::getName).toList()
                    + ")"));
    CapturingAudioPlayer player = new CapturingAudioPlayer();
    try {
      voice.setAudioPlayer(player);
      voice.setRate(SPEAKING_RATE_WPM);
      voice.allocate();
    } catch (RuntimeException e) {
      throw new IllegalStateException("FreeTTS could not load voice " + VOICE_NAME + ": " + e, e);
    }
    if (!voice.isLoaded()) throw new IllegalStateException("FreeTTS did not load voice " + VOICE_NAME);
    return new SpeakingVoice(voice, player);
  }

  /**
   * Speaks {@code text}, whitespace collapsed and otherwise as given.
   *
   * @throws IllegalArgumentException if {@code text} is null or blank
   * @throws SpeechFailure if FreeTTS fails or says nothing, if this is closed, or if the thread is interrupted while
   *     waiting for a voice
   */
  @Override
  public Audio synthesize(String text) throws SpeechFailure {
    if (text == null) throw new IllegalArgumentException("text == null");
    if (text.isBlank()) throw new IllegalArgumentException("text is blank: \"" + text + "\"");
    String spoken = text.strip().replaceAll("\\s+", " ");
    Spoken sentences = speak(spoken);
    Resampler toPhone = resamplerFrom(sentences.sampleRateHz());
    List<short[]> phoneSentences = sentences.utterances().stream().map(toPhone::resample).toList();
    short[] paced = SentencePacing.pace(phoneSentences, Audio.TELEPHONY_RATE_HZ);
    if (paced.length == 0) throw new SpeechFailure("FreeTTS produced no sound for \"" + spoken + "\"");
    return new Audio(Audio.TELEPHONY_RATE_HZ, normalizer.normalize(paced, Audio.TELEPHONY_RATE_HZ));
  }

  /**
   * Synthesizes on one of this synthesizer's threads; shared text comes from memory once synthesized (a failure is
   * not kept: the next caller tries again).
   */
  @Override
  public Ahead synthesizeAhead(String text, boolean isShared) {
    if (!isShared) return new Pending(synthesizeLater(text), true);
    CompletableFuture<Audio> kept = shared.get(text);
    if (kept != null && !kept.isCompletedExceptionally()) return new Pending(kept, false);
    CompletableFuture<Audio> made = synthesizeLater(text);
    if (shared.size() < SHARED_KEPT) {
      CompletableFuture<Audio> first = shared.putIfAbsent(text, made);
      if (first != null && !first.isCompletedExceptionally()) {
        made.cancel(false);
        return new Pending(first, false);
      }
      if (first != null) shared.put(text, made);
      made.whenComplete((audio, failure) -> {
        if (failure != null) shared.remove(text, made);
      });
    }
    return new Pending(made, false);
  }

  private CompletableFuture<Audio> synthesizeLater(String text) {
    try {
      return CompletableFuture.supplyAsync(() -> synthesizeOrThrow(text), ahead);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new SpeechFailure("FreeTTS text to speech is closed"));
    }
  }

  private Audio synthesizeOrThrow(String text) {
    try {
      return synthesize(text);
    } catch (SpeechFailure e) {
      throw new CompletionException(e);
    }
  }

  /** Audio on its way; shared audio is never cancelled (another caller may be waiting for it), only a call's own. */
  private final class Pending implements Ahead {
    private final CompletableFuture<Audio> audio;
    private final boolean cancellable;

    Pending(CompletableFuture<Audio> audio, boolean cancellable) {
      this.audio = audio;
      this.cancellable = cancellable;
    }

    @Override
    public Audio await() throws SpeechFailure {
      long startNanos = System.nanoTime();
      try {
        return audio.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SpeechFailure("interrupted while waiting for synthesized speech", e);
      } catch (CancellationException e) {
        throw new SpeechFailure("the synthesis was cancelled", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
            : e.getCause();
        if (cause instanceof SpeechFailure failure) throw failure;
        if (cause instanceof RuntimeException runtime) throw runtime;
        throw new SpeechFailure("synthesis failed: " + cause, cause);
      } finally {
        turns.add(TurnTiming.Phase.SYNTHESIS, System.nanoTime() - startNanos);
      }
    }

    @Override
    public void cancel() {
      if (cancellable) audio.cancel(false);
    }
  }

  private record Spoken(List<short[]> utterances, int sampleRateHz) {}

  private Spoken speak(String text) throws SpeechFailure {
    SpeakingVoice speaking = borrow();
    try {
      speaking.player().reset();
      boolean spoke = speaking.voice().speak(text);
      List<short[]> utterances = speaking.player().takeUtterances();
      if (!spoke) throw new SpeechFailure("FreeTTS " + VOICE_NAME + " did not speak \"" + text + "\"");
      return new Spoken(utterances, speaking.player().sampleRateHz());
    } catch (RuntimeException e) {
      throw new SpeechFailure("FreeTTS " + VOICE_NAME + " failed on \"" + text + "\": " + e, e);
    } finally {
      freeVoices.add(speaking);
    }
  }

  private SpeakingVoice borrow() throws SpeechFailure {
    SpeakingVoice speaking;
    try {
      speaking = freeVoices.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpeechFailure("interrupted while waiting for a FreeTTS voice", e);
    }
    if (speaking == CLOSED) {
      freeVoices.add(CLOSED);
      throw new SpeechFailure("FreeTTS text to speech is closed");
    }
    return speaking;
  }

  private Resampler resamplerFrom(int sampleRateHz) {
    Resampler current = resampler;
    if (current == null || current.fromHz() != sampleRateHz) {
      current = new Resampler(sampleRateHz, Audio.TELEPHONY_RATE_HZ);
      resampler = current;
    }
    return current;
  }

  /** Waits for calls in progress, then frees the voices. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    ahead.shutdown();
    List<SpeakingVoice> taken = new ArrayList<>();
    try {
      while (taken.size() < voiceCount) taken.add(freeVoices.take());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("Interrupted while closing FreeTTS: {} of {} voices still speaking are not freed",
          voiceCount - taken.size(), voiceCount);
    }
    taken.forEach(FreeTtsTextToSpeech::free);
    for (int i = 0; i < taken.size(); i++) freeVoices.add(CLOSED);
  }

  private static void free(SpeakingVoice speaking) {
    speaking.voice().deallocate();
  }

  @Override
  public String toString() {
    return "FreeTtsTextToSpeech[" + voiceCount + " x " + VOICE_NAME + " at " + SPEAKING_RATE_WPM + " wpm]";
  }
}
