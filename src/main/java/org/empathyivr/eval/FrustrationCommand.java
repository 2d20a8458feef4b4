package org.empathyivr.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.config.ConfigException;
import org.empathyivr.config.Settings;
import org.empathyivr.config.SettingsReader;
import org.empathyivr.domain.frustration.FrustrationSettings;
import org.empathyivr.domain.port.SpeechFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eval-frustration [--config FILE] [--threshold T] [--wrong N] MANIFEST.tsv}: scores the frustration detector
 * with the configured weights on a labeled manifest, each row a turn judged at {@code frustration.turn-threshold}, or
 * {@code frustration.threshold} for audio (or T for both); audio goes through the configured recognizer, as in a call.
 * {@code --wrong N} also prints up to N frustrated rows missed and N calm rows taken for frustrated, with their scores
 * and cues. Exit status 1 when the manifest, the settings or the model cannot be read.
 */
@Command(name = "eval-frustration",
    description = "measure the frustration detector on a labeled TSV (label, and text or wav_path)")
public final class FrustrationCommand implements Callable<Integer> {
  private static final int MAX_WRONG = 999_999;

  @Option(names = "--config", paramLabel = "FILE", description = "the properties file with the weights")
  private Optional<Path> configFile = Optional.empty();

  @Option(names = "--threshold", paramLabel = "T", description = "judge text and audio rows at T, 0 to 1")
  private Optional<Double> threshold = Optional.empty();

  @Option(names = "--wrong", paramLabel = "N", description = "print up to N missed and N false alarms (default: 0)")
  private int wrong;

  @Parameters(paramLabel = "MANIFEST.tsv", description = "rows of label and text or wav_path")
  private Path manifestFile;

  @Spec private CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  public FrustrationCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (threshold.isPresent() && !(threshold.get() >= 0 && threshold.get() <= 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threshold out of range 0..1: " + threshold.get());
    }
    if (wrong < 0 || wrong > MAX_WRONG) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--wrong out of range 0.." + MAX_WRONG + ": " + wrong);
    }
    try {
      Settings settings = SettingsReader.read(configFile);
      FrustrationSettings weights = settings.dialog().frustration();
      if (threshold.isPresent()) weights = weights.withThresholds(threshold.get(), threshold.get());
      LabeledManifest manifest = LabeledManifest.read(manifestFile);
      if (!manifest.audio()) {
        FrustrationEvaluation.run(manifest, weights, Optional.empty(), wrong, out);
        return 0;
      }
      try (VoskSpeechToText speech = VoskSpeechToText.open(settings.speech().modelDir(), 1)) {
        FrustrationEvaluation.run(manifest, weights, Optional.of(speech), wrong, out);
      }
      return 0;
    } catch (ConfigException | IOException | SpeechFailure | IllegalArgumentException e) {
      err.println("eval-frustration: " + e.getMessage());
      return 1;
    }
  }
}
