package org.empathyivr.domain.port;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When the caller's silence after speech ends their turn, on a line where the assistant decides it (streamed audio;
 * Asterisk's {@code RECORD FILE} decides it itself, by {@link Listening#silenceSeconds}).
 *
 * <p>The rule: the turn ends after {@code finished} of silence when the words heard up to the pause sound like a
 * finished sentence; after {@code unfinished} when they end on a word a sentence does not end on ("my internet
 * keeps dropping when I ... "), or when they are not known yet. So a caller who pauses mid-sentence is not cut off,
 * and one who has finished gets the reply at once.
 *
 * @param finished the silence that ends a turn that sounds finished
 * @param unfinished the silence that ends any turn
 */
public record TurnEnding(Duration finished, Duration unfinished) {
  /**
   * Words a sentence does not end on: articles, possessives, prepositions, conjunctions, auxiliaries, pronouns that
   * start a clause, and hesitations.
   */
  private static final Set<String> LEADING_WORDS = Set.of(
      "a", "an", "the", "my", "your", "our", "their", "his", "her", "its", "this", "these", "those", "some", "any",
      "and", "or", "but", "because", "cause", "if", "when", "while", "since", "until", "although", "though", "whether",
      "with", "of", "to", "for", "from", "in", "into", "on", "onto", "at", "by", "about", "than", "like", "after",
      "before", "without", "through", "over", "under", "between", "against",
      "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "can",
      "could", "will", "would", "should", "shall", "may", "might", "must", "not", "very", "really", "just", "also",
      "i", "i'm", "i've", "i'd", "i'll", "we", "we're", "they", "they're", "he", "she", "you", "it's", "there's",
      "um", "uh", "er", "erm", "hmm", "so");

  public TurnEnding {
    if (finished == null || unfinished == null) throw new IllegalArgumentException("durations must be given");
    if (finished.isNegative() || finished.isZero()) throw new IllegalArgumentException("finished <= 0: " + finished);
    if (unfinished.compareTo(finished) < 0) {
      throw new IllegalArgumentException("unfinished " + unfinished + " < finished " + finished);
    }
  }

  /** Whether {@code silence} after the caller's speech ends the turn, given the words heard up to the pause. */
  public boolean ends(Duration silence, Optional<String> wordsSoFar) {
    if (silence.compareTo(unfinished) >= 0) return true;
    if (silence.compareTo(finished) < 0) return false;
    return wordsSoFar.filter(words -> !soundsUnfinished(words)).isPresent();
  }

  /** Whether {@code words} end on a word a sentence does not end on, or are none. */
  public static boolean soundsUnfinished(String words) {
    String[] w = words.trim().toLowerCase(Locale.ROOT).split("\\s+");
    String last = w[w.length - 1].replaceAll("[^a-z']", "");
    return last.isEmpty() || LEADING_WORDS.contains(last);
  }
}
