package org.empathyivr.domain.port;

import java.time.Instant;

/** The time, so tests can fix it. */
public interface Clock {
  Instant now();

  Clock SYSTEM = Instant::now;
}
