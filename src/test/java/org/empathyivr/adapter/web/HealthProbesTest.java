package org.empathyivr.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HealthProbesTest {
  private final AtomicInteger storeProbes = new AtomicInteger();

  private Map<String, HealthProbes.Probe> probes() {
    Map<String, HealthProbes.Probe> probes = new LinkedHashMap<>();
    probes.put("model", () -> {});
    probes.put("store", () -> {
      storeProbes.incrementAndGet();
      throw new IOException("database is locked");
    });
    return probes;
  }

  @Test
  void namesEachPartInOrderWithWhatIsWrongWithIt() {
    Map<String, Optional<String>> checks = new HealthProbes(probes(), Duration.ZERO).check();

    assertEquals(List.of("model", "store"), List.copyOf(checks.keySet()));
    assertEquals(Optional.empty(), checks.get("model"));
    assertEquals(Optional.of("database is locked"), checks.get("store"));
  }

  @Test
  void probesOnceAWindowHoweverOftenItIsAsked() {
    HealthProbes health = new HealthProbes(probes(), Duration.ofHours(1));
    health.check();
    health.check();
    assertEquals(1, storeProbes.get());
  }

  @Test
  void probesEveryTimeWithoutAWindow() {
    HealthProbes health = new HealthProbes(probes(), Duration.ZERO);
    health.check();
    health.check();
    assertEquals(2, storeProbes.get());
  }
}
