package org.empathyivr.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word error rate of a recognizer transcript against the text that was spoken: (substitutions + deletions +
 * insertions) / words spoken, on words normalised so that only hearing counts, not spelling. Both sides get the same
 * normalisation: case and punctuation are dropped, contractions are spelled out ("i'm" and "i am" are the same two
 * words), numbers are spelled as Vosk writes them ("162" is "one hundred sixty two", "28.8" is "twenty eight point
 * eight"), the keypad's "#" and "*" are the words said for them, and a word written either as one or as two ("voice
 * mail", "voicemail") is written as one.
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
  /** Spelling variants of one word; the key is what {@link #words} has made of the text so far. */
  private static final Map<String, String> SPELLINGS =
      Map.of("voice mail", "voicemail", "e mail", "email", "x ray", "xray", "ok", "okay", "thru", "through");
  private static final List<String> SMALL =
      List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen");
  private static final List<String> TENS =
      List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");
  private static final int MAX_DIGITS = 9;

  private WordErrorRate() {}

  /** The normalised words of a text. */
  public static List<String> words(String text) {
    String plain =
        text.toLowerCase(Locale.ROOT)
            .replace('’', '\'')
            .replaceAll("(\\d)\\.(\\d)", "$1 point $2")
            .replace("#", " pound ")
            .replace("*", " star ")
            .replaceAll("[^a-z0-9']+", " ");
    List<String> spelled = new ArrayList<>();
    for (String token : plain.trim().split(" ")) {
      String word = token.replaceAll("^'+|'+$", "");
      if (!word.isEmpty()) spelled.add(spelledOut(word));
    }
    String joined = " " + String.join(" ", spelled) + " ";
    for (Map.Entry<String, String> spelling : SPELLINGS.entrySet()) {
      joined = joined.replace(" " + spelling.getKey() + " ", " " + spelling.getValue() + " ");
    }
    List<String> words = new ArrayList<>();
    for (String word : joined.trim().split(" ")) if (!word.isEmpty()) words.add(word);
    return words;
  }

  private static String spelledOut(String word) {
    if (word.matches("\\d{1," + MAX_DIGITS + "}")) return number(Integer.parseInt(word));
    String whole = CONTRACTIONS.get(word);
    if (whole != null) return whole;
    for (Map.Entry<String, String> suffix : SUFFIXES.entrySet()) {
      if (word.endsWith(suffix.getKey()) && word.length() > suffix.getKey().length()) {
        return word.substring(0, word.length() - suffix.getKey().length()) + suffix.getValue();
      }
    }
    return word;
  }

  /** A whole number below a billion in words, as Vosk writes it: "one hundred sixty two", without "and". */
  static String number(int n) {
    if (n < 0) throw new IllegalArgumentException("n < 0: " + n);
    if (n < SMALL.size()) return SMALL.get(n);
    if (n < 100) return TENS.get(n / 10) + (n % 10 == 0 ? "" : " " + SMALL.get(n % 10));
    if (n < 1000) return scaled(n, 100, "hundred");
    if (n < 1_000_000) return scaled(n, 1000, "thousand");
    return scaled(n, 1_000_000, "million");
  }

  private static String scaled(int n, int scale, String name) {
    return number(n / scale) + " " + name + (n % scale == 0 ? "" : " " + number(n % scale));
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
