package org.empathyivr.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsRegistryTest {
  @Test
  void rendersCountersGaugesAndHistogramsAsPrometheusText() {
    MetricsRegistry registry = new MetricsRegistry();
    MetricsRegistry.Gauge inProgress = registry.gauge("empathyivr_calls_in_progress", "Calls being served now");
    MetricsRegistry.Counter handoffs = registry.counter("empathyivr_handoffs_total", "Handoffs by reason", "reason");
    MetricsRegistry.Histogram turns = registry.histogram("empathyivr_turn_seconds", "Turn time", 0.5, 1, 2.5);
    inProgress.inc();
    inProgress.inc();
    inProgress.dec();
    handoffs.inc("confirmed");
    handoffs.inc("confirmed");
    handoffs.inc("caller \"asked\"");
    turns.observe(0.3);
    turns.observe(0.9);
    turns.observe(7);

    assertEquals("""
        # HELP empathyivr_calls_in_progress Calls being served now
        # TYPE empathyivr_calls_in_progress gauge
        empathyivr_calls_in_progress 1
        # HELP empathyivr_handoffs_total Handoffs by reason
        # TYPE empathyivr_handoffs_total counter
        empathyivr_handoffs_total{reason="caller \\"asked\\""} 1
        empathyivr_handoffs_total{reason="confirmed"} 2
        # HELP empathyivr_turn_seconds Turn time
        # TYPE empathyivr_turn_seconds histogram
        empathyivr_turn_seconds_bucket{le="0.5"} 1
        empathyivr_turn_seconds_bucket{le="1.0"} 2
        empathyivr_turn_seconds_bucket{le="2.5"} 2
        empathyivr_turn_seconds_bucket{le="+Inf"} 3
        empathyivr_turn_seconds_sum 8.2
        empathyivr_turn_seconds_count 3
        """, registry.render());
  }
}
