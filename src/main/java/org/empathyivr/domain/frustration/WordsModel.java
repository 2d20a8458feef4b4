package org.empathyivr.domain.frustration;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A logistic regression over words, word stems, {@link WordCues} kinds and {@link ValenceLexicon} bands: the log-odds
 * that an utterance is frustrated. Trained offline ({@code scripts/train-frustration.sh}) and shipped as the resource
 * {@link #RESOURCE}.
 *
 * <p>Immutable and thread-safe.
 */
public final class WordsModel {
  /** The bundled model, trained on the dev part of GoEmotions only (the one set whose licence allows it, Apache-2.0). */
  public static final String RESOURCE = "/org/empathyivr/domain/frustration/words-model.tsv";

  private static final int STEM_LETTERS = 6;
  /**
   * The cue kinds whose words count through the kind only, not as words: the signs of a support line's trouble and of
   * calm, whose weights the trainer holds at a floor or a ceiling. Otherwise the training text could undo them word by
   * word (Reddit's "keep", "cancelled" and sarcastic "thanks" lean the other way).
   */
  private static final Set<WordCues.Kind> COVERING = java.util.EnumSet.of(WordCues.Kind.COURTESY,
      WordCues.Kind.HISTORY, WordCues.Kind.UNRESOLVED, WordCues.Kind.PROBLEM, WordCues.Kind.TRIED,
      WordCues.Kind.ESCALATION, WordCues.Kind.SARCASM);
  /** VADER's factor for a negated word's valence ("not good" is mildly bad, not as bad as "bad"). */
  private static final double NEGATED_VALENCE = -0.74;

  private final double bias;
  private final Map<String, Double> weights;

  public WordsModel(double bias, Map<String, Double> weights) {
    if (!Double.isFinite(bias)) throw new IllegalArgumentException("bias: " + bias);
    this.bias = bias;
    this.weights = Map.copyOf(weights);
  }

  /**
   * The features of recognizer-style words: each word (marked {@code n:} when negated), the first letters of each
   * long word (so "frustrating" and a misheard "frustratin" share a feature), each cue kind, the valence bands of the
   * words ({@link ValenceLexicon}), and the length. No word pairs: they memorised the training sets and did not travel.
   * The words of a support-line or calm cue ({@link #COVERING}) count through their kind only.
   */
  public static Set<String> features(List<String> tokens, List<WordCues.Match> cues) {
    Set<String> features = new LinkedHashSet<>();
    boolean[] negated = WordCues.negated(tokens);
    boolean[] covered = WordCues.covered(tokens, cues, COVERING);
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (covered[i]) continue;
      features.add((negated[i] ? "n:" : "w:") + token);
      if (token.length() > STEM_LETTERS) features.add("s:" + token.substring(0, STEM_LETTERS));
    }
    for (WordCues.Match cue : cues) features.add("k:" + cue.kind().name().toLowerCase(java.util.Locale.ROOT));
    valence(tokens, negated, features);
    features.add(tokens.size() <= 3 ? "l:short" : tokens.size() <= 12 ? "l:mid" : "l:long");
    if (tokens.isEmpty()) features.add("empty");
    return features;
  }

  /**
   * Lexicon features, so that unseen words count by how negative they are: one per valence band present (a negated
   * word's valence turned by {@link #NEGATED_VALENCE}), and bands of the summed negative valence.
   */
  private static void valence(List<String> tokens, boolean[] negated, Set<String> features) {
    ValenceLexicon lexicon = ValenceLexicon.bundled();
    double negative = 0;
    boolean any = false;
    for (int i = 0; i < tokens.size(); i++) {
      double v = lexicon.valence(tokens.get(i));
      if (v == 0) continue;
      any = true;
      double felt = negated[i] ? NEGATED_VALENCE * v : v;
      features.add("v:" + band(felt));
      if (negated[i] && v > 0) features.add("v:negated_positive");
      if (felt < 0) negative += felt;
    }
    if (!any) features.add("v:none");
    if (negative <= -3) features.add("v:sum<=-3");
    if (negative <= -6) features.add("v:sum<=-6");
  }

  private static String band(double valence) {
    if (valence <= -2.5) return "-3";
    if (valence <= -1.5) return "-2";
    if (valence < 0) return "-1";
    if (valence < 1.5) return "+1";
    if (valence < 2.5) return "+2";
    return "+3";
  }

  /** The log-odds for these features. */
  public double logit(Set<String> features) {
    double sum = bias;
    for (String feature : features) sum += weights.getOrDefault(feature, 0.0);
    return sum;
  }

  public double bias() {
    return bias;
  }

  /** The weight of one feature, 0 when the model does not know it. */
  public double weight(String feature) {
    return weights.getOrDefault(feature, 0.0);
  }

  /** The bundled model, read once. */
  public static WordsModel bundled() {
    return Bundled.MODEL;
  }

  private static final class Bundled {
    static final WordsModel MODEL = load();
  }

  private static WordsModel load() {
    // The features need the lexicon: read it with the model, when a call starts, not in the caller's first turn.
    ValenceLexicon.bundled();
    return NumberTable.bundled(RESOURCE, WordsModel::read);
  }

  /**
   * Reads a model: UTF-8 lines {@code feature<TAB>weight}, one of them {@code bias<TAB>weight}; {@code #} starts a
   * comment line.
   */
  public static WordsModel read(InputStream in, String name) throws IOException {
    Map<String, Double> weights = NumberTable.read(in, name, "feature<TAB>weight", NumberTable.Range.any("weight"));
    Double bias = weights.remove("bias");
    if (bias == null) throw new IOException(name + ": no bias line");
    return new WordsModel(bias, weights);
  }
}
