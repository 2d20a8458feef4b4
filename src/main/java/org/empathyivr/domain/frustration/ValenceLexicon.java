package org.empathyivr.domain.frustration;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * How negative or positive a word is, from VADER's sentiment lexicon (Hutto and Gilbert, 2014): the mean valence that
 * ten raters gave it, from -4 (most negative) to +4, 0 for a word it does not list. It lets the words model generalise
 * to angry words it never saw in training ("infuriating" like "annoying"), where word weights alone only memorise.
 *
 * <p>The resource {@link #RESOURCE} keeps the words of {@code vader_lexicon.txt} from the npm package
 * {@code vader-sentiment} 1.1.3 (Apache-2.0; the lexicon itself MIT), with its licence and notice beside it. Immutable
 * and thread-safe.
 */
public final class ValenceLexicon {
  public static final String RESOURCE = "/org/empathyivr/domain/frustration/vader-lexicon.tsv";

  private final Map<String, Double> valence;

  public ValenceLexicon(Map<String, Double> valence) {
    this.valence = Map.copyOf(valence);
  }

  /** The mean valence of a recognizer-style word in [-4, 4], 0 when the lexicon does not list it. */
  public double valence(String word) {
    return valence.getOrDefault(word, 0.0);
  }

  /** How many words the lexicon lists. */
  public int size() {
    return valence.size();
  }

  /** The bundled lexicon, read once. */
  public static ValenceLexicon bundled() {
    return Bundled.LEXICON;
  }

  private static final class Bundled {
    static final ValenceLexicon LEXICON = load();
  }

  private static ValenceLexicon load() {
    return NumberTable.bundled(RESOURCE, ValenceLexicon::read);
  }

  /** Reads UTF-8 lines {@code word<TAB>valence}; {@code #} starts a comment line. */
  public static ValenceLexicon read(InputStream in, String name) throws IOException {
    return new ValenceLexicon(
        NumberTable.read(in, name, "word<TAB>valence", new NumberTable.Range("valence", -4, 4)));
  }
}
