package org.empathyivr.domain.port;

import java.util.List;

/**
 * What the recognizer heard: lower-case words separated by single spaces, empty when it heard no words.
 *
 * @param text the words, lower case, single spaces; never null
 * @param words the words with timing and confidence, in order (may be empty even when text is not, if the recognizer
 *     gave no detail)
 */
public record Transcript(String text, List<Word> words) {
  public static final Transcript EMPTY = new Transcript("", List.of());

  public Transcript {
    if (text == null) throw new IllegalArgumentException("text == null");
    text = text.trim();
    words = List.copyOf(words);
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  /** The mean word confidence, or 1.0 when the recognizer gave none. */
  public double confidence() {
    return words.stream().mapToDouble(Word::confidence).average().orElse(isEmpty() ? 0.0 : 1.0);
  }
}
