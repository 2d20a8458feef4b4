package org.empathyivr.adapter.freetts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.empathyivr.adapter.audio.LoudnessNormalizer;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.domain.port.Audio;

/**
 * Prints how long kevin16 takes to load and to speak phrasebook-like prompts, and how fast and loud it speaks. Not a
 * test: timings depend on the machine. With {@code -Dempathyivr.model=DIR} it also prints what Vosk hears of the
 * round-trip prompts.
 *
 * <pre>
 * mvn -B test-compile
 * java -cp target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     -Dempathyivr.model=target/vosk-model-en-us org.empathyivr.adapter.freetts.SynthesisBenchmark
 * </pre>
 */
public final class SynthesisBenchmark {
  private static final int VOICES = 1;
  private static final int WARM_UP_PROMPTS = 3;

  static final List<String> PROMPTS =
      List.of(
          "Hello Maria. Thank you for calling support. I'm the support assistant, and I'm here to help.",
          "Hello Daniel. Thanks for calling us. I'm the support assistant, and I'm glad you called.",
          "Hello, and thank you for calling support. I'm the support assistant, and I'm here to help.",
          "Please tell me, in your own words, what's going on. Take all the time you need.",
          "What can I help you with today? Tell me in your own words, and take your time.",
          "I'm still here. Whenever you're ready, just tell me what the call is about.",
          "Sorry, I didn't quite catch that. Could you tell me again what's happening, in a few words?",
          "Take your time. In a sentence or two, what would you like help with today?",
          "So your internet keeps dropping every evening.",
          "If I understood you correctly, you were charged twice for your bill this month.",
          "Let me make sure I have this right. Your router keeps restarting on its own.",
          "So you can't log in to your account since the update.",
          "If I understood you correctly, your phone has no signal at home.",
          "So the television picture freezes during the news.",
          "Is that right?",
          "Did I get that right?",
          "Sorry, I didn't catch that. If I got it right, please say yes, or press 1. If not, say no, or press 2.",
          "I want to be sure I understood you. Please say yes or no. You can also press 1 for yes, or 2 for no.",
          "I'm sorry, I got that wrong. Could you tell me again what's happening?",
          "My apologies, I misunderstood. Please tell me once more, in your own words.",
          "Thank you, Maria. I'm connecting you with a colleague now, and they'll already know what you told me.",
          "Thank you. I'm connecting you with a colleague now. Please stay on the line.",
          "Of course. I'm connecting you with a person now, and they'll already know what you've told me.",
          "I'm sorry I couldn't get that right. I'm bringing in a colleague who can help you directly.",
          "I'm sorry, I'm having some trouble on my side. I'm connecting you with a colleague now.",
          "Thank you for putting me right.",
          "Thanks for correcting me.",
          "Please stay on the line.",
          "Hello Ahmed. Thank you for calling support.",
          "So your email stopped working this morning. Is that right?");

  private SynthesisBenchmark() {}

  public static void main(String[] args) throws Exception {
    long loadStart = System.nanoTime();
    FreeTtsTextToSpeech voice = FreeTtsTextToSpeech.load(VOICES);
    System.out.printf("load: %d kevin16 voice(s) in %d ms%n", VOICES, (System.nanoTime() - loadStart) / 1_000_000);
    try {
      long firstStart = System.nanoTime();
      voice.synthesize(PROMPTS.get(0));
      System.out.printf("first prompt (cold): %d ms%n", (System.nanoTime() - firstStart) / 1_000_000);
      for (int i = 0; i < WARM_UP_PROMPTS; i++) voice.synthesize(PROMPTS.get(i));

      List<Long> millis = new ArrayList<>();
      long wordCount = 0;
      long audioMs = 0;
      double quietest = Double.POSITIVE_INFINITY;
      double loudest = Double.NEGATIVE_INFINITY;
      for (String prompt : PROMPTS) {
        long start = System.nanoTime();
        Audio audio = voice.synthesize(prompt);
        millis.add((System.nanoTime() - start) / 1_000_000);
        wordCount += prompt.split("\\s+").length;
        audioMs += audio.durationMs();
        double level = LoudnessNormalizer.activeLevelDbfs(audio.samples(), audio.sampleRateHz());
        quietest = Math.min(quietest, level);
        loudest = Math.max(loudest, level);
      }
      Collections.sort(millis);
      System.out.printf(
          "synthesis of %d prompts: median %d ms, worst %d ms, total audio %.1f s%n",
          PROMPTS.size(), millis.get(millis.size() / 2), millis.get(millis.size() - 1), audioMs / 1000.0);
      System.out.printf("speaking rate, pauses included: %.0f words per minute%n", wordCount * 60_000.0 / audioMs);
      System.out.printf("active-speech level: %.2f to %.2f dBFS%n", quietest, loudest);
      printTranscripts(voice);
    } finally {
      voice.close();
    }
  }

  private static void printTranscripts(FreeTtsTextToSpeech voice) throws Exception {
    String model = System.getProperty("empathyivr.model");
    if (model == null || !Files.isDirectory(Path.of(model))) {
      System.out.println("no Vosk model (-Dempathyivr.model): transcripts skipped");
      return;
    }
    try (VoskSpeechToText ears = VoskSpeechToText.open(Path.of(model), 1)) {
      for (String prompt : List.of(FreeTtsVoskRoundTripIT.REFLECTION, FreeTtsVoskRoundTripIT.GREETING)) {
        System.out.printf("vosk: \"%s\" -> \"%s\"%n", prompt, ears.transcribe(voice.synthesize(prompt)).text());
      }
    }
  }
}
