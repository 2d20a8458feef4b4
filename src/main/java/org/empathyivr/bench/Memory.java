package org.empathyivr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This process's memory: resident set and its peak from {@code /proc/self/status} (empty where there is none), and
 * the Java heap in use and committed.
 */
record Memory(Optional<Long> rssKib, Optional<Long> peakRssKib, long heapUsedBytes, long heapCommittedBytes) {
  private static final long MIB = 1024 * 1024;

  static Memory now() {
    Runtime runtime = Runtime.getRuntime();
    return new Memory(status("VmRSS"), status("VmHWM"), runtime.totalMemory() - runtime.freeMemory(),
        runtime.totalMemory());
  }

  /** A figure in kiB from /proc/self/status. */
  private static Optional<Long> status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
      }
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "RSS " + rssKib.map(k -> k / 1024 + " MiB").orElse("n/a") + " (peak "
        + peakRssKib.map(k -> k / 1024 + " MiB").orElse("n/a") + "), heap " + heapUsedBytes / MIB + " MiB used of "
        + heapCommittedBytes / MIB + " MiB committed (max " + Runtime.getRuntime().maxMemory() / MIB + " MiB)";
  }
}
