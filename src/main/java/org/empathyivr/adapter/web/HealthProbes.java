package org.empathyivr.adapter.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The health of the parts the composition root names, each found by a probe that throws when its part is unwell; the
 * answer is kept for {@code cacheFor}, so frequent health checks cost no more than one probe of each part that often.
 * Thread-safe.
 */
public final class HealthProbes implements AgentWebServer.Health {
  /** Tries a part once; throws, with a message that says what is wrong, when it does not work. */
  public interface Probe {
    void run() throws Exception;
  }

  private final Map<String, Probe> probes;
  private final long cacheForMs;
  private long checkedAt = Long.MIN_VALUE;
  private Map<String, Optional<String>> last;

  /** @param probes part name to its probe, in the order {@code /health} lists them */
  public HealthProbes(Map<String, Probe> probes, Duration cacheFor) {
    if (cacheFor.isNegative()) throw new IllegalArgumentException("cacheFor < 0: " + cacheFor);
    this.probes = new LinkedHashMap<>(probes);
    this.cacheForMs = cacheFor.toMillis();
  }

  @Override
  public synchronized Map<String, Optional<String>> check() {
    long now = System.currentTimeMillis();
    if (last != null && now - checkedAt < cacheForMs) return last;
    Map<String, Optional<String>> checks = new LinkedHashMap<>();
    probes.forEach((part, probe) -> checks.put(part, problem(probe)));
    last = checks;
    checkedAt = now;
    return checks;
  }

  private static Optional<String> problem(Probe probe) {
    try {
      probe.run();
      return Optional.empty();
    } catch (Exception e) {
      return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }
}
