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
 * internet keeps dropping when I ... ") nor a number (a caller reading a number pauses between its groups), and, for
 * a statement, a verb among them ("since last weekend my television ... keeps losing the picture"). It ends after
 * {@code unfinished} otherwise, and when the words are not known yet. So a caller who pauses mid-sentence is not cut
 * off, and one who has finished gets the reply at once. A statement taken for unfinished costs the caller a second;
 * an unfinished one taken for finished would cut them off, so the rule leans to waiting.
 *
 * @param finished the silence that ends a turn that sounds finished
 * @param unfinished the silence that ends any turn
 * @param minWords the fewest words a finished statement has (1 for an answer: "yes")
 * @param needsVerb whether a finished statement says what happens (has a verb): true for the issue, false for an
 *     answer
 */
public record TurnEnding(Duration finished, Duration unfinished, int minWords, boolean needsVerb) {
  /** A statement of the issue says what is wrong with what: fewer words are a start ("my set top box ..."). */
  public static final int STATEMENT_MIN_WORDS = 5;
  /** An answer may be one word. */
  public static final int ANSWER_MIN_WORDS = 1;

  /** The ending of a statement of the issue. */
  public static TurnEnding statement(Duration finished, Duration unfinished) {
    return new TurnEnding(finished, unfinished, STATEMENT_MIN_WORDS, true);
  }

  /** The ending of an answer: a name, yes or no, or a correction. */
  public static TurnEnding answer(Duration finished, Duration unfinished) {
    return new TurnEnding(finished, unfinished, ANSWER_MIN_WORDS, false);
  }
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
  /** Verbs: be, have, do, the modals, and what callers say things do. */
  private static final Set<String> VERBS = Set.of(
      "is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "do", "does", "did", "can", "could",
      "will", "would", "should", "may", "might", "must", "it's", "that's", "there's", "i'm", "i've", "we're",
      "they're", "cannot", "work", "works", "keep", "keeps", "kept", "stop", "stops", "get", "gets", "got", "go",
      "goes", "went", "gone", "need", "needs", "want", "wants", "break", "breaks", "broke", "broken", "show",
      "shows", "say", "says", "said", "see", "sees", "saw", "pay", "pays", "paid", "lose", "loses", "lost", "make",
      "makes", "made", "take", "takes", "took", "give", "gives", "gave", "send", "sends", "sent", "buy", "bought",
      "come", "comes", "came", "think", "know", "knows", "knew", "feel", "feels", "felt", "hear", "hears", "heard",
      "ring", "rings", "rang", "drop", "drops", "fail", "fails", "crash", "crashes", "freeze", "freezes", "froze",
      "let", "lets", "put", "run", "runs", "ran", "leave", "left", "find", "found", "hang", "hangs", "hung", "fix",
      "help", "charge", "charges", "try", "tries", "tried", "call", "calls", "open", "opens", "load", "loads", "seem",
      "seems", "blink", "blinks", "flash", "flashes", "beep", "beeps", "connect", "connects", "turn", "turns");
  /** Words ending like a verb's -ing or -ed form that are not verbs. */
  private static final Set<String> NOT_VERBS = Set.of(
      "thing", "things", "something", "anything", "nothing", "everything", "morning", "evening", "ceiling",
      "building", "wedding", "string", "spring", "during", "ring", "king", "speed", "hundred", "bed", "red");
  /** Words after which the next is a verb: "I called", "it keeps". */
  private static final Set<String> SUBJECTS = Set.of("i", "we", "they", "he", "she", "it", "you");
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
    if (LEADING_WORDS.contains(last) || NUMBER_WORDS.contains(last) || last.matches(".*[0-9]")) return false;
    return !needsVerb || hasVerb(w);
  }

  private static boolean hasVerb(String[] words) {
    for (int i = 0; i < words.length; i++) {
      String w = words[i].replaceAll("[^a-z']", "");
      if (VERBS.contains(w) || w.endsWith("n't") || i > 0 && SUBJECTS.contains(words[i - 1])) return true;
      if (w.length() >= 5 && (w.endsWith("ing") || w.endsWith("ed")) && !NOT_VERBS.contains(w)) return true;
    }
    return false;
  }
}
