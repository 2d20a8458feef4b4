package org.empathyivr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.empathyivr.simulate.CallCorpus;
import org.empathyivr.simulate.EvalCallsCommand;
import org.empathyivr.simulate.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every call of {@code calls/corpus.tsv} through the whole line (real Vosk, FreeTTS, the simulated Asterisk), as
 * {@code eval-calls} places them: callers in twelve voices the dialog was not written for, confirming, correcting,
 * denying, asking for a person, staying silent, hanging up, rambling, reading card numbers, getting angry, worrying.
 * At least 95 % must end with the expected handoff reason and a summary that says what the caller said.
 */
class CallCorpusIT {
  private static final double MIN_RIGHT = 0.95;
  /** Two calls at a time: the line's turn times stay as on a quiet machine, and the corpus runs in a few minutes. */
  private static final int CONCURRENT = 2;

  @TempDir static Path root;

  @Test
  void atLeastNinetyFivePercentOfTheCorpusEndsAsExpected() throws Exception {
    CallCorpus corpus = CallCorpus.read(Path.of(CallCorpusIT.class.getResource("/calls/corpus.tsv").toURI()));
    List<Verdict> verdicts;
    try (RunningSupportLine line = RunningSupportLine.start(root, "")) {
      verdicts = EvalCallsCommand.evaluate(corpus, "127.0.0.1", line.port, CONCURRENT, false, v -> {
        if (!v.right()) System.out.println("call corpus: " + v.line());
      });
    }
    String tally = EvalCallsCommand.tally(verdicts);
    System.out.println("call corpus: " + tally);
    long right = verdicts.stream().filter(Verdict::right).count();
    assertTrue(right >= Math.ceil(MIN_RIGHT * verdicts.size()), tally + ", want at least 95 %");
  }
}
