package org.empathyivr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
  @Test
  void threadsOfOneKindShareANameWithoutTheirNumbers() {
    assertEquals("vosk-decoding-#", ThreadCpu.kind("vosk-decoding-3"));
    assertEquals("simulated-asterisk-#", ThreadCpu.kind("simulated-asterisk-12"));
    assertEquals("recording (following Asterisk's files)", ThreadCpu.kind("recording rec-4.wav"));
  }

  @Test
  void aCallsCpuIsGivenForTheWholeProcessAndForTheServiceAloneWithoutTheSimulatedAsterisk() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    seconds.put("vosk-decoding-#", 6.0);
    seconds.put("simulated-asterisk-#", 1.5);
    seconds.put("JVM's own (GC, JIT) and threads that ended unseen", 1.0);
    seconds.put("bench-thread-cpu", 0.5);

    String said = ThreadCpu.describe(seconds, 20, 10);

    assertTrue(said.startsWith("9.0 CPU s in 20.0 s (0.45 cores busy), 0.90 CPU s a call, of which the service's own"
        + " 0.70 (without the simulated Asterisk and the bench):"), said);
    assertTrue(said.contains(" vosk-decoding-# 6.0 s (67 %);"), said);
  }

  @Test
  void aBusyThreadsCpuIsCountedUnderItsKind() throws InterruptedException {
    ThreadCpu cpu = ThreadCpu.start();
    CountDownLatch spent = new CountDownLatch(1);
    CountDownLatch stop = new CountDownLatch(1);
    Thread busy = new Thread(() -> {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      while (threads.getCurrentThreadCpuTime() < 200_000_000L) Thread.onSpinWait();
      spent.countDown();
      try {
        stop.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "busy-spinner-1");
    busy.start();
    spent.await();
    Map<String, Double> seconds = cpu.stop(); // the spinner is still alive: its CPU time is read
    stop.countDown();
    busy.join();
    assertTrue(seconds.getOrDefault("busy-spinner-#", 0.0) >= 0.19, seconds.toString());
  }
}
