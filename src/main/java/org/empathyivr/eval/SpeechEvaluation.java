package org.empathyivr.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.eval.Manifest.Utterance;

/**
 * Measures a recognizer on a corpus: word error rate and real-time factor, through {@link SpeechToText#transcribe},
 * the path a caller's description of a problem takes.
 *
 * <p>WER is the word errors (substitutions, deletions, insertions) over all utterances divided by the words spoken,
 * both sides normalised by {@link WordErrorRate#words}. RTF is the CPU time the whole process spent while the corpus
 * was transcribed, divided by the audio's duration: it counts the decoding whichever thread does it (a recognizer may
 * decode on threads of its own), with the JIT, the garbage collector and the reading of the WAVs (a little more than
 * the decoder alone), and other work on a shared machine does not inflate it. The wall-clock figure (each utterance's time in {@code
 * transcribe}, summed) is printed beside it.
 */
public final class SpeechEvaluation {
  /** One utterance as the recognizer heard it. */
  public record Scored(Utterance utterance, String heard, int errors, int words, long audioMs, long wallNanos) {}

  /** Every utterance of a run, in manifest order, and the CPU time the process spent on the run. */
  public record Result(List<Scored> scored, long cpuNanos) {
    public int words() {
      return scored.stream().mapToInt(Scored::words).sum();
    }

    public int errors() {
      return scored.stream().mapToInt(Scored::errors).sum();
    }

    public double wordErrorRate() {
      return words() == 0 ? 0 : (double) errors() / words();
    }

    public double audioSeconds() {
      return scored.stream().mapToLong(Scored::audioMs).sum() / 1000.0;
    }

    public double realTimeFactor() {
      return cpuNanos / 1e9 / audioSeconds();
    }

    public double wallRealTimeFactor() {
      return scored.stream().mapToLong(Scored::wallNanos).sum() / 1e9 / audioSeconds();
    }
  }

  private SpeechEvaluation() {}

  /**
   * Transcribes every utterance of {@code manifest} on {@code threads} threads.
   *
   * @throws IOException naming the WAV that cannot be read, or wrapping the {@link SpeechFailure} of one that could not
   *     be transcribed
   */
  public static Result run(Manifest manifest, SpeechToText speech, int threads) throws IOException {
    if (threads < 1) throw new IllegalArgumentException("threads < 1: " + threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long cpuStart = processCpuNanos();
    try {
      List<Future<Scored>> futures = new ArrayList<>();
      for (Utterance utterance : manifest.utterances()) futures.add(pool.submit(() -> score(utterance, speech)));
      List<Scored> scored = new ArrayList<>();
      for (Future<Scored> future : futures) scored.add(result(future));
      return new Result(scored, processCpuNanos() - cpuStart);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Scored score(Utterance utterance, SpeechToText speech) throws IOException, SpeechFailure {
    Audio audio = WavFile.read(utterance.wav());
    long wallStart = System.nanoTime();
    String heard = speech.transcribe(audio).text();
    long wallNanos = System.nanoTime() - wallStart;
    List<String> spoken = WordErrorRate.words(utterance.reference());
    int errors = WordErrorRate.errors(spoken, WordErrorRate.words(heard));
    return new Scored(utterance, heard, errors, spoken.size(), audio.durationMs(), wallNanos);
  }

  /** The CPU time of the whole process: the recognizer's own decoding threads included. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      if (nanos >= 0) return nanos;
    }
    throw new IllegalStateException("this JVM does not report the process's CPU time");
  }

  private static Scored result(Future<Scored> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      throw new IOException(e.getCause().getMessage(), e.getCause());
    }
  }

  /** Prints the worst utterances, the definitions, and a last line {@code WER <fraction> RTF <fraction> n <count>}. */
  public static void report(Result result, int worst, PrintStream out) {
    List<Scored> byErrors =
        result.scored().stream().filter(s -> s.errors() > 0)
            .sorted(Comparator.comparingInt(Scored::errors).reversed()
                .thenComparing(Comparator.comparingDouble((Scored s) -> (double) s.errors() / s.words()).reversed()))
            .limit(worst).toList();
    out.printf(Locale.ROOT, "worst %d utterances (word errors / words spoken):%n", byErrors.size());
    for (Scored s : byErrors) {
      out.printf(Locale.ROOT, "  %d/%d  %s%n    said:  %s%n    heard: %s%n", s.errors(), s.words(),
          s.utterance().wav().getFileName(), s.utterance().reference(), s.heard());
    }
    long perfect = result.scored().stream().filter(s -> s.errors() == 0).count();
    out.printf(Locale.ROOT, "%d utterances, %.1f s of audio, %d of %d heard word for word%n", result.scored().size(),
        result.audioSeconds(), perfect, result.scored().size());
    out.printf(Locale.ROOT, "WER = word errors / words spoken = %d / %d, after normalising both sides%n",
        result.errors(), result.words());
    out.printf(Locale.ROOT, "RTF = the process's CPU time while transcribing / audio time; wall-clock time in transcribe / audio time = %.3f%n",
        result.wallRealTimeFactor());
    out.printf(Locale.ROOT, "WER %.4f RTF %.4f n %d%n", result.wordErrorRate(), result.realTimeFactor(),
        result.scored().size());
  }
}
