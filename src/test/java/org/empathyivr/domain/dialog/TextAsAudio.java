package org.empathyivr.domain.dialog;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.port.TextToSpeech;
import org.empathyivr.domain.port.Transcript;

/**
 * Speech without sound: "synthesized" audio carries its text one character per sample, and "recognition" reads it
 * back. The answer recognizer keeps only answer words, as a grammar would. Can be told to fail.
 */
final class TextAsAudio implements TextToSpeech, SpeechToText {
  private static final Set<String> ANSWER_WORDS =
      Set.of("yes", "yeah", "correct", "right", "no", "nope", "not", "wrong", "agent", "person", "human", "operator");

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

  @Override
  public Audio synthesize(String text) {
    return audioOf(text);
  }

  @Override
  public Transcript transcribe(Audio audio) throws SpeechFailure {
    if (failRecognition) throw new SpeechFailure("recognizer failed on purpose");
    return new Transcript(textOf(audio).toLowerCase(), List.of());
  }

  @Override
  public Transcript transcribeAnswer(Audio audio) throws SpeechFailure {
    if (failRecognition) throw new SpeechFailure("recognizer failed on purpose");
    String[] words = textOf(audio).toLowerCase().replaceAll("[^a-z' ]", " ").trim().split("\\s+");
    return new Transcript(
        String.join(" ", Arrays.stream(words).filter(ANSWER_WORDS::contains).toList()), List.of());
  }
}
