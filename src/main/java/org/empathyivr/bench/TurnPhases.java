package org.empathyivr.bench;

import java.util.Arrays;
import java.util.function.Consumer;
import org.empathyivr.adapter.timing.TurnTiming;

/**
 * The benchmark's {@link TurnTiming}: each thread's turn is kept on that thread, and sent as a {@link Turn} to the
 * listener when it ends. Nothing is timed while no listener is set ({@link #listen}), so turns outside a measured
 * round pay nothing.
 */
final class TurnPhases implements TurnTiming {
  /**
   * One turn's figures.
   *
   * @param totalNanos the reply to {@code RECORD FILE} read, to {@code STREAM FILE} about to be sent
   * @param phaseNanos by {@link Phase#ordinal()}
   */
  record Turn(long totalNanos, long[] phaseNanos) {
    long nanos(Phase phase) {
      return phaseNanos[phase.ordinal()];
    }

    /** What no phase covers: the conversation's own work (scoring, reflection), and the waits between the phases. */
    long restNanos() {
      long timed = 0;
      for (Phase p : Phase.values()) if (p != Phase.DECODE_CPU) timed += phaseNanos[p.ordinal()];
      return totalNanos - timed;
    }
  }

  private final ThreadLocal<long[]> current = new ThreadLocal<>();
  private volatile Consumer<Turn> listener;

  /** Sends every turn ended from now on to {@code turns} (called on the calls' threads); null to stop timing. */
  void listen(Consumer<Turn> turns) {
    listener = turns;
  }

  @Override
  public void begin() {
    if (listener == null) return;
    long[] turn = new long[Phase.values().length + 1];
    turn[turn.length - 1] = System.nanoTime();
    current.set(turn);
  }

  @Override
  public boolean timing() {
    return current.get() != null;
  }

  @Override
  public void add(Phase phase, long nanos) {
    long[] turn = current.get();
    if (turn != null) turn[phase.ordinal()] += nanos;
  }

  @Override
  public void end() {
    long[] turn = current.get();
    if (turn == null) return;
    current.remove();
    Consumer<Turn> to = listener;
    long total = System.nanoTime() - turn[turn.length - 1];
    if (to != null) to.accept(new Turn(total, Arrays.copyOf(turn, Phase.values().length)));
  }

  @Override
  public void drop() {
    current.remove();
  }
}
