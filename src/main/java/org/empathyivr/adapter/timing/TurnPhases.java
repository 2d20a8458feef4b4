package org.empathyivr.adapter.timing;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Where the service's share of one turn goes: from Asterisk's reply to {@code RECORD FILE} (the caller's recording
 * ended) to the reply's first {@code STREAM FILE} being sent, split into the phases the adapters time on the call's
 * thread. For the benchmark: nothing is timed unless a listener is set ({@link #listen}), so calls pay nothing.
 *
 * <p>A turn belongs to the thread that began it (a call is served by one thread); phases timed on another thread, or
 * outside a turn, are not counted. The phases do not overlap, except that {@link Phase#LAST_AUDIO} includes the
 * decoding of that audio; what no phase covers (the conversation's own work: scoring, reflection) is the rest of the
 * total.
 */
public final class TurnPhases {
  /** A part of a turn, timed where it happens. */
  public enum Phase {
    /** The audio Asterisk wrote after the service last looked, read and handed to the recognizers. */
    LAST_AUDIO("last audio read and passed on"),
    /** The recognizer is busy with a frame fed in the background (at the lower priority) and must finish it first. */
    BACKGROUND_FRAME("waiting for the frame decoded in the background"),
    /** A recognizer stream that had no recognizer while the caller spoke waits for one. */
    RECOGNIZER_WAIT("waiting for a recognizer"),
    /** Audio that arrived without a recognizer, or was not decoded yet, decoded once the recording ended. */
    BACKLOG_DECODE("decoding audio left over"),
    /** The recognizer's final result. */
    FINAL_RESULT("final result"),
    /** Of the decoding in the phases above, the CPU time it took (the rest of its time was waiting for a CPU). */
    DECODE_CPU("  of which decoding CPU"),
    /** Recognizers freed (a stream finished, or closed unfinished: the answer was clear from the other one). */
    RECOGNIZER_CLOSE("freeing recognizers"),
    /** The first part of the reply is synthesized (or waited for: it may be synthesized ahead). */
    SYNTHESIS("synthesis of the first part"),
    /** The prompt's audio written as a file Asterisk can play. */
    PROMPT_FILE("writing the prompt file");

    private final String label;

    Phase(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One turn's figures.
   *
   * @param totalNanos the reply to {@code RECORD FILE} read, to {@code STREAM FILE} about to be sent
   * @param phaseNanos by {@link Phase#ordinal()}
   */
  public record Turn(long totalNanos, long[] phaseNanos) {
    public long nanos(Phase phase) {
      return phaseNanos[phase.ordinal()];
    }

    /** What no phase covers: the conversation's own work, and the waits between the phases. */
    public long restNanos() {
      long timed = 0;
      for (Phase p : Phase.values()) if (p != Phase.DECODE_CPU) timed += phaseNanos[p.ordinal()];
      return totalNanos - timed;
    }
  }

  private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();
  private static volatile Consumer<Turn> listener;

  private TurnPhases() {}

  /** Sends every turn ended from now on to {@code turns} (called on the calls' threads); null to stop timing. */
  public static void listen(Consumer<Turn> turns) {
    listener = turns;
  }

  /** The caller's recording ended now: a turn begins on this thread. */
  public static void begin() {
    if (listener == null) return;
    long[] turn = new long[Phase.values().length + 1];
    turn[turn.length - 1] = System.nanoTime();
    CURRENT.set(turn);
  }

  /** Whether a turn is being timed on this thread. */
  public static boolean timing() {
    return CURRENT.get() != null;
  }

  /** Adds {@code nanos} to {@code phase} of this thread's turn, if one is being timed. */
  public static void add(Phase phase, long nanos) {
    long[] turn = CURRENT.get();
    if (turn != null) turn[phase.ordinal()] += nanos;
  }

  /** The reply is about to be sent: ends this thread's turn, if one is being timed, and reports it. */
  public static void end() {
    long[] turn = CURRENT.get();
    if (turn == null) return;
    CURRENT.remove();
    Consumer<Turn> to = listener;
    long total = System.nanoTime() - turn[turn.length - 1];
    if (to != null) to.accept(new Turn(total, Arrays.copyOf(turn, Phase.values().length)));
  }

  /** Forgets this thread's turn without reporting it (the call ended without a reply). */
  public static void drop() {
    CURRENT.remove();
  }
}
