package org.empathyivr.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.config.ConfigException;
import org.empathyivr.config.Settings;
import org.empathyivr.config.SettingsReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eval-stt [--config FILE] [--threads N] MANIFEST.tsv}: transcribes a corpus with the recognizer calls get (the
 * configured model, as the service opens it) and reports word error rate and real-time factor. Exit status 1 when the
 * manifest, a WAV or the model cannot be read.
 */
@Command(name = "eval-stt",
    description = "measure recognition (word error rate, real-time factor) on a corpus: lines of WAV<tab>text")
public final class SpeechCommand implements Callable<Integer> {
  private static final int MAX_THREADS = 99;

  @Option(names = "--config", paramLabel = "FILE", description = "the properties file naming the model")
  private Optional<Path> configFile = Optional.empty();

  @Option(names = "--threads", paramLabel = "N", description = "recognizers at once, 1 to 99 (default: ${DEFAULT-VALUE})")
  private int threads = 2;

  @Parameters(paramLabel = "MANIFEST.tsv", description = "lines of WAV<tab>text")
  private Path manifestFile;

  @Spec private CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  public SpeechCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads out of range 1.." + MAX_THREADS + ": " + threads);
    }
    try {
      Manifest manifest = Manifest.read(manifestFile);
      Settings.Speech speech = SettingsReader.read(configFile).speech();
      out.printf("eval-stt: %d utterances from %s, model %s, %d threads, recognizers used again for %d s of audio%n",
          manifest.utterances().size(), manifestFile, speech.modelDir(), threads, speech.recognizerReuseSeconds());
      try (VoskSpeechToText speechToText =
          VoskSpeechToText.open(speech.modelDir(), threads, speech.recognizerReuseSeconds(),
              VoskSpeechToText.DEFAULT_IDLE_FREE, TurnTiming.NONE, speech.composedGraph())) {
        out.printf("eval-stt: free speech decoded on %s%n", speechToText.freeSpeechGraph());
        SpeechEvaluation.report(SpeechEvaluation.run(manifest, speechToText, threads), 10, out);
      }
      return 0;
    } catch (ConfigException | IOException e) {
      err.println("eval-stt: " + e.getMessage());
      return 1;
    }
  }
}
