package org.empathyivr.domain.port;

/**
 * Speech synthesis. Thread-safe. The audio comes back at {@link Audio#TELEPHONY_RATE_HZ}, ready for the phone line.
 */
public interface TextToSpeech {
  Audio synthesize(String text) throws SpeechFailure;

  /**
   * Starts synthesizing {@code text} for a prompt that plays after the one playing now, so that its audio is ready
   * when that one ends. A voice that cannot synthesize ahead returns {@link Ahead#now}.
   *
   * @param shared true for text said alike to every caller, whose audio may be kept and reused; false for text that
   *     carries something of this call, which must not be kept
   */
  Ahead synthesizeAhead(String text, boolean shared);

  /** Audio that is being synthesized. */
  interface Ahead {
    /** Waits for the audio. */
    Audio await() throws SpeechFailure;

    /** Says the audio is no longer wanted (the caller pressed a key or hung up); harmless once it is done. */
    void cancel();

    /** Synthesizes {@code text} at once, on this thread; a failure is thrown by {@link #await}. */
    static Ahead now(TextToSpeech voice, String text) {
      Audio audio;
      try {
        audio = voice.synthesize(text);
      } catch (SpeechFailure e) {
        return done(null, e);
      }
      return done(audio, null);
    }

    private static Ahead done(Audio audio, SpeechFailure failure) {
      return new Ahead() {
        @Override
        public Audio await() throws SpeechFailure {
          if (failure != null) throw failure;
          return audio;
        }

        @Override
        public void cancel() {}
      };
    }
  }
}
