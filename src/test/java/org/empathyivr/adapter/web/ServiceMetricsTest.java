package org.empathyivr.adapter.web;

import org.empathyivr.domain.port.ForwardingContract;
import org.empathyivr.domain.port.SpeechToText;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

  @Test
  void theMeasuredRecognizerForwardsEveryMethodTheNameGrammarIncluded() throws Exception {
    ForwardingContract.assertForwardsEveryMethod(SpeechToText.class, new ServiceMetrics()::measuring);
  }
}
