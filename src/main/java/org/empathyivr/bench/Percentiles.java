package org.empathyivr.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** p50, p95 and the worst of a list of milliseconds, by nearest rank. */
final class Percentiles {
  private Percentiles() {}

  static String of(List<Long> ms) {
    if (ms.isEmpty()) return "none";
    return "p50 " + rank(ms, 0.50) + " ms, p95 " + p95(ms) + " ms, max " + Collections.max(ms) + " ms";
  }

  static long p50(List<Long> ms) {
    return rank(ms, 0.50);
  }

  static long p95(List<Long> ms) {
    return rank(ms, 0.95);
  }

  static long rank(List<Long> ms, double fraction) {
    if (ms.isEmpty()) throw new IllegalArgumentException("no values");
    List<Long> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    return sorted.get(Math.max(0, (int) Math.ceil(fraction * sorted.size()) - 1));
  }
}
