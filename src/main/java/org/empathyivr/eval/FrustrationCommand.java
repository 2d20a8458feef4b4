package org.empathyivr.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.config.ConfigException;
import org.empathyivr.config.Settings;
import org.empathyivr.config.SettingsReader;
import org.empathyivr.domain.frustration.FrustrationSettings;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.eval.FrustrationEvaluation;
import org.empathyivr.eval.LabeledManifest;

/**
 * {@code eval-frustration [--config FILE] [--threshold T] [--wrong N] MANIFEST.tsv}: scores the frustration detector with the
 * configured weights on a labeled manifest, each row a turn judged at {@code frustration.turn-threshold}, or {@code frustration.threshold} for audio (or T for both); audio
 * goes through the configured recognizer, as in a call. {@code --wrong N} also prints up to N frustrated rows missed and
 * N calm rows taken for frustrated, with their scores and cues.
 */
public final class FrustrationCommand {
  private static final int EXIT_USAGE = 2;
  private static final String USAGE =
      "usage: eval-frustration [--config FILE] [--threshold T] [--wrong N] MANIFEST.tsv";

  private FrustrationCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Optional<Path> configFile = Optional.empty();
    Optional<Path> manifestFile = Optional.empty();
    Optional<Double> threshold = Optional.empty();
    int wrong = 0;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        configFile = Optional.of(Path.of(args[++i]));
      } else if (args[i].equals("--threshold") && i + 1 < args.length && args[i + 1].matches("0?\\.[0-9]+|1(\\.0*)?")) {
        threshold = Optional.of(Double.parseDouble(args[++i]));
      } else if (args[i].equals("--wrong") && i + 1 < args.length && args[i + 1].matches("[0-9]{1,6}")) {
        wrong = Integer.parseInt(args[++i]);
      } else if (!args[i].startsWith("--") && manifestFile.isEmpty()) {
        manifestFile = Optional.of(Path.of(args[i]));
      } else {
        err.println("eval-frustration: unexpected argument '" + args[i] + "'\n" + USAGE);
        return EXIT_USAGE;
      }
    }
    if (manifestFile.isEmpty()) {
      err.println("eval-frustration: no MANIFEST.tsv\n" + USAGE);
      return EXIT_USAGE;
    }
    try {
      Settings settings = SettingsReader.read(configFile);
      FrustrationSettings weights = settings.dialog().frustration();
      if (threshold.isPresent()) weights = weights.withThresholds(threshold.get(), threshold.get());
      LabeledManifest manifest = LabeledManifest.read(manifestFile.get());
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
