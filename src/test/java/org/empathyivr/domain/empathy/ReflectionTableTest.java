package org.empathyivr.domain.empathy;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reflection table: caller utterances as a support line hears them (src/test/resources/reflection/utterances.tsv),
 * each said back with no first-person word left, with its facts, in at most {@value Reflection#MAX_WORDS} words, and
 * never parroted word for word when long: no run of more than {@value OwnWords#MAX_COPIED_WORDS} of the caller's
 * words said back in a row ({@link CopiedRun}). Prints the pass rate and the longest copied run.
 */
class ReflectionTableTest {
  private static final Path TABLE = Path.of("src/test/resources/reflection/utterances.tsv");
  private static final Set<String> FIRST_PERSON =
      Set.of("i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll", "im");
  /** An utterance longer than this must not come back word for word. */
  private static final int LONG_WORDS = 12;

  private static final AtomicInteger rows = new AtomicInteger();
  private static final AtomicInteger passed = new AtomicInteger();
  private static final AtomicInteger longestCopiedRun = new AtomicInteger();

  record Row(int line, String utterance, List<String> facts, List<String> contains) {
    @Override
    public String toString() {
      return line + ": " + utterance;
    }
  }

  static Stream<Row> rows() throws IOException {
    List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank() || lines.get(i).startsWith("#")) continue;
      String[] cells = lines.get(i).split("\t", -1);
      if (cells.length != 3) throw new IllegalStateException(TABLE + ":" + (i + 1) + ": want 3 cells: " + lines.get(i));
      rows.add(new Row(i + 1, cells[0], list(cells[1]), list(cells[2])));
    }
    return rows.stream();
  }

  private static List<String> list(String cell) {
    return cell.isBlank() ? List.of() : Arrays.stream(cell.split(",")).map(String::strip).toList();
  }

  @Test
  void theTableHoldsAtLeastEightyUtterances() throws IOException {
    assertTrue(rows().count() >= 80, "rows: " + rows().count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void saysTheUtteranceBackInItsOwnWords(Row row) {
    rows.incrementAndGet();
    Optional<String> reflected = Reflection.of(row.utterance());
    if (reflected.isEmpty()) fail("no reflection for: " + row.utterance());
    String text = reflected.get();
    List<String> words = List.of(text.split(" "));
    List<String> problems = new ArrayList<>();
    words.stream().filter(FIRST_PERSON::contains).findFirst().ifPresent(w -> problems.add("first person '" + w + "'"));
    for (String fact : row.facts()) if (!says(text, fact)) problems.add("lost '" + fact + "'");
    for (String must : row.contains()) if (!text.contains(must)) problems.add("does not say '" + must + "'");
    if (words.size() > Reflection.MAX_WORDS) problems.add(words.size() + " words");
    if (row.utterance().split(" ").length > LONG_WORDS && text.equals(row.utterance())) problems.add("parroted");
    System.out.printf("reflect %-3d %s%n       -> %s%n", row.line(), row.utterance(), text);
    if (!problems.isEmpty()) fail(problems + ": \"" + row.utterance() + "\" -> \"" + text + "\"");
    passed.incrementAndGet();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void copiesNoMoreThanTenOfTheCallersWordsInARow(Row row) {
    String text = Reflection.of(row.utterance()).orElseThrow();
    int run = CopiedRun.longest(Words.of(row.utterance()), List.of(text.split(" ")));
    longestCopiedRun.accumulateAndGet(run, Math::max);
    assertTrue(run <= OwnWords.MAX_COPIED_WORDS, run + " words in a row: \"" + row.utterance() + "\" -> \"" + text + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void keepsEveryFact(Row row) {
    String text = Reflection.of(row.utterance()).orElseThrow();
    List<String> lost = row.facts().stream().filter(fact -> !says(text, fact)).toList();
    assertTrue(lost.isEmpty(), "lost " + lost + ": \"" + row.utterance() + "\" -> \"" + text + "\"");
  }

  /** Whether the reflection says the fact, an amount also as a modifier: "twelve pounds" in "a twelve pound fee". */
  private static boolean says(String reflection, String fact) {
    String padded = " " + reflection + " ";
    if (padded.contains(" " + fact + " ")) return true;
    boolean amount = fact.matches(".* (dollars|pounds|euros|cents)");
    return amount && padded.contains(" " + fact.substring(0, fact.length() - 1) + " ");
  }

  @AfterAll
  static void printPassRate() {
    if (rows.get() > 0) {
      System.out.printf("reflection table: %d of %d pass (%.1f %%)%n", passed.get(), rows.get(),
          100.0 * passed.get() / rows.get());
    }
    if (longestCopiedRun.get() > 0) System.out.printf("longest copied run: %d words%n", longestCopiedRun.get());
  }
}
