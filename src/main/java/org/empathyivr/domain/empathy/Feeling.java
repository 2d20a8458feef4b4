package org.empathyivr.domain.empathy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A feeling the caller put into words ("I'm so frustrated", "this is ridiculous", "I'm worried"), which the assistant
 * acknowledges before saying the issue back. Only a feeling the caller showed counts: "I'm not upset" shows none, and
 * a caller who states a problem calmly is not told how they feel.
 */
public enum Feeling {
  UPSET("acknowledge.upset"),
  FRUSTRATED("acknowledge.frustrated"),
  WORRIED("acknowledge.worried");

  /** The phrasebook id of the lines that acknowledge this feeling. */
  public final String phraseId;

  Feeling(String phraseId) {
    this.phraseId = phraseId;
  }

  private static final Map<List<String>, Feeling> EXPRESSIONS =
      Map.ofEntries(
          e("upset", UPSET), e("angry", UPSET), e("furious", UPSET), e("mad", UPSET), e("livid", UPSET),
          e("disappointed", UPSET), e("disgusted", UPSET), e("unhappy", UPSET), e("not happy", UPSET),
          e("not pleased", UPSET), e("not impressed", UPSET), e("not satisfied", UPSET), e("devastated", UPSET),
          e("frustrated", FRUSTRATED), e("frustrating", FRUSTRATED), e("ridiculous", FRUSTRATED),
          e("fed up", FRUSTRATED), e("sick of", FRUSTRATED), e("sick and tired", FRUSTRATED),
          e("tired of", FRUSTRATED), e("annoyed", FRUSTRATED), e("annoying", FRUSTRATED),
          e("irritated", FRUSTRATED), e("unacceptable", FRUSTRATED), e("a joke", FRUSTRATED),
          e("outrageous", FRUSTRATED), e("a nightmare", FRUSTRATED), e("had enough", FRUSTRATED),
          e("driving me crazy", FRUSTRATED), e("driving me mad", FRUSTRATED), e("waste of time", FRUSTRATED),
          e("worried", WORRIED), e("worrying", WORRIED), e("concerned", WORRIED), e("anxious", WORRIED),
          e("nervous", WORRIED), e("scared", WORRIED), e("stressed", WORRIED), e("panicking", WORRIED),
          e("freaking out", WORRIED));
  /** Words that deny a feeling named within the next few words: "I'm not upset", "I wouldn't say I'm angry". */
  private static final Set<String> DENIALS = Set.of("not", "never", "no", "nor", "without");
  private static final int DENIAL_REACH_WORDS = 3;
  /** Who a feeling is about, not what the problem is: "fed up with this company". */
  private static final Set<String> VAGUE = Set.of("company", "guys", "people", "service", "team");

  private static Map.Entry<List<String>, Feeling> e(String words, Feeling feeling) {
    return Map.entry(List.of(words.split(" ")), feeling);
  }

  /** The first feeling the caller showed in {@code utterance}, or empty. */
  public static Optional<Feeling> shownIn(String utterance) {
    List<String> words = Words.of(utterance);
    for (int i = 0; i < words.size(); i++) {
      for (Map.Entry<List<String>, Feeling> expression : EXPRESSIONS.entrySet()) {
        List<String> phrase = expression.getKey();
        if (Words.startsWith(words.subList(i, words.size()), phrase) && !denied(words, i)) {
          return Optional.of(expression.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /** True when the words from {@code start} on are only a feeling: "I'm so frustrated with this". */
  static boolean only(List<String> clause) {
    if (!mentioned(clause)) return false;
    return clause.stream().noneMatch(w -> Words.isFact(w) || Words.NOUNS.contains(w) && !VAGUE.contains(w))
        && clause.stream().filter(w -> Words.isProblem(w) && !DENIALS.contains(w)).count() == 0;
  }

  /** A feeling named, shown or denied ("I'm not upset"). */
  private static boolean mentioned(List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      for (List<String> phrase : EXPRESSIONS.keySet()) {
        if (Words.startsWith(words.subList(i, words.size()), phrase)) return true;
      }
    }
    return false;
  }

  private static boolean denied(List<String> words, int at) {
    for (int i = Math.max(0, at - DENIAL_REACH_WORDS); i < at; i++) {
      if (DENIALS.contains(words.get(i)) || words.get(i).endsWith("n't")) return true;
    }
    return false;
  }
}
