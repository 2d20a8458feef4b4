package org.empathyivr.domain.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.Word;

/**
 * Tells a denial from a correction, and either from a statement of the issue, by what is left of the caller's words
 * once denial, negation, filler and talk-about-talk words ("that's not what I said") are taken away: nothing left is a
 * bare denial ("no, that's not right", "nope", "no no no", "that's not it"), something left is the caller telling us
 * what is wrong ("no, it's my phone line that is dead"). Never by counting words.
 *
 * <p>A word the recognizer was unsure of (below {@link Confidence#MIN_WORD}) does not count as content: a misheard
 * piece of a denial ("no not bright") is still a denial. Works on recognizer text (lower case, no punctuation).
 * Stateless and thread-safe.
 */
public final class Denial {
  /** Words that say no, or that only frame a denial: none of them says what the problem is. */
  private static final Set<String> EMPTY_WORDS =
      Set.of("no", "nope", "nah", "know", "not", "wrong", "incorrect", "never", "isn't", "wasn't", "ain't", "aren't",
          "don't", "didn't", "doesn't", "that", "that's", "thats", "this", "it", "it's", "its", "is", "was", "what",
          "i", "i'm", "im", "said", "say", "saying", "says", "meant", "mean", "right", "correct", "quite", "really",
          "exactly", "all", "at", "um", "uh", "er", "erm", "ah", "oh", "hmm", "mm", "well", "so", "sorry",
          "actually", "you", "you've", "you're", "got", "get", "getting", "heard", "hear", "misheard", "understood",
          "misunderstood", "understand", "one", "the", "a", "an", "of", "to", "me", "my", "just", "like", "okay",
          "ok", "there", "wait", "hold", "on", "no-one", "did", "do", "does", "tell", "told", "about", "issue",
          "problem", "thing", "calling", "call", "called", "ringing", "ma'am", "sir", "please", "again", "listen",
          "hello", "hi", "yeah", "yes", "yep", "nothing", "and", "but", "or", "totally", "completely", "entirely",
          "even", "close", "mistake", "mistaken", "afraid", "think", "sure", "anything", "way", "still", "with",
          "for", "in", "can", "could", "would", "you'd", "be", "we", "us", "understanding", "listening", "repeat",
          "hang", "second", "minute", "moment", "bit", "some", "any");
  /**
   * Where the statement after a denial begins: the words before its first content word belong to it ("i was" in "no,
   * i was charged twice") back to the first of these, which end the denial ("no, that's not what i said").
   */
  private static final Set<String> DENIAL_ENDS =
      Set.of("no", "nope", "nah", "know", "not", "wrong", "incorrect", "right", "correct", "that's", "thats", "what",
          "said", "say", "saying", "meant", "mean", "heard", "understood", "misunderstood", "misheard", "sorry", "okay",
          "ok", "well", "oh", "um", "uh", "er", "erm", "so", "yeah", "yes", "hello", "hi", "actually", "really",
          "quite", "exactly", "all", "at", "listen", "please", "again");
  /** "It's my phone line that is dead" says "my phone line is dead". */
  private static final Set<String> CLEFT_STARTS = Set.of("it's", "its");
  private static final Set<String> CLEFT_JOINS = Set.of("that", "which", "who");

  private Denial() {}

  /**
   * The part of {@code heard} that says what is wrong, with its words' details: the statement that follows any denial
   * ("no, that's not right, my phone line is dead" gives "my phone line is dead"), or empty when the caller only
   * denied or said nothing that carries content.
   */
  public static Optional<Transcript> content(Transcript heard) {
    List<Word> words = words(heard);
    int first = -1;
    for (int i = 0; i < words.size(); i++) {
      if (carries(words.get(i).text()) && words.get(i).confidence() >= Confidence.MIN_WORD) {
        first = i;
        break;
      }
    }
    if (first < 0) return Optional.empty();
    int start = first;
    while (start > 0 && !DENIAL_ENDS.contains(words.get(start - 1).text())) start--;
    // "no internet since monday", "no signal": a "no" right before the first content word is part of the statement.
    if (start == first && start > 0 && words.get(start - 1).text().equals("no")) start--;
    // "that's not it, it's my phone line": the "it" of the denial is not the statement's.
    if (start + 1 < first && words.get(start).text().equals("it") && words.get(start + 1).text().startsWith("it")) {
      start++;
    }
    List<Word> statement = new ArrayList<>(words.subList(start, words.size()));
    withoutCleft(statement);
    return Optional.of(new Transcript(String.join(" ", statement.stream().map(Word::text).toList()), statement));
  }

  /** {@link #content(Transcript)} of text without word details. */
  public static Optional<String> content(String text) {
    return content(new Transcript(text, List.of())).map(Transcript::text);
  }

  /**
   * Whether {@code heard} is words that only deny, or frame a denial, and say nothing more, however sure the
   * recognizer was of them.
   */
  public static boolean isBare(Transcript heard) {
    return !heard.isEmpty() && words(heard).stream().noneMatch(w -> carries(w.text()));
  }

  private static boolean carries(String word) {
    return !EMPTY_WORDS.contains(word) && !word.endsWith("n't");
  }

  /** "it's my phone line that is dead" becomes "my phone line is dead". */
  private static void withoutCleft(List<Word> statement) {
    if (statement.size() < 4 || !CLEFT_STARTS.contains(statement.get(0).text())) return;
    for (int i = 2; i < statement.size() - 1; i++) {
      if (CLEFT_JOINS.contains(statement.get(i).text())) {
        statement.remove(i);
        statement.remove(0);
        return;
      }
    }
  }

  /**
   * The words of {@code heard}, lower case without punctuation, each with its details when the recognizer gave them
   * for exactly these words (confidence 1.0 otherwise).
   */
  static List<Word> words(Transcript heard) {
    List<String> texts = new ArrayList<>();
    for (String w : heard.text().toLowerCase().replace('\u2019', '\'').split("[^a-z0-9'-]+")) {
      String bare = w.replaceAll("^['-]+|['-]+$", "");
      if (!bare.isEmpty()) texts.add(bare);
    }
    List<Word> details = heard.words();
    boolean aligned = details.size() == texts.size();
    List<Word> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      Word d = aligned ? details.get(i) : null;
      out.add(d == null ? new Word(texts.get(i), 0, 0, 1.0)
          : new Word(texts.get(i), d.startSeconds(), d.endSeconds(), d.confidence()));
    }
    return out;
  }
}
