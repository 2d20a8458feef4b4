package org.empathyivr.adapter.timing;

/**
 * Where the adapters report the service's share of one turn: from Asterisk's reply to {@code RECORD FILE} (the
 * caller's recording ended) to the reply's first {@code STREAM FILE} being sent, split into the phases they time on
 * the call's thread. The composition root passes the same one to every adapter; the service's is {@link #NONE}.
 *
 * <p>A turn belongs to the thread that began it (a call is served by one thread): an implementation counts a phase
 * only in the turn of the thread that reports it. The phases do not overlap, except that {@link Phase#LAST_AUDIO}
 * includes the decoding of that audio, and {@link Phase#DECODE_CPU} is part of the decoding phases. Called from the
 * calls' threads, concurrently: an implementation is thread-safe and quick.
 */
public interface TurnTiming {
  /** Times nothing: {@link #timing()} is always false, and the rest do nothing. */
  TurnTiming NONE = new TurnTiming() {
    @Override
    public void begin() {}

    @Override
    public boolean timing() {
      return false;
    }

    @Override
    public void add(Phase phase, long nanos) {}

    @Override
    public void end() {}

    @Override
    public void drop() {}
  };

  /** A part of a turn, timed where it happens. */
  enum Phase {
    /** The audio Asterisk wrote after the service last looked, read and handed to the recognizers. */
    LAST_AUDIO,
    /** The recognizer is busy with a frame fed in the background (at the lower priority) and must finish it first. */
    BACKGROUND_FRAME,
    /** A recognizer stream that had no recognizer while the caller spoke waits for one. */
    RECOGNIZER_WAIT,
    /** Audio that arrived without a recognizer, or was not decoded yet, decoded once the recording ended. */
    BACKLOG_DECODE,
    /** The recognizer's final result. */
    FINAL_RESULT,
    /** Of the decoding in the phases above, the CPU time it took (the rest of its time was waiting for a CPU). */
    DECODE_CPU,
    /** Recognizers freed (a stream finished, or closed unfinished: the answer was clear from the other one). */
    RECOGNIZER_CLOSE,
    /** The first part of the reply is synthesized (or waited for: it may be synthesized ahead). */
    SYNTHESIS,
    /** The prompt's audio written as a file Asterisk can play. */
    PROMPT_FILE
  }

  /** The caller's recording ended now: a turn begins on this thread. */
  void begin();

  /**
   * Whether a turn is being timed on this thread; an adapter asks before a measurement that costs more than reading
   * the clock (a thread's CPU time).
   */
  boolean timing();

  /** Adds {@code nanos} to {@code phase} of this thread's turn, if one is being timed. */
  void add(Phase phase, long nanos);

  /** The reply is about to be sent: this thread's turn, if one is being timed, ends. */
  void end();

  /** Forgets this thread's turn without ending it (the call ended without a reply). */
  void drop();
}
