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
 * finished statement: at least {@code minWords} words, the last neither a word a sentence does not end on ("my
 * internet keeps dropping when I ... ") nor a number (a caller reading a number pauses between its groups). It ends
 * after {@code unfinished} otherwise, and when the words are not known yet. So a caller who pauses mid-sentence is
 * not cut off, and one who has finished gets the reply at once.
 *
 * @param finished the silence that ends a turn that sounds finished
 * @param unfinished the silence that ends any turn
 * @param minWords the fewest words a finished statement has (1 for an answer: "yes")
 */
public record TurnEnding(Duration finished, Duration unfinished, int minWords) {
  /** A statement of the issue says what is wrong with what: fewer words are a start ("my set top box ..."). */
  public static final int STATEMENT_MIN_WORDS = 5;
  /** An answer may be one word. */
  public static final int ANSWER_MIN_WORDS = 1;
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
  /** Number words: a number being read goes on after a pause. */
  private static final Set<String> NUMBER_WORDS = Set.of(
      "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
      "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
      "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "double", "triple");

  public TurnEnding {
    if (finished == null || unfinished == null) throw new IllegalArgumentException("durations must be given");
    if (finished.isNegative() || finished.isZero()) throw new IllegalArgumentException("finished <= 0: " + finished);
    if (minWords < 1) throw new IllegalArgumentException("minWords < 1: " + minWords);
    if (unfinished.compareTo(finished) < 0) {
      throw new IllegalArgumentException("unfinished " + unfinished + " < finished " + finished);
    }
  }

  /** Whether {@code silence} after the caller's speech ends the turn, given the words heard up to the pause. */
  public boolean ends(Duration silence, Optional<String> wordsSoFar) {
    if (silence.compareTo(unfinished) >= 0) return true;
    if (silence.compareTo(finished) < 0) return false;
    return wordsSoFar.filter(this::soundsFinished).isPresent();
  }

  /** Whether {@code words} sound like a finished statement (see the class comment). */
  public boolean soundsFinished(String words) {
    String[] w = words.trim().toLowerCase(Locale.ROOT).split("\\s+");
    String last = w[w.length - 1].replaceAll("[^a-z0-9']", "");
    if (last.isEmpty() || w.length < minWords) return false;
    return !LEADING_WORDS.contains(last) && !NUMBER_WORDS.contains(last) && !last.matches(".*[0-9]");
  }
}
