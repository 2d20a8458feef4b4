package org.empathyivr.adapter.fastagi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.TextToSpeech;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.WholeAudioSpeechToText;
import org.empathyivr.domain.port.Word;

/**
 * Speech without engines: synthesis gives 200 ms of silence, recognition hears the same issue and the same answer in
 * every call, whatever the audio. Counts what it was asked to do, so a test can tell that no speech work started.
 */
final class ScriptedSpeech extends WholeAudioSpeechToText implements TextToSpeech {
  private final String issue;
  private final String answer;
  final AtomicInteger syntheses = new AtomicInteger();
  final AtomicInteger recognitions = new AtomicInteger();

  ScriptedSpeech(String issue, String answer) {
    this.issue = issue;
    this.answer = answer;
  }

  @Override
  public Audio synthesize(String text) {
    syntheses.incrementAndGet();
    return Audio.silence(Audio.TELEPHONY_RATE_HZ, 200);
  }

  @Override
  public Transcript transcribe(Audio audio) {
    recognitions.incrementAndGet();
    return heard(issue);
  }

  @Override
  public Transcript transcribeAnswer(Audio audio) {
    recognitions.incrementAndGet();
    return heard(answer);
  }

  @Override
  public Ahead synthesizeAhead(String text, boolean shared) {
    return Ahead.now(this, text);
  }

  private static Transcript heard(String text) {
    List<Word> words = new ArrayList<>();
    double at = 0;
    for (String w : text.split(" ")) {
      words.add(new Word(w, at, at + 0.3, 0.95));
      at += 0.4;
    }
    return new Transcript(text, words);
  }
}
