package org.empathyivr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer on two small written sets: a "licensed" one it may train on and an "evaluation only" one it may only
 * measure. The second never shapes the model, the same data gives the same model, and the figures say which is which.
 */
class FrustrationTrainerTest {
  @TempDir Path dir;

  private Path manifest(String set, String[] angry, String[] calm) throws IOException {
    List<String> lines = new ArrayList<>(List.of("id\tlabel\ttext"));
    for (int i = 0; i < angry.length; i++) lines.add(set + "-a" + i + "\tfrustrated\t" + angry[i]);
    for (int i = 0; i < calm.length; i++) lines.add(set + "-c" + i + "\tcalm\t" + calm[i]);
    Path file = dir.resolve(set).resolve("manifest_dev.tsv");
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static String[] repeat(String... sentences) {
    String[] out = new String[sentences.length * 6];
    for (int i = 0; i < out.length; i++) out[i] = sentences[i % sentences.length] + " " + "abcdef".charAt(i / sentences.length);
    return out;
  }

  private String train(Path out, List<Path> training, List<Path> measured) throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    FrustrationTrainer.train(training, measured, out, 5, new PrintStream(log, true, StandardCharsets.UTF_8));
    return log.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anEvaluationOnlySetIsMeasuredButNeverTrainedOnAndTheSameDataGivesTheSameModel() throws IOException {
    Path licensed = manifest("licensed",
        repeat("this is awful and i hate it", "what a terrible stupid mess", "i am so angry right now"),
        repeat("the bus comes at nine", "my cat sleeps on the sofa", "we had soup for lunch"));
    Path evaluationOnly = manifest("evalonly",
        repeat("zebra quartz invoice"), repeat("the weather is mild today"));
    Path first = dir.resolve("first.tsv");
    Path second = dir.resolve("second.tsv");

    String log = train(first, List.of(licensed), List.of(evaluationOnly));
    train(second, List.of(licensed), List.of(evaluationOnly));

    String model = Files.readString(first);
    assertEquals(model, Files.readString(second), "deterministic");
    assertTrue(model.contains("trained by scripts/train-frustration.sh on [licensed]"), model);
    assertFalse(model.contains("w:zebra") || model.contains("w:quartz"), "words only the measured set has");
    assertTrue(log.contains("trained on all, never on this: evalonly:"), log);
    assertTrue(model.lines().anyMatch(l -> l.startsWith("w:awful\t") || l.startsWith("w:hate\t")), model);
  }

  @Test
  void aFlooredWeightStaysAtItsFloorWhenTheDataPullsItDown() {
    List<LogisticRegression.Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean positive = i % 2 == 0;
      // Feature 0 marks the calm rows: free, it learns a negative weight; floored, it cannot go below the floor.
      int[] indices = positive ? new int[] {1} : new int[] {0};
      rows.add(new LogisticRegression.Row(indices, new double[] {1.0}, positive, 1.0, 0.0));
    }
    LogisticRegression regression = new LogisticRegression(1.0, 20, 0.1, true);

    double[] free = regression.fit(rows, 2, 7L);
    double[] floored = regression.fit(rows, 2, 7L, new double[] {Math.log(2), Double.NEGATIVE_INFINITY});

    assertTrue(free[0] < 0, "free: " + free[0]);
    assertEquals(Math.log(2), floored[0], 1e-12);
    assertTrue(floored[1] > 0, "the other weight still learns: " + floored[1]);
  }

  @Test
  void aCeilingKeepsASignOfCalmFromTurningIntoASignOfFrustration() {
    List<LogisticRegression.Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean positive = i % 2 == 0;
      // Feature 0 ("thanks") marks the frustrated rows here, as sarcasm does on Reddit: free, it learns a positive
      // weight; under a ceiling of -ln 2 it stays a sign of calm.
      int[] indices = positive ? new int[] {0} : new int[] {1};
      rows.add(new LogisticRegression.Row(indices, new double[] {1.0}, positive, 1.0, 0.0));
    }
    LogisticRegression regression = new LogisticRegression(1.0, 20, 0.1, true);
    double[] noFloor = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};

    double[] free = regression.fit(rows, 2, 7L, noFloor);
    double[] capped = regression.fit(rows, 2, 7L, noFloor, new double[] {-Math.log(2), Double.POSITIVE_INFINITY});

    assertTrue(free[0] > 0, "free: " + free[0]);
    assertEquals(-Math.log(2), capped[0], 1e-12);
    assertTrue(capped[1] < 0, "the other weight still learns: " + capped[1]);
  }

  @Test
  void aCueKindLeftOutIsMeasuredWithoutIt() throws IOException {
    Path licensed = manifest("licensed",
        repeat("i restarted it and it still does not work", "this is awful and i hate it"),
        repeat("the bus comes at nine", "my cat sleeps on the sofa"));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    FrustrationTrainer.train(List.of(licensed), List.of(), dir.resolve("without.tsv"), 5,
        Set.of(org.empathyivr.domain.frustration.WordCues.Kind.TRIED), new PrintStream(log, true, StandardCharsets.UTF_8));

    assertTrue(log.toString(StandardCharsets.UTF_8).contains("without cue kinds [TRIED]"), log.toString());
    assertFalse(Files.readString(dir.resolve("without.tsv")).contains("k:tried"));
    train(dir.resolve("with.tsv"), List.of(licensed), List.of());
    assertTrue(Files.readString(dir.resolve("with.tsv")).contains("k:tried\t"));
  }

  @Test
  void theAreaUnderTheCurveIsOneForAPerfectRankingAndZeroForAReversedOne() {
    List<FrustrationTrainer.Example> examples = List.of(
        new FrustrationTrainer.Example("s", "", "1", Set.of(), true),
        new FrustrationTrainer.Example("s", "", "2", Set.of(), false),
        new FrustrationTrainer.Example("s", "", "3", Set.of(), true),
        new FrustrationTrainer.Example("other", "", "4", Set.of(), false));

    assertEquals(1.0, FrustrationTrainer.auc(examples, new double[] {0.9, 0.1, 0.8, 0.95}, "s"), 1e-12);
    assertEquals(0.0, FrustrationTrainer.auc(examples, new double[] {0.1, 0.9, 0.2, 0.0}, "s"), 1e-12);
    assertEquals(0.5, FrustrationTrainer.auc(examples, new double[] {0.5, 0.5, 0.5, 0.5}, "s"), 1e-12);
  }
}
