package org.empathyivr.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.empathyivr.domain.frustration.WordCues;
import org.empathyivr.domain.frustration.Words;
import org.empathyivr.domain.frustration.WordsModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Trains the words model on labeled text manifests: chooses the L2 penalty and the threshold by cross-validation
 * grouped by dialog (or comment), prints the cross-validated figures per set (F1 at the threshold, and the ROC AUC),
 * then fits on everything and writes the model. Sets given with {@code --measure} (evaluation-only licences) are never
 * trained on: the fitted model scores them at the chosen threshold, the honest cross-set figure. With several training
 * sets, each is also scored by a model fitted on the others.
 *
 * <p>Every training set counts the same, however many rows it has. Text is brought to recognizer form first
 * ({@link Words#asRecognized}). The same data gives the same model (fixed seed and fold hashing).
 *
 * <p>Run by {@code scripts/train-frustration.sh}:
 * {@code FrustrationTrainer --out FILE [--folds N] [--measure MANIFEST]... [--without CUE_KIND]... MANIFEST...}.
 */
public final class FrustrationTrainer {
  /** Strongest first: a weaker penalty must be clearly better to be chosen. */
  private static final double[] L2_GRID = {1000, 100, 10};
  /** A word or stem seen in fewer rows is left out: it could only memorise. */
  private static final int MIN_COUNT = 3;
  /** 1 makes every set count the same, 0 every row; between, small sets count more than their size. */
  private static final double SET_BALANCE = 1;
  private static final int EPOCHS = 12;
  private static final double LEARNING_RATE = 0.1;
  private static final double PRUNE_BELOW = 0.005;
  private static final long SEED = 20261130L;
  /** ln 2: the odds at least double. */
  private static final double SUPPORT_LINE_FLOOR = Math.log(2);
  /**
   * The least weight of each support-line cue kind: the signs of a support line's own trouble, which Reddit comments
   * hardly have. Each at least doubles the odds; a fix tried that failed is two of them at once (an attempt, and the
   * trouble still there), so at least quadruples them.
   */
  private static final Map<String, Double> SUPPORT_LINE_FLOORS = Map.of(
      "k:history", SUPPORT_LINE_FLOOR, "k:unresolved", SUPPORT_LINE_FLOOR, "k:escalation", SUPPORT_LINE_FLOOR,
      "k:sarcasm", SUPPORT_LINE_FLOOR, "k:problem", SUPPORT_LINE_FLOOR, "k:tried", 2 * SUPPORT_LINE_FLOOR);
  /**
   * The most weight of each sign of calm on a support line (courtesy, plain answers): at least halves the odds. Reddit's
   * sarcastic "thanks" may not turn it round; sarcasm is its own cue.
   */
  private static final Map<String, Double> CALM_CEILINGS = Map.of("k:courtesy", -SUPPORT_LINE_FLOOR);

  record Example(String set, String part, String group, Set<String> features, boolean frustrated) {}

  private FrustrationTrainer() {}

  /** Runs the trainer from the command line; exit status 0 when the model was written, 2 for a usage error. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new Options()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Command(name = "train-frustration", mixinStandardHelpOptions = true,
      description = "fit the words model of the frustration detector on labeled manifests and write it")
  static final class Options implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "MODEL.tsv", description = "where the model is written")
    Path out;

    @Option(names = "--folds", defaultValue = "5", description = "cross-validation folds (default ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--measure", paramLabel = "MANIFEST.tsv",
        description = "a set scored by the fitted model, never trained on")
    List<Path> measured = new ArrayList<>();

    @Option(names = "--without", paramLabel = "CUE_KIND", description = "a cue kind left out, to measure what it does")
    List<WordCues.Kind> without = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "MANIFEST.tsv", description = "the training sets")
    List<Path> manifests;

    @Override
    public Integer call() throws IOException {
      Set<WordCues.Kind> left = without.isEmpty() ? EnumSet.noneOf(WordCues.Kind.class) : EnumSet.copyOf(without);
      train(manifests, measured, out, folds, left, System.out);
      return 0;
    }
  }

  private static List<Example> read(List<Path> manifests, Set<WordCues.Kind> without, PrintStream log)
      throws IOException {
    List<Example> examples = new ArrayList<>();
    for (Path file : manifests) {
      LabeledManifest manifest = LabeledManifest.read(file);
      String set = file.toAbsolutePath().getParent().getFileName().toString();
      for (LabeledManifest.Item item : manifest.items()) {
        List<String> tokens = Words.tokens(Words.asRecognized(item.text()));
        List<WordCues.Match> cues = new ArrayList<>(WordCues.find(tokens));
        cues.removeIf(cue -> without.contains(cue.kind()));
        examples.add(new Example(set, item.column("corpus_part").orElse(""), item.group(),
            WordsModel.features(tokens, cues), item.frustrated()));
      }
      log.printf("%s: %d rows%n", set, manifest.items().size());
    }
    return examples;
  }

  /**
   * Trains on {@code manifests} and writes the model; the {@code measured} sets (evaluation-only licences) are never
   * trained on, only scored by the model fitted on the others, at the threshold chosen on the others.
   */
  static void train(List<Path> manifests, List<Path> measured, Path out, int folds, PrintStream log) throws IOException {
    train(manifests, measured, out, folds, Set.of(), log);
  }

  /**
   * As {@link #train(List, List, Path, int, PrintStream)}, with the cue kinds {@code without} left out of every row:
   * what each kind does to each set, for measuring only (the product always finds every kind).
   */
  static void train(List<Path> manifests, List<Path> measured, Path out, int folds, Set<WordCues.Kind> without,
      PrintStream log) throws IOException {
    if (!without.isEmpty()) log.println("without cue kinds " + without);
    List<Example> examples = read(manifests, without, log);
    List<Example> heldOut = read(measured, without, log);
    double bestL2 = L2_GRID[0];
    double bestScore = -1;
    double[] bestProbabilities = null;
    for (double l2 : L2_GRID) {
      double[] probabilities = crossValidate(examples, folds, l2);
      Threshold t = bestThreshold(examples, probabilities);
      log.printf(Locale.ROOT, "l2 %.1f: cross-validated mean F1 over sets %.3f at threshold %.2f%n", l2, t.meanF1, t.value);
      // A stronger penalty is kept unless a weaker one is clearly better: fewer, steadier weights travel better.
      if (t.meanF1 > bestScore + 0.005) {
        bestScore = t.meanF1;
        bestL2 = l2;
        bestProbabilities = probabilities;
      }
    }
    Threshold threshold = bestThreshold(examples, bestProbabilities);
    List<String> figures = report(examples, bestProbabilities, threshold.value);
    log.printf(Locale.ROOT, "chosen l2 %.1f, threshold %.2f (%d-fold CV, grouped by dialog/comment):%n", bestL2,
        threshold.value, folds);
    figures.forEach(line -> log.println("  " + line));
    // The shipped scale puts the chosen threshold at 0.5; a call may want a stricter one (frustration.threshold).
    double shift = Math.log(threshold.value / (1 - threshold.value));
    for (double shipped : new double[] {0.5, 0.6, 0.7, 0.8, 0.9}) {
      double raw = 1 / (1 + Math.exp(-(Math.log(shipped / (1 - shipped)) + shift)));
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  at shipped threshold %.1f:", shipped));
      scoresBy(examples, bestProbabilities, raw, false).forEach((set, s) ->
          line.append(String.format(Locale.ROOT, " %s p %.2f r %.2f f1 %.3f;", set, s.precision(), s.recall(), s.f1())));
      log.println(line);
    }

    Fitted model = fit(examples, bestL2);
    double raw = threshold.value;
    List<String> transfer = new ArrayList<>();
    if (!heldOut.isEmpty()) {
      WordsModel fitted = new WordsModel(model.bias, model.weights);
      double[] p = heldOut.stream().mapToDouble(e -> probability(fitted, e)).toArray();
      report(heldOut, p, raw).forEach(line -> transfer.add("trained on all, never on this: " + line));
    }
    java.util.Set<String> sets = new java.util.TreeSet<>();
    examples.forEach(e -> sets.add(e.set()));
    if (sets.size() > 1) {
      for (String set : sets) {
        List<Example> others = examples.stream().filter(e -> !e.set().equals(set)).toList();
        List<Example> these = examples.stream().filter(e -> e.set().equals(set)).toList();
        Fitted f = fit(others, bestL2);
        WordsModel m = new WordsModel(f.bias, f.weights);
        double[] p = these.stream().mapToDouble(e -> probability(m, e)).toArray();
        report(these, p, raw).forEach(line -> transfer.add("trained on the other sets only: " + line));
      }
    }
    log.println("cross-set (threshold as chosen above):");
    transfer.forEach(line -> log.println("  " + line));
    List<String> lines = new ArrayList<>();
    lines.add("# empathy-ivr words model: logistic regression over words (n: when negated), stems (s:), cue kinds (k:),");
    lines.add("# VADER valence bands (v:) and length (l:), trained by scripts/train-frustration.sh on " + manifests.stream()
        .map(p -> p.toAbsolutePath().getParent().getFileName().toString()).toList());
    lines.add(String.format(Locale.ROOT, "# l2 %.1f; %d-fold grouped CV at threshold %.2f:", bestL2, folds, threshold.value));
    figures.forEach(line -> lines.add("#   " + line));
    lines.add("# cross-set, at the same threshold:");
    transfer.forEach(line -> lines.add("#   " + line));
    lines.add("# The bias is shifted by the chosen threshold's log-odds, so a score of 0.5 is that threshold.");
    lines.add(String.format(Locale.ROOT, "bias\t%.5f", model.bias - shift));
    model.weights.entrySet().stream()
        .filter(e -> Math.abs(e.getValue()) >= PRUNE_BELOW)
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.comparingDouble(Math::abs)).reversed())
        .forEach(e -> lines.add(String.format(Locale.ROOT, "%s\t%.5f", e.getKey(), e.getValue())));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, lines, StandardCharsets.UTF_8);
    log.printf("wrote %s: %d weights%n", out, lines.size() - 1);
  }

  record Fitted(double bias, Map<String, Double> weights) {}

  static Fitted fit(List<Example> training, double l2) {
    Map<String, Integer> counts = new HashMap<>();
    for (Example e : training) for (String f : e.features()) counts.merge(f, 1, Integer::sum);
    Map<String, Integer> index = new LinkedHashMap<>();
    counts.forEach((f, n) -> {
      if (n >= MIN_COUNT || f.startsWith("k:")) index.put(f, index.size());
    });
    Map<String, Integer> perSet = new HashMap<>();
    for (Example e : training) perSet.merge(e.set(), 1, Integer::sum);
    List<LogisticRegression.Row> rows = new ArrayList<>();
    for (Example e : training) {
      double balanced = (double) training.size() / (perSet.size() * perSet.get(e.set()));
      rows.add(row(e, index, Math.pow(balanced, SET_BALANCE)));
    }
    // The cue kinds were written as signs of frustration on a support line. Reddit comments, where "a person", "again"
    // or "still" say little, may not turn them into signs of calm; and the signs of a support line's own trouble
    // (repeated, unresolved, a plain problem, a fix that failed, asking for a person, sarcasm), which the training set
    // hardly has, keep at least their SUPPORT_LINE_FLOORS; the signs of calm stay under their CALM_CEILINGS.
    double[] floor = new double[index.size()];
    double[] ceiling = new double[index.size()];
    index.forEach((f, i) -> {
      floor[i] = !f.startsWith("k:") || CALM_CEILINGS.containsKey(f) ? Double.NEGATIVE_INFINITY
          : SUPPORT_LINE_FLOORS.getOrDefault(f, 0.0);
      ceiling[i] = CALM_CEILINGS.getOrDefault(f, Double.POSITIVE_INFINITY);
    });
    double[] w = new LogisticRegression(l2, EPOCHS, LEARNING_RATE, true).fit(rows, index.size(), SEED, floor, ceiling);
    Map<String, Double> weights = new HashMap<>();
    index.forEach((f, i) -> weights.put(f, w[i]));
    return new Fitted(w[index.size()], weights);
  }

  private static LogisticRegression.Row row(Example e, Map<String, Integer> index, double weight) {
    int[] indices = e.features().stream().filter(index::containsKey).mapToInt(index::get).toArray();
    double[] values = new double[indices.length];
    java.util.Arrays.fill(values, 1.0);
    return new LogisticRegression.Row(indices, values, e.frustrated(), weight, 0.0);
  }

  static double[] crossValidate(List<Example> examples, int folds, double l2) {
    double[] probabilities = new double[examples.size()];
    for (int fold = 0; fold < folds; fold++) {
      List<Example> training = new ArrayList<>();
      for (Example e : examples) if (foldOf(e, folds) != fold) training.add(e);
      Fitted fitted = fit(training, l2);
      WordsModel model = new WordsModel(fitted.bias, fitted.weights);
      for (int i = 0; i < examples.size(); i++) {
        Example e = examples.get(i);
        if (foldOf(e, folds) == fold) probabilities[i] = 1.0 / (1.0 + Math.exp(-model.logit(e.features())));
      }
    }
    return probabilities;
  }

  private static double probability(WordsModel model, Example e) {
    return 1.0 / (1.0 + Math.exp(-model.logit(e.features())));
  }

  static int foldOf(Example e, int folds) {
    return Math.floorMod((e.set() + "/" + e.group()).hashCode() * 31 + 7, folds);
  }

  record Threshold(double value, double meanF1) {}

  /** The threshold with the best mean F1 over the sets (each set counts the same). */
  static Threshold bestThreshold(List<Example> examples, double[] probabilities) {
    Threshold best = new Threshold(0.5, -1);
    for (int step = 5; step <= 95; step++) {
      double t = step / 100.0;
      Map<String, BinaryScores> bySet = scoresBy(examples, probabilities, t, false);
      double mean = bySet.values().stream().mapToDouble(BinaryScores::f1).average().orElse(0);
      if (mean > best.meanF1) best = new Threshold(t, mean);
    }
    return best;
  }

  private static Map<String, BinaryScores> scoresBy(
      List<Example> examples, double[] probabilities, double threshold, boolean byPart) {
    Map<String, BinaryScores> scores = new TreeMap<>();
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      String key = byPart && !e.part().isEmpty() ? e.set() + " " + e.part() : e.set();
      scores.computeIfAbsent(key, k -> new BinaryScores()).add(probabilities[i] >= threshold, e.frustrated());
    }
    return scores;
  }

  /** The area under the ROC curve of one set: how well the scores rank its frustrated rows above its calm ones. */
  static double auc(List<Example> examples, double[] probabilities, String set) {
    List<double[]> scored = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      if (examples.get(i).set().equals(set)) scored.add(new double[] {probabilities[i], examples.get(i).frustrated() ? 1 : 0});
    }
    scored.sort(Comparator.comparingDouble(a -> a[0]));
    double rankSum = 0;
    long positives = 0;
    for (int i = 0; i < scored.size(); ) {
      int j = i;
      while (j < scored.size() && scored.get(j)[0] == scored.get(i)[0]) j++;
      double rank = (i + j + 1) / 2.0;
      for (int k = i; k < j; k++) if (scored.get(k)[1] == 1) {
        rankSum += rank;
        positives++;
      }
      i = j;
    }
    long negatives = scored.size() - positives;
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  private static List<String> report(List<Example> examples, double[] probabilities, double threshold) {
    List<String> lines = new ArrayList<>();
    scoresBy(examples, probabilities, threshold, false).forEach((set, s) -> lines.add(String.format(Locale.ROOT,
        "%s: %s auc %.3f", set, s.line(), auc(examples, probabilities, set))));
    scoresBy(examples, probabilities, threshold, true).forEach((set, s) -> {
      if (set.contains(" ")) lines.add(set + ": " + s.line());
    });
    return lines;
  }
}
