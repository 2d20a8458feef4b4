package org.empathyivr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.WholeAudioSpeechToText;
import org.empathyivr.eval.Manifest.Utterance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechEvaluationTest {
  @TempDir Path dir;

  /** Hears each recording as the text mapped to its length in milliseconds. */
  private static SpeechToText hearing(Map<Long, String> byDurationMs) {
    return new WholeAudioSpeechToText() {
      @Override
      public Transcript transcribe(Audio audio) {
        return new Transcript(byDurationMs.get(audio.durationMs()), List.of());
      }

      @Override
      public Transcript transcribeAnswer(Audio audio) {
        throw new UnsupportedOperationException("eval-stt measures free speech");
      }

    };
  }

  @Test
  void countsWordErrorsOverAllWordsSpokenAndEndsWithTheSummaryLine() throws IOException {
    Manifest manifest = new Manifest(List.of(
        utterance("a.wav", 1000, "Please check your voice mail."),
        utterance("b.wav", 3000, "Press 1 now")));
    SpeechToText speech = hearing(Map.of(1000L, "please check your voicemail", 3000L, "press one cow"));

    SpeechEvaluation.Result result = SpeechEvaluation.run(manifest, speech, 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SpeechEvaluation.report(result, 10, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");

    assertEquals(1, result.errors());
    assertEquals(7, result.words());
    assertEquals(4.0, result.audioSeconds());
    assertTrue(lines[lines.length - 1].matches("WER 0\\.1429 RTF \\d+\\.\\d{4} n 2"), lines[lines.length - 1]);
    assertEquals("  1/3  b.wav", lines[1]);
  }

  @Test
  void theRealTimeFactorCountsDecodingDoneOnTheRecognizersOwnThreads() throws Exception {
    Manifest manifest = new Manifest(List.of(utterance("a.wav", 1000, "one"), utterance("b.wav", 3000, "two")));
    ExecutorService decoder = Executors.newSingleThreadExecutor();
    try {
      // As Vosk's adapter does: the caller's thread waits while a thread of the recognizer's decodes (here, 100 ms of
      // CPU time per utterance).
      SpeechToText speech = new WholeAudioSpeechToText() {
        @Override
        public Transcript transcribe(Audio audio) throws SpeechFailure {
          try {
            return decoder.submit(() -> {
              long start = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
              while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - start < 100_000_000L) {
                Math.sqrt(start);
              }
              return new Transcript("one", List.of());
            }).get();
          } catch (InterruptedException | ExecutionException e) {
            throw new SpeechFailure(e.toString());
          }
        }

        @Override
        public Transcript transcribeAnswer(Audio audio) {
          throw new UnsupportedOperationException("eval-stt measures free speech");
        }

      };

      SpeechEvaluation.Result result = SpeechEvaluation.run(manifest, speech, 1);

      assertTrue(result.realTimeFactor() >= 0.2 / 4.0, "RTF " + result.realTimeFactor());
    } finally {
      decoder.shutdownNow();
    }
  }

  private Utterance utterance(String name, int durationMs, String text) throws IOException {
    Path wav = dir.resolve(name);
    WavFile.write(wav, Audio.silence(Audio.TELEPHONY_RATE_HZ, durationMs), Optional.empty());
    return new Utterance(wav, text);
  }
}
