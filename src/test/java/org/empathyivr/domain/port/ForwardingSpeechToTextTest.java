package org.empathyivr.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ForwardingSpeechToTextTest {

  @Test
  void declaresEveryMethodOfThePort() {
    ForwardingContract.assertDeclaresEveryMethod(SpeechToText.class, ForwardingSpeechToText.class);
  }

  @Test
  void everyMethodReachesTheWrappedRecognizer() throws Exception {
    ForwardingContract.assertForwardsEveryMethod(SpeechToText.class, recognizer -> new ForwardingSpeechToText(recognizer) {});
  }

  @Test
  void aMissingDelegateIsRefusedAtOnce() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ForwardingSpeechToText(null) {});
    assertEquals("delegate == null", e.getMessage());
  }
}
