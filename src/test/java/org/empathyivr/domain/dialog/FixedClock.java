package org.empathyivr.domain.dialog;

import java.time.Duration;
import java.time.Instant;
import org.empathyivr.domain.port.Clock;

/** A clock that moves one second each time it is read, so durations are predictable. */
final class FixedClock implements Clock {
  private Instant now = Instant.parse("2026-11-23T10:00:00Z");

  @Override
  public Instant now() {
    Instant current = now;
    now = now.plus(Duration.ofSeconds(1));
    return current;
  }
}
