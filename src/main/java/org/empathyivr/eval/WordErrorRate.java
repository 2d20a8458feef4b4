package org.empathyivr.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word error rate of a recognizer transcript against the text that was spoken: (substitutions + deletions +
 * insertions) / words spoken, on words normalised so that only hearing counts, not spelling. Case and punctuation are
 * dropped, contractions are spelled out on both sides ("i'm" and "i am" are the same two words), and the digits the
 * phrasebook uses are spelled as Vosk writes them ("1" is "one").
 */
public final class WordErrorRate {
  private static final Map<String, String> CONTRACTIONS =
      Map.ofEntries(
          Map.entry("i'm", "i am"),
          Map.entry("can't", "can not"),
          Map.entry("cannot", "can not"),
          Map.entry("won't", "will not"),
          Map.entry("let's", "let us"),
          Map.entry("it's", "it is"),
          Map.entry("that's", "that is"),
          Map.entry("what's", "what is"),
          Map.entry("there's", "there is"),
          Map.entry("here's", "here is"),
          Map.entry("who's", "who is"),
          Map.entry("he's", "he is"),
          Map.entry("she's", "she is"));
  private static final Map<String, String> SUFFIXES =
      Map.of("n't", " not", "'re", " are", "'ve", " have", "'ll", " will", "'d", " would");
  private static final List<String> DIGITS =
      List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

  private WordErrorRate() {}

  /** The normalised words of a text. */
  public static List<String> words(String text) {
    String plain = text.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^a-z0-9']+", " ");
    List<String> words = new ArrayList<>();
    for (String token : plain.trim().split(" ")) {
      String word = token.replaceAll("^'+|'+$", "");
      if (word.isEmpty()) continue;
      for (String part : spelledOut(word).split(" ")) words.add(part);
    }
    return words;
  }

  private static String spelledOut(String word) {
    if (word.matches("\\d+") && Integer.parseInt(word) < DIGITS.size()) return DIGITS.get(Integer.parseInt(word));
    String whole = CONTRACTIONS.get(word);
    if (whole != null) return whole;
    for (Map.Entry<String, String> suffix : SUFFIXES.entrySet()) {
      if (word.endsWith(suffix.getKey()) && word.length() > suffix.getKey().length()) {
        return word.substring(0, word.length() - suffix.getKey().length()) + suffix.getValue();
      }
    }
    return word;
  }

  /** The fewest word substitutions, deletions and insertions that turn {@code spoken} into {@code heard}. */
  public static int errors(List<String> spoken, List<String> heard) {
    int[] previous = new int[heard.size() + 1];
    int[] current = new int[heard.size() + 1];
    for (int j = 0; j <= heard.size(); j++) previous[j] = j;
    for (int i = 1; i <= spoken.size(); i++) {
      current[0] = i;
      for (int j = 1; j <= heard.size(); j++) {
        int substitution = previous[j - 1] + (spoken.get(i - 1).equals(heard.get(j - 1)) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[heard.size()];
  }
}
