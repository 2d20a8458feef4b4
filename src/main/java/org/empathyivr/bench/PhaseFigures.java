package org.empathyivr.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.empathyivr.adapter.timing.TurnTiming.Phase;
import org.empathyivr.bench.TurnPhases.Turn;

/**
 * The service's turns of one round split into their phases ({@link TurnPhases}): p50 and p95 of each phase over every
 * turn, and the mean of each over the slowest twentieth of the turns, which is where the p95 goes. Collects while
 * {@link #listening}; thread-safe.
 */
final class PhaseFigures implements AutoCloseable {
  private final TurnPhases phases;
  private final List<Turn> turns = new ArrayList<>();

  private PhaseFigures(TurnPhases phases) {
    this.phases = phases;
  }

  /** Collects the turns {@code phases} reports until closed. */
  static PhaseFigures listening(TurnPhases phases) {
    PhaseFigures figures = new PhaseFigures(phases);
    phases.listen(figures::add);
    return figures;
  }

  private synchronized void add(Turn turn) {
    turns.add(turn);
  }

  synchronized List<Turn> turns() {
    return List.copyOf(turns);
  }

  @Override
  public void close() {
    phases.listen(null);
  }

  /** Prints the table; {@code turnTimesMs} are the same turns as the simulated Asterisk saw them. */
  static void print(List<Turn> turns, List<Long> turnTimesMs, PrintStream out) {
    if (turns.isEmpty()) return;
    List<Turn> slowest = turns.stream().sorted(Comparator.comparingLong(Turn::totalNanos).reversed())
        .limit(Math.max(1, turns.size() / 20)).toList();
    out.printf("BENCH   where the service's turn time goes (%d turns, every call of the round; ms): phase: p50 / p95"
        + " / mean of the slowest %d turns%n", turns.size(), slowest.size());
    row(out, "service total (RECORD FILE reply read -> STREAM FILE sent)", turns, slowest, Turn::totalNanos);
    for (Phase phase : Phase.values()) row(out, label(phase), turns, slowest, t -> t.nanos(phase));
    row(out, "the rest (the conversation's own work: scoring, reflection)", turns, slowest, Turn::restNanos);
    if (!turnTimesMs.isEmpty()) {
      out.printf(Locale.ROOT, "BENCH     as Asterisk saw it (reply sent -> command read; the difference is the AGI"
          + " round trip): p50 %d / p95 %d%n", Percentiles.rank(turnTimesMs, 0.5), Percentiles.p95(turnTimesMs));
    }
  }

  private static String label(Phase phase) {
    return switch (phase) {
      case LAST_AUDIO -> "last audio read and passed on";
      case BACKGROUND_FRAME -> "waiting for the frame decoded in the background";
      case RECOGNIZER_WAIT -> "waiting for a recognizer";
      case BACKLOG_DECODE -> "decoding audio left over";
      case FINAL_RESULT -> "final result";
      case DECODE_CPU -> "  of which decoding CPU";
      case RECOGNIZER_CLOSE -> "freeing recognizers";
      case SYNTHESIS -> "synthesis of the first part";
      case PROMPT_FILE -> "writing the prompt file";
    };
  }

  private static void row(PrintStream out, String label, List<Turn> all, List<Turn> slowest, ToLongFunction<Turn> ms) {
    List<Long> values = all.stream().map(t -> ms.applyAsLong(t)).toList();
    double slowMean = slowest.stream().mapToLong(ms).average().orElse(0) / 1e6;
    out.printf(Locale.ROOT, "BENCH     %-62s %7.1f / %7.1f / %7.1f%n", label + ":", Percentiles.rank(values, 0.5) / 1e6,
        Percentiles.p95(values) / 1e6, slowMean);
  }
}
