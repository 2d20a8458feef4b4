package org.empathyivr.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.frustration.FrustrationSettings;
import org.empathyivr.domain.frustration.VoiceAnalyzer;
import org.empathyivr.domain.frustration.VoiceProfile;
import org.empathyivr.domain.frustration.WordCues;
import org.empathyivr.domain.frustration.Words;
import org.empathyivr.domain.frustration.WordsModel;

/**
 * Fits the voice weights (louder, higher pitch, wider pitch range) on labeled clips, each compared with its speaker's
 * median profile over all their clips (labels unused for the baseline), on top of the words model's log-odds for the
 * clip's transcript, so that the decision boundary falls at the configured threshold. Prints leave-one-speaker-out
 * figures and the weights to put in the config defaults.
 *
 * <p>{@code VoiceWeightsTrainer MANIFEST.tsv} (a manifest with {@code wav_path}, {@code transcript} and {@code actor}).
 */
public final class VoiceWeightsTrainer {
  private static final String[] NAMES = {"louder-per-db", "higher-pitch-per-semitone", "wider-range-per-semitone"};

  private VoiceWeightsTrainer() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: VoiceWeightsTrainer MANIFEST.tsv");
      System.exit(2);
    }
    train(LabeledManifest.read(Path.of(args[0])), System.out);
  }

  record Clip(String speaker, double[] features, double offset, boolean frustrated) {}

  static void train(LabeledManifest manifest, PrintStream log) throws IOException {
    WordsModel words = WordsModel.bundled();
    FrustrationSettings defaults = FrustrationSettings.defaults();
    double threshold = defaults.threshold();
    double thresholdLogit = Math.log(threshold / (1 - threshold));
    Map<String, List<VoiceProfile>> bySpeaker = new HashMap<>();
    List<VoiceProfile> profiles = new ArrayList<>();
    for (LabeledManifest.Item item : manifest.items()) {
      VoiceProfile profile = VoiceAnalyzer.profile(WavFile.read(manifest.wav(item)));
      profiles.add(profile);
      bySpeaker.computeIfAbsent(item.group(), k -> new ArrayList<>()).add(profile);
    }
    Map<String, VoiceProfile> baselines = new HashMap<>();
    bySpeaker.forEach((speaker, list) -> baselines.put(speaker, VoiceProfile.median(list)));
    List<Clip> clips = new ArrayList<>();
    Map<String, List<Double>> wordsBySpeaker = new HashMap<>();
    double[] wordsLogits = new double[profiles.size()];
    for (int i = 0; i < profiles.size(); i++) {
      LabeledManifest.Item item = manifest.items().get(i);
      List<String> tokens = Words.tokens(Words.asRecognized(item.column("transcript").orElse(item.text())));
      wordsLogits[i] = words.logit(WordsModel.features(tokens, WordCues.find(tokens)));
      wordsBySpeaker.computeIfAbsent(item.group(), k -> new ArrayList<>()).add(wordsLogits[i]);
    }
    for (int i = 0; i < profiles.size(); i++) {
      LabeledManifest.Item item = manifest.items().get(i);
      VoiceProfile now = profiles.get(i);
      VoiceProfile base = baselines.get(item.group());
      double usualWords = VoiceProfile.median(wordsBySpeaker.get(item.group()).stream().mapToDouble(d -> d).toArray());
      double offset = defaults.words() * (wordsLogits[i] - usualWords) - thresholdLogit;
      clips.add(new Clip(item.group(), relative(now, base, defaults.louderFromDb()), offset, item.frustrated()));
    }
    BinaryScores cv = new BinaryScores();
    for (String speaker : new TreeSet<>(bySpeaker.keySet())) {
      List<Clip> training = clips.stream().filter(c -> !c.speaker().equals(speaker)).toList();
      double[] w = fit(training);
      for (Clip c : clips) if (c.speaker().equals(speaker)) cv.add(logit(w, c) >= 0, c.frustrated());
    }
    log.printf("voice, leave-one-speaker-out over %d speakers: %s (%s)%n", bySpeaker.size(), cv.line(), cv.confusion());
    double[] w = fit(clips);
    for (int k = 0; k < NAMES.length; k++) log.printf(Locale.ROOT, "frustration.voice.%s = %.3f%n", NAMES[k], w[k]);
  }

  /** Louder (dB), higher (semitones), wider (semitones): only increases count, as in the meter. */
  static double[] relative(VoiceProfile now, VoiceProfile base, double louderFromDb) {
    double louder = now.levelDb() - base.levelDb() - louderFromDb;
    double higher = 12 * Math.log(now.pitchHz() / base.pitchHz()) / Math.log(2);
    double wider = now.pitchRangeSemitones() - base.pitchRangeSemitones();
    return new double[] {positive(louder), positive(higher), positive(wider)};
  }

  private static double positive(double x) {
    return Double.isFinite(x) ? Math.max(0, x) : 0;
  }

  private static double[] fit(List<Clip> clips) {
    List<LogisticRegression.Row> rows = new ArrayList<>();
    for (Clip c : clips) rows.add(new LogisticRegression.Row(new int[] {0, 1, 2}, c.features(), c.frustrated(), 1.0, c.offset()));
    double[] w = new LogisticRegression(30.0, 200, 0.05, false).fit(rows, NAMES.length, 1L);
    for (int k = 0; k < NAMES.length; k++) w[k] = Math.max(0, w[k]);
    return w;
  }

  private static double logit(double[] w, Clip c) {
    double sum = c.offset();
    for (int k = 0; k < NAMES.length; k++) sum += w[k] * c.features()[k];
    return sum;
  }
}
