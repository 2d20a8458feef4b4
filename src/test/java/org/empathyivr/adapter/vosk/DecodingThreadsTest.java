package org.empathyivr.adapter.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecodingThreadsTest {
  @Test
  void decodesOnThreadsOfItsOwnAtALowerPriorityThanTheCallers() {
    try (DecodingThreads threads = new DecodingThreads(2)) {
      Optional<Integer> callers = DecodingThreads.currentNiceness();
      String name = threads.run(() -> Thread.currentThread().getName());
      Optional<Integer> decoding = threads.run(DecodingThreads::currentNiceness);

      assertTrue(name.startsWith("vosk-decoding-"), name);
      assertNotEquals(Thread.currentThread().getName(), name);
      assertEquals(Optional.of(0), callers, "the test runs at the normal priority");
      assertEquals(Optional.of(DecodingThreads.NICENESS), decoding);
      assertEquals(callers, DecodingThreads.currentNiceness(), "the caller's own priority is left alone");
    }
  }

  @Test
  void whatTheWorkThrowsReachesTheCaller() {
    IllegalStateException thrown = new IllegalStateException("vosk failed");
    try (DecodingThreads threads = new DecodingThreads(1)) {
      assertSame(thrown, assertThrows(IllegalStateException.class, () -> threads.run(() -> {
        throw thrown;
      })));
      assertEquals("still decoding", threads.run(() -> "still decoding"));
    }
  }

  @Test
  void anInterruptedCallerStillWaitsForTheWorkAndKeepsTheInterrupt() {
    try (DecodingThreads threads = new DecodingThreads(1)) {
      Thread.currentThread().interrupt();
      long[] finished = new long[1];
      threads.run(() -> {
        sleep(50);
        finished[0] = System.nanoTime();
        return null;
      });
      assertTrue(finished[0] > 0, "the work ended before run returned");
      assertTrue(Thread.interrupted(), "interrupt kept (and cleared here)");
      assertFalse(Thread.currentThread().isInterrupted());
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
