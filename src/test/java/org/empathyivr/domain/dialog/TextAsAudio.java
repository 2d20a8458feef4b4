package org.empathyivr.domain.dialog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.TextToSpeech;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.TranscriptionStream;
import org.empathyivr.domain.port.WholeAudioSpeechToText;
import org.empathyivr.domain.port.Word;

/**
 * Speech without sound: "synthesized" audio carries its text one character per sample, and "recognition" reads it
 * back. The answer recognizer keeps only answer words, as a grammar would. Can be told to fail, or to be unsure of
 * some words (confidence {@value #UNSURE}; every other word comes back at {@value #SURE}, 0.4 s apart).
 *
 * <p>Streams are those of {@link TranscriptionStream#collecting}: the pieces are read back when the stream finishes.
 */
final class TextAsAudio extends WholeAudioSpeechToText implements TextToSpeech {
  private static final Set<String> ANSWER_WORDS =
      Set.of("yes", "yeah", "correct", "right", "no", "nope", "not", "wrong", "agent", "person", "human", "operator");

  static final double SURE = 0.98;
  static final double UNSURE = 0.35;

  private final Set<String> unsureWords = new HashSet<>();
  private boolean failRecognition;

  static Audio audioOf(String text) {
    short[] samples = new short[text.length()];
    for (int i = 0; i < samples.length; i++) samples[i] = (short) text.charAt(i);
    return new Audio(Audio.TELEPHONY_RATE_HZ, samples);
  }

  static String textOf(Audio audio) {
    StringBuilder text = new StringBuilder();
    for (short s : audio.samples()) if (s != 0) text.append((char) s);
    return text.toString();
  }

  void failRecognition() {
    failRecognition = true;
  }

  /** Recognizes these words with low confidence from now on, as a recognizer does with a muffled line. */
  TextAsAudio unsureOf(String... words) {
    unsureWords.addAll(Arrays.asList(words));
    return this;
  }

  @Override
  public Audio synthesize(String text) {
    return audioOf(text);
  }

  @Override
  public Ahead synthesizeAhead(String text, boolean shared) {
    return Ahead.now(this, text);
  }

  @Override
  public Transcript transcribe(Audio audio) throws SpeechFailure {
    if (failRecognition) throw new SpeechFailure("recognizer failed on purpose");
    return heard(textOf(audio).toLowerCase().trim());
  }

  @Override
  public Transcript transcribeAnswer(Audio audio) throws SpeechFailure {
    if (failRecognition) throw new SpeechFailure("recognizer failed on purpose");
    String[] words = textOf(audio).toLowerCase().replaceAll("[^a-z' ]", " ").trim().split("\\s+");
    return heard(String.join(" ", Arrays.stream(words).filter(ANSWER_WORDS::contains).toList()));
  }

  private Transcript heard(String text) {
    List<Word> words = new ArrayList<>();
    if (!text.isEmpty()) {
      for (String w : text.split("\\s+")) {
        double start = words.size() * 0.4;
        String bare = w.replaceAll("[^a-z']", "");
        words.add(new Word(w, start, start + 0.3, unsureWords.contains(bare) ? UNSURE : SURE));
      }
    }
    return new Transcript(text, words);
  }
}
