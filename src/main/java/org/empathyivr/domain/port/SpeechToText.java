package org.empathyivr.domain.port;

/**
 * Speech recognition.
 *
 * <p>Implementations are thread-safe: many calls transcribe at once. Audio at any rate is accepted; telephone audio
 * is 8 kHz. The streaming methods return at once: a stream waits for a free recognizer only when it is finished, so
 * starting one never delays the recording it is for.
 */
public interface SpeechToText {

  /** Transcribes free speech: the caller describing a problem. */
  Transcript transcribe(Audio audio) throws SpeechFailure;

  /**
   * Transcribes a short answer to a yes/no question, with recognition restricted to answer words (yes, no, agent,
   * and their common variants). Speech that is none of them comes back empty rather than as a guessed answer.
   */
  Transcript transcribeAnswer(Audio audio) throws SpeechFailure;

  /** Starts transcribing free speech as it is recorded, as {@link #transcribe} would all of it. Close the stream. */
  default TranscriptionStream startTranscribing() throws SpeechFailure {
    return TranscriptionStream.collecting(this::transcribe);
  }

  /** Starts transcribing an answer as it is recorded, as {@link #transcribeAnswer} would all of it. Close the stream. */
  default TranscriptionStream startTranscribingAnswer() throws SpeechFailure {
    return TranscriptionStream.collecting(this::transcribeAnswer);
  }
}
