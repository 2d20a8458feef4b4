package org.empathyivr.domain.port;

/**
 * Speech synthesis. Thread-safe. The audio comes back at {@link Audio#TELEPHONY_RATE_HZ}, ready for the phone line.
 */
public interface TextToSpeech {
  Audio synthesize(String text) throws SpeechFailure;

  /**
   * Starts synthesizing {@code text} for a prompt that plays after the one playing now, so that its audio is ready
   * when that one ends. The default synthesizes it at once, on this thread.
   *
   * @param shared true for text said alike to every caller, whose audio may be kept and reused; false for text that
   *     carries something of this call, which must not be kept
   */
  default Ahead synthesizeAhead(String text, boolean shared) {
    try {
      Audio audio = synthesize(text);
      return () -> audio;
    } catch (SpeechFailure e) {
      return () -> {
        throw e;
      };
    }
  }

  /** Audio that is being synthesized. */
  interface Ahead {
    /** Waits for the audio. */
    Audio await() throws SpeechFailure;

    /** Says the audio is no longer wanted (the caller pressed a key or hung up); harmless once it is done. */
    default void cancel() {}
  }
}
