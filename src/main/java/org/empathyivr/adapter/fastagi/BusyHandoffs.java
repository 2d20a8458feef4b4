package org.empathyivr.adapter.fastagi;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.empathyivr.domain.port.HandoffStore;
import org.empathyivr.domain.summary.Handoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Stores busy handoffs after the caller has gone on to the queue, one at a time on a thread of its own: a store
 * slowed by the calls in progress (SQLite waits up to seconds for its lock) must not keep a caller who was promised a
 * human at once. At most {@value #MAX_PENDING} wait; a handoff beyond them is not stored, and said so at ERROR.
 * Thread-safe.
 */
public final class BusyHandoffs {
  private static final Logger log = LoggerFactory.getLogger(BusyHandoffs.class);
  static final int MAX_PENDING = 10_000;
  private static final long IDLE_THREAD_SECONDS = 5;

  private final HandoffStore store;
  private final ThreadPoolExecutor recorder;

  public BusyHandoffs(HandoffStore store) {
    if (store == null) throw new IllegalArgumentException("store == null");
    this.store = store;
    this.recorder =
        new ThreadPoolExecutor(1, 1, IDLE_THREAD_SECONDS, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_PENDING), task -> {
              Thread thread = new Thread(task, "busy-handoffs");
              thread.setDaemon(true);
              return thread;
            });
    recorder.allowCoreThreadTimeOut(true);
  }

  /** Has {@code handoff} stored soon, off the caller's way. */
  void record(Handoff handoff) {
    try {
      recorder.execute(() -> save(handoff));
    } catch (RejectedExecutionException e) {
      log.error("busy handoff {} not stored: {} busy handoffs already wait for the store", handoff.id(), MAX_PENDING);
    }
  }

  private void save(Handoff handoff) {
    MDC.put(SupportLineAgiScript.MDC_CALL, handoff.callId());
    try {
      store.save(handoff);
    } catch (HandoffStore.StoreFailure | RuntimeException e) {
      log.error("could not store the busy handoff {}: {}", handoff.id(), e.toString(), e);
    } finally {
      MDC.remove(SupportLineAgiScript.MDC_CALL);
    }
  }

  /**
   * Stores the busy handoffs still waiting, and takes no more; for a stop, after the calls have ended.
   *
   * @return whether they were all stored within {@code wait}
   */
  public boolean finish(Duration wait) throws InterruptedException {
    recorder.shutdown();
    return recorder.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
  }
}
