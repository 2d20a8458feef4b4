package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.adapter.vosk.BundledVoskModel;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.domain.dialog.Unsure;
import org.empathyivr.domain.empathy.Reflection;
import org.empathyivr.domain.empathy.SayingBack;
import org.empathyivr.domain.port.Transcript;
import org.junit.jupiter.api.Test;

/**
 * How often the issue said back holds a word the caller did not say: every issue statement of {@code calls/said.tsv}
 * (the recordings of {@code make-calls.sh}) is transcribed by Vosk and reflected two ways, BEFORE as the line used to
 * ({@link Reflection#of} of the whole transcript) and AFTER as it does now ({@link SayingBack#reflection} of the
 * transcript with its unsure words marked, {@link Unsure#marked}); an empty AFTER means the caller is asked to say it
 * again, which is counted apart, not as a reflection.
 *
 * <p>A word of a reflection is the caller's when it is among the words of the spoken text (lower case, punctuation
 * stripped, numbers as written), or the third-person form of one ("keeps" for "keep"), or one of {@link #GLUE}: what
 * the assistant adds itself. Anything else is foreign: a misrecognition said back as if heard.
 *
 * <p>Asserts only that there are at least {@value #MIN_REFLECTIONS} BEFORE reflections and that the AFTER rate of
 * reflections with a foreign word is not above the BEFORE rate.
 */
class ReflectionFidelityIT {
  private static final int MIN_REFLECTIONS = 40;

  /**
   * Words the assistant may add of its own: the second-person forms it swaps in for "i", "my", "me", "i'm" and the
   * like, and glue (articles, conjunctions, common auxiliaries and prepositions, "you're calling about", "you'd like to
   * know"). General English, not chosen from the corpus.
   */
  static final Set<String> GLUE = new TreeSet<>(List.of(
      "you", "your", "you're", "you've", "you'd", "you'll", "yours", "yourself",
      "like", "to", "know", "calling", "about",
      "and", "but", "because", "so",
      "were", "are", "is", "was", "has", "have", "had", "been",
      "the", "a", "an", "of", "it", "it's", "that", "with", "for", "on", "in", "at",
      "would", "need", "want"));

  private record Line(String file, String text) {}

  private record Result(Line line, String heard, Optional<String> before, Optional<String> after,
      Set<String> foreignBefore, Set<String> foreignAfter) {}

  @Test
  void reflectionsSayNoMoreWordsTheCallerDidNotSayThanBefore() throws Exception {
    Path dir = resourceDirectory();
    List<Line> lines = lines(dir.resolve("said.tsv"));
    List<Result> results = new ArrayList<>();
    try (VoskSpeechToText stt = VoskSpeechToText.open(BundledVoskModel.directory(), 1)) {
      for (Line line : lines) {
        Transcript heard = stt.transcribe(WavFile.read(dir.resolve(line.file())));
        Optional<String> before = Reflection.of(heard.text());
        Optional<String> after = SayingBack.reflection(Unsure.marked(heard));
        Set<String> said = words(line.text());
        results.add(new Result(line, heard.text(), before, after,
            before.map(r -> foreign(r, said)).orElse(Set.of()), after.map(r -> foreign(r, said)).orElse(Set.of())));
      }
    }

    int n = 0;
    int x = 0;
    int m = 0;
    int y = 0;
    int askedAgain = 0;
    StringBuilder out = new StringBuilder();
    out.append("FIDELITY words the assistant may add: ").append(String.join(" ", GLUE))
        .append(" (and the third-person -s of a word the caller said)\n");
    for (Result r : results) {
      if (r.before().isPresent()) {
        n++;
        if (!r.foreignBefore().isEmpty()) x++;
      }
      if (r.after().isPresent()) {
        m++;
        if (!r.foreignAfter().isEmpty()) y++;
      } else {
        askedAgain++;
      }
      if (!r.foreignBefore().isEmpty() || !r.foreignAfter().isEmpty()) {
        out.append(String.format(Locale.ROOT,
            "FIDELITY %s said \"%s\" heard \"%s\" before \"%s\" %s after \"%s\" %s%n", r.line().file(),
            r.line().text(), r.heard(), r.before().orElse("-"), r.foreignBefore(),
            r.after().orElse("(asked again)"), r.foreignAfter()));
      }
    }
    results.stream().filter(r -> r.after().isEmpty()).forEach(r -> out.append(String.format(Locale.ROOT,
        "FIDELITY asked again: %s said \"%s\" heard \"%s\" before \"%s\" %s%n", r.line().file(), r.line().text(),
        r.heard(), r.before().orElse("-"), r.foreignBefore())));
    double beforeRate = n == 0 ? 0 : (double) x / n;
    double afterRate = m == 0 ? 0 : (double) y / m;
    out.append(String.format(Locale.ROOT,
        "FIDELITY before: %d of %d reflections said a word the caller did not say (%.1f %%)%n", x, n,
        100 * beforeRate));
    out.append(String.format(Locale.ROOT,
        "FIDELITY after: %d of %d reflections said a word the caller did not say (%.1f %%); %d asked to say it again%n",
        y, m, 100 * afterRate, askedAgain));
    System.out.print(out);

    assertTrue(n >= MIN_REFLECTIONS, "only " + n + " reflections in the set");
    assertTrue(afterRate <= beforeRate, String.format(Locale.ROOT,
        "after %.1f %% of reflections say a word the caller did not say, before %.1f %%", 100 * afterRate,
        100 * beforeRate));
  }

  /** The words of {@code reflection} that are neither the caller's nor the assistant's own glue. */
  static Set<String> foreign(String reflection, Set<String> said) {
    Set<String> foreign = new LinkedHashSet<>();
    for (String w : words(reflection)) {
      if (!said.contains(w) && !GLUE.contains(w) && !thirdPerson(w, said)) foreign.add(w);
    }
    return foreign;
  }

  /** "keeps" for "keep", "fixes" for "fix", "tries" for "try". */
  private static boolean thirdPerson(String w, Set<String> said) {
    return w.endsWith("ies") && said.contains(w.substring(0, w.length() - 3) + "y")
        || w.endsWith("es") && said.contains(w.substring(0, w.length() - 2))
        || w.endsWith("s") && said.contains(w.substring(0, w.length() - 1));
  }

  /** Lower case, punctuation stripped (an apostrophe or hyphen inside a word kept), numbers as written. */
  static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("[^a-z0-9'-]+")) {
      String bare = w.replaceAll("^['-]+|['-]+$", "");
      if (!bare.isEmpty()) words.add(bare);
    }
    return words;
  }

  private static List<Line> lines(Path tsv) throws IOException {
    List<Line> lines = new ArrayList<>();
    for (String line : Files.readAllLines(tsv)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] fields = line.split("\t", 2);
      lines.add(new Line(fields[0], fields[1]));
    }
    return lines;
  }

  private static Path resourceDirectory() throws URISyntaxException {
    return Path.of(ReflectionFidelityIT.class.getResource("/calls/said.tsv").toURI()).getParent();
  }
}
