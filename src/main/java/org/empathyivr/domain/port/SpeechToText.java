package org.empathyivr.domain.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

  /** The word a name recognizer gives for speech that is none of the names it listens for. */
  String UNKNOWN_NAME = "[unk]";

  /**
   * Starts transcribing the caller's answer to "may I have your first name?", with recognition restricted to
   * {@code candidates} (lower-case first names): speech that is none of them comes back as {@value #UNKNOWN_NAME}
   * words, never as the nearest name. Close the stream.
   *
   * <p>This default transcribes free speech and keeps the candidate words, marking the others unknown; a recognizer
   * that can restrict itself to a word list should.
   */
  default TranscriptionStream startTranscribingName(List<String> candidates) throws SpeechFailure {
    return TranscriptionStream.collecting(audio -> {
      Transcript heard = transcribe(audio);
      List<Word> words = new ArrayList<>();
      for (Word w : heard.words()) {
        boolean known = candidates.contains(w.text().toLowerCase(Locale.ROOT));
        words.add(known ? w : new Word(UNKNOWN_NAME, w.startSeconds(), w.endSeconds(), w.confidence()));
      }
      return new Transcript(String.join(" ", words.stream().map(Word::text).toList()), words);
    });
  }
}
