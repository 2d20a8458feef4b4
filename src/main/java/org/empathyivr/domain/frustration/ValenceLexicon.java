package org.empathyivr.domain.frustration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
    try (InputStream in = ValenceLexicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      return read(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads UTF-8 lines {@code word<TAB>valence}; {@code #} starts a comment line. */
  public static ValenceLexicon read(InputStream in, String name) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Map<String, Double> valence = new HashMap<>();
    int lineNumber = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] parts = line.split("\t");
      double value;
      try {
        if (parts.length != 2) throw new NumberFormatException("expected word<TAB>valence");
        value = Double.parseDouble(parts[1]);
      } catch (NumberFormatException e) {
        throw new IOException(name + " line " + lineNumber + ": " + e.getMessage());
      }
      if (!(value >= -4 && value <= 4)) throw new IOException(name + " line " + lineNumber + ": valence not in [-4, 4]");
      valence.put(parts[0], value);
    }
    return new ValenceLexicon(valence);
  }
}
