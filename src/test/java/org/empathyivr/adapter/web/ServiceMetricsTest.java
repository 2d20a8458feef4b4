package org.empathyivr.adapter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.empathyivr.adapter.storage.HandoffTestData;
import org.empathyivr.domain.frustration.Frustration;
import org.empathyivr.domain.port.ForwardingContract;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.HandoffReason;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

  @Test
  void theMeasuredRecognizerForwardsEveryMethodTheNameGrammarIncluded() throws Exception {
    ForwardingContract.assertForwardsEveryMethod(SpeechToText.class, new ServiceMetrics()::measuring);
  }

  @Test
  void servesEveryMetricByItsDocumentedNameTypeAndLabels() {
    ServiceMetrics metrics = new ServiceMetrics();
    metrics.callStarted();
    metrics.callStarted();
    metrics.callEnded();
    metrics.handedOff(HandoffTestData.handoff("H-1", "my internet is down"), List.of(new IllegalStateException("x")));
    metrics.handedOff(frustrated(HandoffTestData.handoff("H-2", "third time I call")), List.of());
    metrics.error("spool-full");
    metrics.turnTime(Duration.ofMillis(300));
    metrics.turnTime(Duration.ofMillis(900));
    metrics.turnTime(Duration.ofSeconds(70));

    assertEquals("""
        # HELP empathyivr_calls_total Calls the assistant began to serve.
        # TYPE empathyivr_calls_total counter
        empathyivr_calls_total 2.0
        # HELP empathyivr_calls_in_progress Calls the assistant is serving now.
        # TYPE empathyivr_calls_in_progress gauge
        empathyivr_calls_in_progress 1.0
        # HELP empathyivr_errors_total Failures the calls survived, by kind.
        # TYPE empathyivr_errors_total counter
        empathyivr_errors_total{kind="IllegalStateException"} 1.0
        empathyivr_errors_total{kind="none"} 0.0
        empathyivr_errors_total{kind="spool-full"} 1.0
        # HELP empathyivr_frustrated_handoffs_total Handoffs of callers who seemed frustrated (score >= 0.88).
        # TYPE empathyivr_frustrated_handoffs_total counter
        empathyivr_frustrated_handoffs_total 1.0
        # HELP empathyivr_handoffs_total Calls handed to a human, by reason.
        # TYPE empathyivr_handoffs_total counter
        empathyivr_handoffs_total{reason="confirmed"} 1.0
        empathyivr_handoffs_total{reason="frustrated"} 1.0
        # HELP empathyivr_recognition_seconds From the end of the caller's audio to the recognizer's transcript.
        # TYPE empathyivr_recognition_seconds histogram
        empathyivr_recognition_seconds_bucket{le="0.05"} 0
        empathyivr_recognition_seconds_bucket{le="0.1"} 0
        empathyivr_recognition_seconds_bucket{le="0.25"} 0
        empathyivr_recognition_seconds_bucket{le="0.5"} 0
        empathyivr_recognition_seconds_bucket{le="0.75"} 0
        empathyivr_recognition_seconds_bucket{le="1.0"} 0
        empathyivr_recognition_seconds_bucket{le="2.0"} 0
        empathyivr_recognition_seconds_bucket{le="5.0"} 0
        empathyivr_recognition_seconds_bucket{le="+Inf"} 0
        empathyivr_recognition_seconds_count 0
        empathyivr_recognition_seconds_sum 0.0
        # HELP empathyivr_turn_seconds From the end of the caller's turn to the start of the assistant's answer.
        # TYPE empathyivr_turn_seconds histogram
        empathyivr_turn_seconds_bucket{le="0.25"} 0
        empathyivr_turn_seconds_bucket{le="0.5"} 1
        empathyivr_turn_seconds_bucket{le="0.75"} 1
        empathyivr_turn_seconds_bucket{le="1.0"} 2
        empathyivr_turn_seconds_bucket{le="1.5"} 2
        empathyivr_turn_seconds_bucket{le="2.0"} 2
        empathyivr_turn_seconds_bucket{le="3.0"} 2
        empathyivr_turn_seconds_bucket{le="5.0"} 2
        empathyivr_turn_seconds_bucket{le="10.0"} 2
        empathyivr_turn_seconds_bucket{le="+Inf"} 3
        empathyivr_turn_seconds_count 3
        empathyivr_turn_seconds_sum 71.2
        """, metrics.render());
  }

  private static Handoff frustrated(Handoff h) {
    return new Handoff(h.id(), h.at(), h.callId(), h.channel(), h.caller(), h.issue(), h.reflection(), h.said(),
        h.confirmed(), HandoffReason.FRUSTRATED, h.queue(), h.priority(), h.withAssistant(), h.transcript(),
        new Frustration(0.9, List.of()), h.phrasesUsed());
  }
}
