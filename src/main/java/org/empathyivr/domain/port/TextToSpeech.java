package org.empathyivr.domain.port;

/**
 * Speech synthesis. Thread-safe. The audio comes back at {@link Audio#TELEPHONY_RATE_HZ}, ready for the phone line.
 */
public interface TextToSpeech {
  Audio synthesize(String text) throws SpeechFailure;
}
