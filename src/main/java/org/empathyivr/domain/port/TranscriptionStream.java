package org.empathyivr.domain.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transcription of one recording, fed while the caller is still speaking so that the transcript is ready moments
 * after the recording ends.
 *
 * <p>Pieces of audio go in with {@link #accept} in order, at one sample rate, never from two threads at once; the
 * thread that feeds may differ from the one that finishes when the hand-over is ordered (for example by joining the
 * feeding thread). {@link #accept} does not wait for a recognizer and never throws for a recognition failure: the
 * failure is kept, and {@link #finish()} throws it. Call {@link #finish()} at most once, and {@link #close()} always:
 * it frees the recognizer whether or not the stream was finished. Pieces after either are ignored.
 */
public interface TranscriptionStream extends AutoCloseable {

  /** Adds the next piece of the recording. */
  void accept(Audio piece);

  /**
   * The words heard up to the latest pause in the audio so far, when the stream knows them already (one that decodes
   * as the audio comes takes a result in each pause); empty when it does not (yet). Never waits for a recognizer.
   */
  Optional<String> wordsSoFar();

  /** Ends the audio and returns what was heard in all of it; frees the recognizer. */
  Transcript finish() throws SpeechFailure;

  /** Frees the recognizer. Idempotent; does not throw. */
  @Override
  void close();

  /** How a whole recording is transcribed at once, for {@link #collecting}. */
  interface WholeAudio {
    Transcript transcribe(Audio audio) throws SpeechFailure;
  }

  /**
   * A stream that keeps the pieces and transcribes them all in {@link #finish()}: correct, but without the head
   * start. For recognizers that cannot stream, and for fakes.
   */
  static TranscriptionStream collecting(WholeAudio recognizer) {
    return new TranscriptionStream() {
      private final List<Audio> pieces = new ArrayList<>();
      private boolean done;

      @Override
      public void accept(Audio piece) {
        if (!done) pieces.add(piece);
      }

      @Override
      public Optional<String> wordsSoFar() {
        return Optional.empty();
      }

      @Override
      public Transcript finish() throws SpeechFailure {
        if (done) throw new IllegalStateException("finished or closed already");
        done = true;
        return pieces.isEmpty() ? Transcript.EMPTY : recognizer.transcribe(Audio.join(pieces));
      }

      @Override
      public void close() {
        done = true;
        pieces.clear();
      }
    };
  }
}
