package org.empathyivr.adapter.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.empathyivr.adapter.storage.FallbackHandoffStore;
import org.empathyivr.config.Settings;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechToText;

/**
 * What the agent page serves from, as the composition root wires it: new handoffs as they are stored, the metrics, the
 * store (for lists, search and health) and the shared recognition model (for health).
 */
public record AgentPage(LiveHandoffs live, ServiceMetrics metrics, FallbackHandoffStore store, SpeechToText model) {
  /** One probe a few seconds is plenty for a health check, and keeps probes from taking recognizers from calls. */
  static final long HEALTH_CACHE_MS = 5_000;

  /** Serves the agent page, its API, metrics and health on the configured address, behind {@code token}. */
  public AgentWebServer start(Settings.Web settings, String token) throws IOException {
    HandoffQueries queries = new HandoffQueries(store, java.time.Clock.systemDefaultZone());
    AgentWebServer.Health health = new AgentWebServer.Health() {
      private long checkedAt = Long.MIN_VALUE;
      private Map<String, Optional<String>> last;

      @Override
      public synchronized Map<String, Optional<String>> check() {
        long now = System.currentTimeMillis();
        if (last != null && now - checkedAt < HEALTH_CACHE_MS) return last;
        Map<String, Optional<String>> checks = new LinkedHashMap<>();
        checks.put("model", problem(() -> model.transcribe(Audio.silence(Audio.TELEPHONY_RATE_HZ, 100))));
        checks.put("store", problem(store::checkDatabase));
        last = checks;
        checkedAt = now;
        return checks;
      }
    };
    return AgentWebServer.start(
        new InetSocketAddress(settings.bindAddress(), settings.port()), token, queries, live, metrics, health);
  }

  private interface Probe {
    void run() throws Exception;
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
