package org.empathyivr.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.empathyivr.simulate.CallerTurn;
import org.empathyivr.simulate.SessionResult;
import org.empathyivr.simulate.SimulatedAsterisk;

/**
 * Extra callers for a line that is full: every {@link #EVERY_MS} ms, while {@code lineFull} says every line is taken
 * (the service's own count of conversations),
 * one more call is placed, and the time from connecting to the service closing the connection is measured, as
 * Asterisk waits for it. Such a caller must be turned away at once ({@code HANDOFF_REASON=busy}). When a line had come
 * free after all (a call ending as the extra one arrived), the caller hangs up at the greeting and the call is counted
 * apart, not measured. Calls have ids of their own ({@value #ID_SECONDS}.N), so their handoffs can be told apart.
 *
 * <p>Runs on a thread of its own from {@link #start()} to {@link #stop()}.
 */
final class BusyCallers {
  static final long EVERY_MS = 200;
  /** The target: a busy caller is on the way to a human within this, at the 99th percentile. */
  static final long P99_TARGET_MS = 100;
  /** The seconds part of these callers' Asterisk unique ids. */
  static final String ID_SECONDS = "1000000000";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final int port;
  private final BooleanSupplier lineFull;
  private final AtomicLong sequence = new AtomicLong();
  private final List<Long> busyMs = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private int foundFreeLine;
  private volatile boolean stopping;
  private Thread thread;

  BusyCallers(int port, BooleanSupplier lineFull) {
    this.port = port;
    this.lineFull = lineFull;
  }

  void start() {
    thread = new Thread(this::placeWhileFull, "busy-callers");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() throws InterruptedException {
    stopping = true;
    thread.join();
  }

  private void placeWhileFull() {
    while (!stopping) {
      long started = System.nanoTime();
      if (lineFull.getAsBoolean()) placeOne();
      long waitMs = EVERY_MS - (System.nanoTime() - started) / 1_000_000;
      try {
        if (waitMs > 0) Thread.sleep(waitMs);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void placeOne() {
    String id = ID_SECONDS + "." + sequence.incrementAndGet();
    long started = System.nanoTime();
    try {
      SessionResult result = SimulatedAsterisk.connectingTo("127.0.0.1", port)
          .uniqueId(id)
          .callerId("5551234", "Maria Lopez")
          .hangUpWhenServiceSilentFor(PATIENCE)
          .giveUpAfter(PATIENCE)
          .build()
          .call(List.of(CallerTurn.parse("hangup")));
      long ms = (System.nanoTime() - started) / 1_000_000;
      String reason = result.variable("HANDOFF_REASON").orElse("unset");
      synchronized (this) {
        if (reason.equals("busy")) {
          busyMs.add(ms);
        } else if (reason.equals("caller-hung-up")) {
          foundFreeLine++;
        } else {
          failures.add("busy caller " + id + ": handoff reason " + reason);
        }
      }
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        failures.add("busy caller " + id + ": " + e);
      }
    }
  }

  synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  synchronized int busyCalls() {
    return busyMs.size();
  }

  synchronized long p99Ms() {
    return busyMs.isEmpty() ? 0 : Percentiles.rank(busyMs, 0.99);
  }

  /** Whether the p99 met the target; true when no busy call was measured (nothing to judge). */
  synchronized boolean metTarget() {
    return busyMs.isEmpty() || p99Ms() <= P99_TARGET_MS;
  }

  @Override
  public synchronized String toString() {
    if (busyMs.isEmpty()) return "busy handoff: 0 calls (the line was never full)";
    return String.format(Locale.ROOT, "busy handoff: %d calls, p50 %d ms, p99 %d ms, max %d ms (target p99 <= %d ms:"
            + " %s); %d more found a line just freed and hung up at the greeting; %d errors",
        busyMs.size(), Percentiles.rank(busyMs, 0.5), p99Ms(), java.util.Collections.max(busyMs), P99_TARGET_MS,
        metTarget() ? "met" : "MISSED", foundFreeLine, failures.size());
  }
}
