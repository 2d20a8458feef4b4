package org.empathyivr.domain.port;

/**
 * Speech recognition.
 *
 * <p>Implementations are thread-safe: many calls transcribe at once. Audio at any rate is accepted; telephone audio
 * is 8 kHz.
 */
public interface SpeechToText {

  /** Transcribes free speech: the caller describing a problem. */
  Transcript transcribe(Audio audio) throws SpeechFailure;

  /**
   * Transcribes a short answer to a yes/no question, with recognition restricted to answer words (yes, no, agent,
   * and their common variants). Speech that is none of them comes back empty rather than as a guessed answer.
   */
  Transcript transcribeAnswer(Audio audio) throws SpeechFailure;
}
