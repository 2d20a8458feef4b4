package org.empathyivr.adapter.vosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.port.Audio;

/**
 * Prints the adapter's figures on the caller fixtures: model load time, resident memory, real-time factor and how
 * long the final result takes after the last chunk. Not a test: run it by hand on a quiet machine, with the model
 * directory as argument and OPENBLAS_NUM_THREADS=1, from the test class path.
 */
final class VoskSpeechToTextFigures {
  private static final List<String> CALLERS =
      List.of(
          "internet-dropping.wav", "internet-dropping-16k.wav", "billing.wav", "agent.wav", "yes.wav",
          "yeah-thats-right.wav", "no.wav", "no-its-the-router.wav", "weather.wav");

  private VoskSpeechToTextFigures() {}

  public static void main(String[] args) throws Exception {
    Path modelDir = Path.of(args[0]);
    System.out.printf("VmRSS before load: %d MiB%n", residentMiB());
    long startNanos = System.nanoTime();
    try (VoskSpeechToText speech = VoskSpeechToText.open(modelDir, 1)) {
      System.out.printf("model load: %d ms, VmRSS after load: %d MiB%n", millis(System.nanoTime() - startNanos),
          residentMiB());
      speech.decode(BundledVoskModel.caller(CALLERS.get(0)), Optional.empty()); // warm up
      System.out.printf("%-26s %8s | %-15s | %-15s%n", "caller", "audio ms", "free: final ms, RTF", "answer: same");
      for (String caller : CALLERS) {
        Audio audio = BundledVoskModel.caller(caller);
        VoskSpeechToText.Decoding free = speech.decode(audio, Optional.empty());
        VoskSpeechToText.Decoding answer = speech.decode(audio, Optional.of(AnswerGrammar.json(AnswerGrammar.WORDS)));
        System.out.printf("%-26s %8d | %8d %5.2f | %8d %5.2f | \"%s\" / \"%s\"%n", caller, audio.durationMs(),
            millis(free.finalResultNanos()), rtf(free, audio), millis(answer.finalResultNanos()), rtf(answer, audio),
            free.transcript().text(), answer.transcript().text());
      }
      System.out.printf("VmRSS after decoding: %d MiB%n", residentMiB());
    }
  }

  private static double rtf(VoskSpeechToText.Decoding decoding, Audio audio) {
    return decoding.decodeNanos() / 1e6 / audio.durationMs();
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  private static long residentMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
    }
    return -1;
  }
}
