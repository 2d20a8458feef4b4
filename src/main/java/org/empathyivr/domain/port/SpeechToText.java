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
 *
 * <p>Every method is abstract, so that a wrapper cannot fall back on a lesser recognizer without saying so: wrappers
 * extend {@link ForwardingSpeechToText}, and recognizers that cannot stream return {@link TranscriptionStream#collecting}
 * or {@link #namesIn} explicitly.
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
  TranscriptionStream startTranscribing() throws SpeechFailure;

  /** Starts transcribing an answer as it is recorded, as {@link #transcribeAnswer} would all of it. Close the stream. */
  TranscriptionStream startTranscribingAnswer() throws SpeechFailure;

  /** The word a name recognizer gives for speech that is none of the names it listens for. */
  String UNKNOWN_NAME = "[unk]";

  /**
   * Starts transcribing the caller's answer to "may I have your first name?", with recognition restricted to
   * {@code candidates} (lower-case first names): speech that is none of them comes back as {@value #UNKNOWN_NAME}
   * words, never as the nearest name. Close the stream. A recognizer that cannot restrict itself to a word list may
   * return {@link #namesIn}.
   */
  TranscriptionStream startTranscribingName(List<String> candidates) throws SpeechFailure;

  /**
   * A name stream for recognizers without word lists (and for fakes): transcribes free speech with {@code freeSpeech}
   * when it finishes, keeps the words that are {@code candidates} and marks the others {@value #UNKNOWN_NAME}. It
   * hears fewer names than a recognizer restricted to the candidates does.
   */
  static TranscriptionStream namesIn(TranscriptionStream.WholeAudio freeSpeech, List<String> candidates) {
    return TranscriptionStream.collecting(audio -> {
      Transcript heard = freeSpeech.transcribe(audio);
      List<Word> words = new ArrayList<>();
      for (Word w : heard.words()) {
        boolean known = candidates.contains(w.text().toLowerCase(Locale.ROOT));
        words.add(known ? w : new Word(UNKNOWN_NAME, w.startSeconds(), w.endSeconds(), w.confidence()));
      }
      return new Transcript(String.join(" ", words.stream().map(Word::text).toList()), words);
    });
  }
}
