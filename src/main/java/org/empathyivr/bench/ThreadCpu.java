package org.empathyivr.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time this process spent during a round, by kind of thread (the name without its numbers: {@code
 * vosk-decoding-}, {@code freetts-ahead-}, {@code simulated-asterisk-}, ...), so a round shows where the CPU went:
 * the service's speech work, the simulated Asterisk's, and the JVM's own (garbage collection, the compiler: the
 * process's CPU time that no Java thread accounts for).
 *
 * <p>Threads are looked at every {@value #SAMPLE_MS} ms; a thread that ends between two looks loses what it spent
 * since the last one, which is counted in the JVM's own. Thread-safe.
 */
final class ThreadCpu implements AutoCloseable {
  static final long SAMPLE_MS = 200;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  /** By thread id: the kind and the CPU time when last looked at (or when the round began). */
  private final Map<Long, long[]> startCpu = new HashMap<>();
  private final Map<Long, long[]> lastCpu = new HashMap<>();
  private final Map<Long, String> kinds = new HashMap<>();
  private final long startProcessNanos;
  private final long startWallNanos = System.nanoTime();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "bench-thread-cpu");
    thread.setDaemon(true);
    return thread;
  });

  private ThreadCpu() {
    startProcessNanos = os.getProcessCpuTime();
    sample(true);
  }

  static ThreadCpu start() {
    ThreadCpu cpu = new ThreadCpu();
    cpu.sampler.scheduleAtFixedRate(() -> cpu.sample(false), SAMPLE_MS, SAMPLE_MS, TimeUnit.MILLISECONDS);
    return cpu;
  }

  private synchronized void sample(boolean first) {
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long cpu = threads.getThreadCpuTime(ids[i]);
      if (cpu < 0 || infos[i] == null) continue;
      kinds.putIfAbsent(ids[i], kind(infos[i].getThreadName()));
      if (first) startCpu.put(ids[i], new long[] {cpu});
      lastCpu.put(ids[i], new long[] {cpu});
    }
  }

  static String kind(String threadName) {
    String kind = threadName.replaceAll("[0-9]+", "#").replaceAll("(#[-.]?)+", "#");
    return kind.startsWith("recording ") ? "recording (following Asterisk's files)" : kind;
  }

  /** Stops looking and says, by kind of thread, the CPU seconds spent since {@link #start()}, most first. */
  synchronized Map<String, Double> stop() {
    sampler.shutdownNow();
    sample(false);
    Map<String, Double> seconds = new HashMap<>();
    long javaNanos = 0;
    for (Map.Entry<Long, long[]> e : lastCpu.entrySet()) {
      long[] start = startCpu.get(e.getKey());
      long spent = e.getValue()[0] - (start == null ? 0 : start[0]);
      javaNanos += spent;
      seconds.merge(kinds.get(e.getKey()), spent / 1e9, Double::sum);
    }
    seconds.put("JVM's own (GC, JIT) and threads that ended unseen",
        Math.max(0, os.getProcessCpuTime() - startProcessNanos - javaNanos) / 1e9);
    Map<String, Double> sorted = new LinkedHashMap<>();
    seconds.entrySet().stream().filter(e -> e.getValue() >= 0.05)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** The wall-clock seconds since {@link #start()}. */
  double wallSeconds() {
    return (System.nanoTime() - startWallNanos) / 1e9;
  }

  /**
   * Whether threads of this kind stand for what runs outside the service on a real line: the simulated Asterisk (its
   * own process on a real line) and the bench's own sampler.
   */
  static boolean outsideTheService(String kind) {
    return kind.startsWith("simulated-asterisk") || kind.startsWith("bench-");
  }

  static String describe(Map<String, Double> seconds, double wallSeconds, int calls) {
    double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    double service = seconds.entrySet().stream().filter(e -> !outsideTheService(e.getKey()))
        .mapToDouble(Map.Entry::getValue).sum();
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%.1f CPU s in %.1f s (%.2f cores busy), %.2f CPU s a call, of which the service's own %.2f (without the"
            + " simulated Asterisk and the bench):", total, wallSeconds, total / wallSeconds,
        total / Math.max(1, calls), service / Math.max(1, calls)));
    List<Map.Entry<String, Double>> entries = List.copyOf(seconds.entrySet());
    for (Map.Entry<String, Double> e : entries) {
      out.append(String.format(Locale.ROOT, " %s %.1f s (%.0f %%);", e.getKey(), e.getValue(),
          100 * e.getValue() / total));
    }
    return out.toString();
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
