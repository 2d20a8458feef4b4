package org.empathyivr.domain.port;

import java.util.List;

/**
 * A fake recognizer that hears each recording whole, once it is finished: its streams keep the pieces and transcribe
 * them in {@link TranscriptionStream#finish()}, and names are what free speech heard among the candidates. Fakes
 * extend it and say only what they hear; the port itself has no defaults, so that a decorator cannot forget one.
 */
public abstract class WholeAudioSpeechToText implements SpeechToText {

  @Override
  public TranscriptionStream startTranscribing() {
    return TranscriptionStream.collecting(this::transcribe);
  }

  @Override
  public TranscriptionStream startTranscribingAnswer() {
    return TranscriptionStream.collecting(this::transcribeAnswer);
  }

  @Override
  public TranscriptionStream startTranscribingName(List<String> candidates) {
    return SpeechToText.namesIn(this::transcribe, candidates);
  }
}
