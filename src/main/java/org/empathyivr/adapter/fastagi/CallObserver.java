package org.empathyivr.adapter.fastagi;

import java.time.Duration;
import java.util.List;
import org.empathyivr.domain.summary.Handoff;

/**
 * What the support line reports about its calls, for metrics. Called from the calls' threads, concurrently: an
 * implementation is thread-safe and quick. Every method does nothing by default.
 */
public interface CallObserver {
  CallObserver NONE = new CallObserver() {};

  /** A call began to be served. */
  default void callStarted() {}

  /** The call was handed off; {@code problems} are what went wrong on the way (the caller still reached a human). */
  default void handedOff(Handoff handoff, List<Exception> problems) {}

  /** The call's service ended, however it ended. */
  default void callEnded() {}

  /** From the end of the caller's turn to the start of the assistant's next prompt. */
  default void turnTime(Duration time) {}

  /** Something failed that the call survived; {@code kind} names it ("whisper"). */
  default void error(String kind) {}
}
