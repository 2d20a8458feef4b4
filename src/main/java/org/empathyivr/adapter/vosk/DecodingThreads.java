package org.empathyivr.adapter.vosk;

import com.sun.jna.Function;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads Vosk decodes on, at a lower CPU priority than the rest of the service (Linux nice {@value #NICENESS}):
 * when calls decoding speech keep the CPU busy, the work that answers Asterisk (a busy caller turned away, the next
 * command of a call) still runs at once. A caller's thread hands the work over and waits for it, so a recognizer is
 * used by one thread at a time, as before.
 *
 * <p>Linux lets a thread lower its own priority but not raise it again, which is why decoding has threads of its own
 * rather than lowering the calls' threads for a while. Where the priority cannot be lowered (no Linux, or a syscall
 * filter), decoding runs at the normal priority and that is logged once.
 */
final class DecodingThreads implements AutoCloseable {
  /** Weight 110 against the normal 1024: about a tenth of a normal thread's share of a busy CPU. */
  static final int NICENESS = 10;

  private static final Logger log = LoggerFactory.getLogger(DecodingThreads.class);
  private static final int PRIO_PROCESS = 0;
  private static final Optional<Function> SETPRIORITY = NativeHeap.lookUp("setpriority");
  private static final Optional<Function> GETTID = NativeHeap.lookUp("gettid");
  private static final AtomicInteger WARNINGS = new AtomicInteger();

  private final ExecutorService threads;

  /** @param count how many threads: as many as recognizers may be alive at once, so none waits for another's */
  DecodingThreads(int count) {
    if (count < 1) throw new IllegalArgumentException("count < 1: " + count);
    AtomicInteger numbers = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(count, task -> {
      Thread thread = new Thread(() -> {
        lowerPriority();
        task.run();
      }, "vosk-decoding-" + numbers.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Runs {@code work} on a decoding thread and waits for it, also when interrupted (the work uses a recognizer the
   * caller frees afterwards); the interrupt is kept for the caller.
   *
   * @throws RuntimeException what {@code work} threw
   */
  <T> T run(Supplier<T> work) {
    Future<T> result = threads.submit(work::get);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return result.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) throw r;
          if (e.getCause() instanceof Error error) throw error;
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs {@code work} on a decoding thread without waiting for it; {@code work} handles its own failures (one that
   * escapes is logged).
   */
  void execute(Runnable work) {
    threads.execute(() -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        log.error("Speech decoding failed in the background", e);
      }
    });
  }

  /** The calling thread's niceness; for tests. */
  static Optional<Integer> currentNiceness() {
    Optional<Function> getpriority = NativeHeap.lookUp("getpriority");
    if (getpriority.isEmpty() || GETTID.isEmpty()) return Optional.empty();
    int tid = GETTID.get().invokeInt(new Object[0]);
    return Optional.of(getpriority.get().invokeInt(new Object[] {PRIO_PROCESS, tid}));
  }

  private static void lowerPriority() {
    boolean lowered = SETPRIORITY.isPresent() && GETTID.isPresent()
        && SETPRIORITY.get().invokeInt(new Object[] {PRIO_PROCESS, GETTID.get().invokeInt(new Object[0]), NICENESS}) == 0;
    if (!lowered && WARNINGS.getAndIncrement() == 0) {
      log.warn("Could not lower the priority of the speech decoding threads (setpriority); they run at the normal"
          + " priority, and callers turned away as busy may wait longer on a busy machine");
    }
  }

  /** Lets the work handed over finish on its threads, then ends them. */
  @Override
  public void close() {
    threads.shutdown();
  }
}
