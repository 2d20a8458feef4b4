package org.empathyivr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;
import java.util.stream.Stream;
import org.empathyivr.adapter.vosk.NativeHeap;

/**
 * What this process holds, taken when no call is in progress: its threads (from {@code /proc/self/status}, native
 * ones included; the JVM's count where there is no /proc), its open file descriptors ({@code /proc/self/fd}; empty
 * where there is none), and its memory with the heap measured after a full collection. What the RSS is made of is
 * printed beside it: how much of the Java heap is resident, the JVM's memory outside the heap (metaspace, code cache),
 * and the C library's heap, where the speech recognizers live (in use, and freed but held).
 */
record Footprint(int threads, Optional<Integer> openFds, Memory memory, Optional<Long> javaHeapResidentKib,
    long jvmNonHeapCommittedBytes, Optional<NativeHeap.Usage> nativeHeap) {
  private static final Pattern HEAP_RANGE = Pattern.compile("\\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)");
  private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) .*");

  /**
   * Long enough for idle threads to end (the FastAGI server's pool keeps an idle thread 5 s, the busy-handoff recorder
   * as long), and for the speech adapter to hand the native memory of its last recognizers back to the system (it
   * does within a second of closing them).
   */
  private static final long SETTLE_MS = 6_000;

  /** Collects garbage, lets finished threads end and freed native memory go back, then measures. */
  static Footprint settled() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(SETTLE_MS / 3);
    }
    return new Footprint(processThreads(), processOpenFds(), Memory.now(), javaHeapResident(),
        ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getCommitted(),
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

  /**
   * How much of the Java heap's address range is resident ({@code /proc/self/smaps}, the range from the JVM's
   * {@code GC.heap_info}): G1 keeps the pages of regions it has used, so this is not the heap's committed size.
   */
  static Optional<Long> javaHeapResident() {
    try {
      String info = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcHeapInfo", new Object[] {null},
          new String[] {String[].class.getName()});
      Matcher range = HEAP_RANGE.matcher(info);
      if (!range.find()) return Optional.empty();
      long low = Long.parseUnsignedLong(range.group(1), 16);
      long high = Long.parseUnsignedLong(range.group(2), 16);
      long residentKib = 0;
      boolean inHeap = false;
      for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
        Matcher mapping = MAPPING.matcher(line);
        if (mapping.matches()) {
          inHeap = Long.parseUnsignedLong(mapping.group(1), 16) >= low
              && Long.parseUnsignedLong(mapping.group(2), 16) <= high;
        } else if (inHeap && line.startsWith("Rss:")) {
          residentKib += Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      return Optional.of(residentKib);
    } catch (IOException | JMException | RuntimeException e) {
      return Optional.empty(); // no /proc or no diagnostic commands: the figure is left out
    }
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
        + "; Java heap resident " + javaHeapResidentKib.map(k -> k / 1024 + " MiB").orElse("n/a")
        + ", JVM non-heap " + jvmNonHeapCommittedBytes / (1024 * 1024) + " MiB, "
        + nativeHeap.map(String::valueOf).orElse("malloc n/a");
  }
}
