package org.empathyivr.adapter.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

  @Test
  void doublesFromTheFirstWaitUpToTheCap() {
    assertEquals(Duration.ofSeconds(2), backoff.after(1));
    assertEquals(Duration.ofSeconds(4), backoff.after(2));
    assertEquals(Duration.ofSeconds(256), backoff.after(8));
    assertEquals(Duration.ofMinutes(5), backoff.after(9));
    assertEquals(Duration.ofMinutes(5), backoff.after(1_000_000));
  }

  @Test
  void aReceiverDownForAnHourIsTriedEveryFiveMinutesAtWorst() {
    Duration waited = Duration.ZERO;
    int attempts = 0;
    Duration longestWait = Duration.ZERO;
    while (waited.compareTo(Duration.ofHours(1)) < 0) {
      Duration wait = backoff.after(++attempts);
      longestWait = wait.compareTo(longestWait) > 0 ? wait : longestWait;
      waited = waited.plus(wait);
    }

    // 2 + 4 + … + 256 s = 510 s, then every 300 s: 19 attempts in the hour, and the next within 5 minutes of recovery.
    assertEquals(19, attempts);
    assertTrue(longestWait.compareTo(Duration.ofMinutes(5)) <= 0, longestWait.toString());
  }

  @Test
  void refusesAWaitOfNothingOrACapBelowIt() {
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> backoff.after(0));
  }
}
