package org.empathyivr.domain.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.empathyivr.domain.empathy.SayingBack;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.Word;

/**
 * The words of a caller's statement the recognizer was not sure of: a content word below {@link Confidence#MIN_WORD}
 * is never said back as if heard, and the agent reads it as {@value #MARK}. Small words that carry nothing of the
 * story ("the", "my", "is") do not count when unsure: they change nothing the assistant would say back.
 */
public final class Unsure {
  /** What stands for a run of unsure words in the issue an agent reads: "my [unclear] has been dead". */
  public static final String MARK = SayingBack.UNCLEAR;

  private static final Set<String> SMALL_WORDS =
      Set.of("a", "an", "the", "my", "our", "your", "i", "i'm", "it", "it's", "is", "was", "are", "were", "be",
          "been", "has", "have", "had", "to", "of", "in", "on", "at", "for", "and", "but", "or", "so", "that",
          "this", "um", "uh", "er", "oh", "well", "just", "like", "really", "very", "me", "we", "you", "do", "did");

  private Unsure() {}

  /** Whether any word that carries content was heard below the confidence the assistant acts on. */
  public static boolean hasUnsureWords(Transcript heard) {
    return Denial.words(heard).stream().anyMatch(Unsure::unsure);
  }

  /** The statement as the agent reads it: each run of unsure content words is {@value #MARK}. */
  public static String marked(Transcript heard) {
    if (!hasUnsureWords(heard)) return heard.text();
    List<String> out = new ArrayList<>();
    for (Word w : Denial.words(heard)) {
      if (!unsure(w)) out.add(w.text());
      else if (out.isEmpty() || !out.get(out.size() - 1).equals(MARK)) out.add(MARK);
    }
    return String.join(" ", out);
  }

  private static boolean unsure(Word w) {
    return w.confidence() < Confidence.MIN_WORD && !SMALL_WORDS.contains(w.text());
  }
}
