package org.empathyivr.adapter.webhook;

import java.time.Duration;

/**
 * How long to wait before trying a failed delivery again: {@code first}, then doubling, never more than {@code max}.
 * A receiver that was down for any length of time gets its deliveries at most {@code max} after it comes back.
 */
public record Backoff(Duration first, Duration max) {
  public Backoff {
    if (first.isNegative() || first.isZero()) throw new IllegalArgumentException("first <= 0: " + first);
    if (max.compareTo(first) < 0) throw new IllegalArgumentException("max < first: " + max + " < " + first);
  }

  /** The wait after the {@code failures}-th failed attempt (1 for the first). */
  public Duration after(int failures) {
    if (failures < 1) throw new IllegalArgumentException("failures < 1: " + failures);
    int doublings = Math.min(failures - 1, 62);
    long firstMs = first.toMillis();
    long ms = doublings >= Long.numberOfLeadingZeros(firstMs) - 1 ? Long.MAX_VALUE : firstMs << doublings;
    return ms >= max.toMillis() ? max : Duration.ofMillis(ms);
  }
}
