package org.empathyivr.domain.frustration;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as the recognizer gives it: lower case, no punctuation, apostrophes kept ("doesn't"). Written text (chat,
 * comments) is brought to the same form before it is scored, so the words model sees what it will see in calls.
 */
public final class Words {
  private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z]");

  private Words() {}

  /** Lower case, letters, digits and inner apostrophes only, single spaces; placeholders like {@code #EMAIL#} dropped. */
  public static String asRecognized(String text) {
    if (text == null) throw new IllegalArgumentException("text == null");
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    plain = plain.toLowerCase(Locale.ROOT)
        .replace('\u2019', '\'')
        .replace('\u2018', '\'')
        .replaceAll("#[a-z_]+#", " ")
        .replaceAll("[^a-z0-9' ]+", " ")
        .replaceAll("(^|\\s)'+|'+(\\s|$)", " ");
    return plain.trim().replaceAll("\\s+", " ");
  }

  /** The words of recognizer-style text. */
  public static List<String> tokens(String recognized) {
    String trimmed = recognized.trim();
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split(" +"));
  }

  /**
   * About how many syllables a recognized word has, from its spelling: its groups of vowels ("y" counts), less a silent
   * final "e" ("time") or "-ed" ("dropped", not "wanted"); at least 1. Speaking rate is counted in these, not in
   * words: "my internet keeps dropping every evening" and "it's still not fixed and i'm" are 6 words each, but 13
   * syllables against 6, so a caller who goes on in shorter words is not "faster".
   */
  public static int syllables(String word) {
    String w = NOT_A_LETTER.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("");
    int groups = 0;
    boolean inVowel = false;
    for (int i = 0; i < w.length(); i++) {
      boolean vowel = "aeiouy".indexOf(w.charAt(i)) >= 0;
      if (vowel && !inVowel) groups++;
      inVowel = vowel;
    }
    int n = w.length();
    boolean silentE = n > 2 && w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee");
    boolean silentEd = n > 3 && w.endsWith("ed") && "td".indexOf(w.charAt(n - 3)) < 0;
    if (groups > 1 && (silentE || silentEd)) groups--;
    return Math.max(1, groups);
  }
}
