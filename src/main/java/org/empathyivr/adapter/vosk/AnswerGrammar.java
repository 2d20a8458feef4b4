package org.empathyivr.adapter.vosk;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words a caller answers "is that right?" with, as a Vosk grammar.
 *
 * <p>A Vosk grammar is a bag of words, not a list of phrases: its words recombine freely ("that's not right" can come
 * back as "right"), so it lists single words and leaves meaning to the conversation. {@value VoskResults#UNKNOWN_WORD}
 * lets speech that is none of them come out as "unknown" instead of as the nearest answer word.
 */
final class AnswerGrammar {
  /** Yes-words, no-words, then requests for a person: the words {@code Answer} reads. */
  static final List<String> ANSWER_WORDS =
      List.of(
          "yes", "yeah", "yep", "yup", "correct", "right", "exactly", "sure", "absolutely", "true",
          "no", "nope", "nah", "not", "wrong", "incorrect",
          "agent", "representative", "operator", "human", "person", "someone", "somebody", "manager");

  /**
   * Words that come with an answer without being one. Without them the recognizer had to spell every word of an
   * answer with answer words: "yes, that's right" came back as "yes not right", "yeah, you got it" as "yeah yeah not",
   * and "yes it is" as nothing.
   */
  static final List<String> CARRIER_WORDS =
      List.of("that's", "that", "is", "it", "it's", "you", "got", "quite", "really");

  /** The grammar's words: answer words, then carriers. */
  static final List<String> WORDS = Stream.concat(ANSWER_WORDS.stream(), CARRIER_WORDS.stream()).toList();

  private AnswerGrammar() {}

  /** The grammar Vosk takes: a JSON array of the words and {@value VoskResults#UNKNOWN_WORD}. */
  static String json(List<String> words) {
    return words.stream()
        .map(AnswerGrammar::quoted)
        .collect(Collectors.joining(", ", "[", ", \"" + VoskResults.UNKNOWN_WORD + "\"]"));
  }

  private static String quoted(String word) {
    if (!word.matches("[a-z']+")) throw new IllegalArgumentException("not a plain lower-case word: " + word);
    return '"' + word + '"';
  }
}
