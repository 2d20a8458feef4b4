package org.empathyivr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval-stt} run from the packaged jar on the caller fixtures, with their text from make-callers.sh. */
class SpeechEvaluationIT {
  private static final Path CALLERS = Path.of("src/test/resources/callers");
  /** {@code say FILE VOICE WORDS-A-MINUTE "TEXT" [RATE]} in make-callers.sh. */
  private static final Pattern SAY = Pattern.compile("^say\\s+(\\S+\\.wav)\\s+\\S+\\s+\\d+\\s+\"([^\"]+)\"",
      Pattern.MULTILINE);
  private static final Pattern LAST_LINE = Pattern.compile("WER (\\d\\.\\d{4}) RTF (\\d+\\.\\d{4}) n (\\d+)");

  @TempDir Path dir;

  @Test
  void printsWordErrorRateAndRealTimeFactorOnItsLastLine() throws Exception {
    String jar = System.getProperty("empathyivr.jar");
    assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "no packaged jar (mvn verify builds it): " + jar);
    Path manifest = dir.resolve("MANIFEST.tsv");
    List<String> lines = new ArrayList<>();
    Matcher say = SAY.matcher(Files.readString(CALLERS.resolve("make-callers.sh")));
    while (say.find()) lines.add(CALLERS.resolve(say.group(1)).toAbsolutePath() + "\t" + say.group(2));
    assertEquals(13, lines.size(), "say lines in make-callers.sh");
    Files.write(manifest, lines);

    Process p =
        new ProcessBuilder("java", "-jar", jar, "eval-stt", manifest.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    if (!ended) p.destroyForcibly();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.print(output);

    assertTrue(ended, "still running after 120 s: " + output);
    assertEquals(0, p.exitValue(), output);
    String[] outputLines = output.strip().split("\n");
    Matcher last = LAST_LINE.matcher(outputLines[outputLines.length - 1]);
    assertTrue(last.matches(), "last line: " + outputLines[outputLines.length - 1]);
    assertEquals("13", last.group(3));
    // espeak's voices are harder for the model than people are: 0.25 when this test was written (billing.wav is
    // heard as "i'd been charged wife for my they'll need money").
    assertTrue(Double.parseDouble(last.group(1)) <= 0.4, "WER " + last.group(1));
    assertTrue(Double.parseDouble(last.group(2)) > 0, "RTF " + last.group(2));
  }
}
