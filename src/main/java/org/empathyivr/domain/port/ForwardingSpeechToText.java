package org.empathyivr.domain.port;

import java.util.List;

/**
 * A {@link SpeechToText} that forwards every method to another. Wrappers (timing, metrics) extend it and override what
 * they add to, so that a method they leave alone still reaches the recognizer they wrap rather than a lesser fallback.
 * Thread-safe when the delegate is.
 */
public abstract class ForwardingSpeechToText implements SpeechToText {
  private final SpeechToText delegate;

  protected ForwardingSpeechToText(SpeechToText delegate) {
    if (delegate == null) throw new IllegalArgumentException("delegate == null");
    this.delegate = delegate;
  }

  /** The recognizer this forwards to. */
  public final SpeechToText delegate() {
    return delegate;
  }

  @Override
  public Transcript transcribe(Audio audio) throws SpeechFailure {
    return delegate.transcribe(audio);
  }

  @Override
  public Transcript transcribeAnswer(Audio audio) throws SpeechFailure {
    return delegate.transcribeAnswer(audio);
  }

  @Override
  public TranscriptionStream startTranscribing() throws SpeechFailure {
    return delegate.startTranscribing();
  }

  @Override
  public TranscriptionStream startTranscribingAnswer() throws SpeechFailure {
    return delegate.startTranscribingAnswer();
  }

  @Override
  public TranscriptionStream startTranscribingName(List<String> candidates) throws SpeechFailure {
    return delegate.startTranscribingName(candidates);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + delegate + ")";
  }
}
