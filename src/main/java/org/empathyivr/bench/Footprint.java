package org.empathyivr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.empathyivr.adapter.vosk.NativeHeap;

/**
 * What this process holds, taken when no call is in progress: its threads (from {@code /proc/self/status}, native
 * ones included; the JVM's count where there is no /proc), its open file descriptors ({@code /proc/self/fd}; empty
 * where there is none), and its memory with the heap measured after a full collection. What the RSS is made of is
 * printed beside it: the JVM's memory outside the heap (metaspace, code cache), and the C library's heap, where the
 * speech recognizers live (in use, and freed but held).
 */
record Footprint(int threads, Optional<Integer> openFds, Memory memory, long jvmNonHeapCommittedBytes,
    Optional<NativeHeap.Usage> nativeHeap) {
  /**
   * Long enough for finished threads to end, and for the speech adapter to hand the native memory of its last
   * recognizers back to the system (it does within a second of closing them).
   */
  private static final long SETTLE_MS = 2_000;

  /** Collects garbage, lets finished threads end and freed native memory go back, then measures. */
  static Footprint settled() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(SETTLE_MS / 3);
    }
    return new Footprint(processThreads(), processOpenFds(), Memory.now(),
        java.lang.management.ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getCommitted(),
        NativeHeap.usage());
  }

  private static int processThreads() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Threads:")) return Integer.parseInt(line.substring(8).strip());
      }
    } catch (IOException | NumberFormatException e) {
      // No /proc: the JVM's own count below.
    }
    return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
  }

  private static Optional<Integer> processOpenFds() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return Optional.of((int) fds.count());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  long heapUsedMib() {
    return memory.heapUsedBytes() / (1024 * 1024);
  }

  Optional<Long> rssMib() {
    return memory.rssKib().map(k -> k / 1024);
  }

  @Override
  public String toString() {
    return "threads " + threads + ", open fds " + openFds.map(String::valueOf).orElse("n/a") + ", " + memory
        + "; JVM non-heap " + jvmNonHeapCommittedBytes / (1024 * 1024) + " MiB, "
        + nativeHeap.map(String::valueOf).orElse("malloc n/a");
  }
}
