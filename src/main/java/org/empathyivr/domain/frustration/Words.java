package org.empathyivr.domain.frustration;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Text as the recognizer gives it: lower case, no punctuation, apostrophes kept ("doesn't"). Written text (chat,
 * comments) is brought to the same form before it is scored, so the words model sees what it will see in calls.
 */
public final class Words {
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
}
