package org.empathyivr.adapter.freetts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.empathyivr.adapter.audio.LoudnessNormalizer;
import org.empathyivr.adapter.vosk.BundledVoskModel;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.Transcript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real FreeTTS speaking the assistant's prompts, heard back by real Vosk at the telephone rate. */
class FreeTtsVoskRoundTripIT {
  static final String REFLECTION = "So your internet keeps dropping every evening. Is that right?";
  static final String GREETING = "Hello Maria. What can I help you with today?";

  private static final int VOICES = 2;

  private static FreeTtsTextToSpeech voice;
  private static VoskSpeechToText ears;

  @BeforeAll
  static void load() throws Exception {
    voice = FreeTtsTextToSpeech.load(VOICES);
    ears = VoskSpeechToText.open(modelDirectory(), 1);
  }

  @AfterAll
  static void free() {
    if (voice != null) voice.close();
    if (ears != null) ears.close();
  }

  @Test
  void aCallerHearsTheReflectionOfTheirProblem() throws Exception {
    Transcript heard = ears.transcribe(voice.synthesize(REFLECTION));

    assertHasWords(heard, "internet", "dropping", "evening", "right");
  }

  @Test
  void aCallerHearsTheirNameInTheGreeting() throws Exception {
    Transcript heard = ears.transcribe(voice.synthesize(GREETING));

    assertHasWords(heard, "maria", "help", "today");
  }

  @Test
  void promptsAreTelephoneAudioThatStartsAndEndsInSilence() throws Exception {
    Audio audio = voice.synthesize(REFLECTION);

    assertEquals(Audio.TELEPHONY_RATE_HZ, audio.sampleRateHz());
    short[] samples = audio.samples();
    assertTrue(peak(samples, 0, 80) < 100, "silent first 80 ms, peak " + peak(samples, 0, 80));
    assertTrue(
        peak(samples, samples.length - 8 * 120, samples.length) < 100,
        "silent last 120 ms, peak " + peak(samples, samples.length - 8 * 120, samples.length));
  }

  @Test
  void aLongPromptAndAShortOneAreEquallyLoud() throws Exception {
    double reflection = activeLevel(voice.synthesize(REFLECTION));
    double shortQuestion = activeLevel(voice.synthesize("Is that right?"));
    double greeting = activeLevel(voice.synthesize(GREETING));

    assertTrue(Math.abs(reflection - shortQuestion) < 1, reflection + " dBFS vs " + shortQuestion + " dBFS");
    assertTrue(Math.abs(reflection - greeting) < 1, reflection + " dBFS vs " + greeting + " dBFS");
  }

  @Test
  void twoSentencesAreFurtherApartThanTheWordsOfOne() throws Exception {
    // The gap of "evening. Is" is the longest silence in the prompt, and about SENTENCE_GAP_MS long.
    long longestSilenceMs = longestSilenceMs(voice.synthesize(REFLECTION));

    assertTrue(
        longestSilenceMs >= 300 && longestSilenceMs <= 420, "longest silence between sounds: " + longestSilenceMs);
  }

  @Test
  void fourCallersAtOnceWithTwoVoicesHearWhatEachWouldAlone() throws Exception {
    List<String> texts = List.of(REFLECTION, GREETING, "Is that right?", "Please stay on the line.");
    List<Audio> alone = new ArrayList<>();
    for (String text : texts) alone.add(voice.synthesize(text));

    List<Audio> together = synthesizeAtOnce(texts);

    assertEquals(alone, together);
  }

  @Test
  void sharedLinesAreSynthesizedOnceAndACallersOwnWordsEveryTime() throws Exception {
    Audio first = voice.synthesizeAhead("Please stay on the line.", true).await();
    Audio again = voice.synthesizeAhead("Please stay on the line.", true).await();
    Audio personal = voice.synthesizeAhead(REFLECTION, false).await();
    Audio personalAgain = voice.synthesizeAhead(REFLECTION, false).await();

    assertTrue(first == again, "a shared line comes from memory the second time");
    assertEquals(voice.synthesize("Please stay on the line."), first, "and sounds as it would synthesized now");
    assertTrue(personal != personalAgain, "a caller's own words are not kept");
    assertEquals(personal, personalAgain);
  }

  @Test
  void aClosedVoiceFailsAheadAsSpeechFailure() {
    FreeTtsTextToSpeech closed = FreeTtsTextToSpeech.load(1);
    closed.close();

    SpeechFailure e = assertThrows(SpeechFailure.class, () -> closed.synthesizeAhead("Hello.", false).await());
    assertEquals("FreeTTS text to speech is closed", e.getMessage());
  }

  @Test
  void blankTextIsAMistakeOfTheCallerNotASpeechFailure() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> voice.synthesize(" \n"));
    assertEquals("text is blank: \" \n\"", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> voice.synthesize(null));
  }

  @Test
  void aClosedVoiceFailsAsSpeechFailure() {
    FreeTtsTextToSpeech closed = FreeTtsTextToSpeech.load(1);
    closed.close();
    closed.close(); // idempotent

    SpeechFailure e = assertThrows(SpeechFailure.class, () -> closed.synthesize("Hello."));
    assertEquals("FreeTTS text to speech is closed", e.getMessage());
  }

  private static List<Audio> synthesizeAtOnce(List<String> texts) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(texts.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Audio>> futures = new ArrayList<>();
      for (String text : texts) {
        futures.add(pool.submit(() -> {
          start.await();
          return voice.synthesize(text);
        }));
      }
      start.countDown();
      List<Audio> audios = new ArrayList<>();
      for (Future<Audio> future : futures) audios.add(future.get(2, TimeUnit.MINUTES));
      return audios;
    } finally {
      pool.shutdownNow();
    }
  }

  static Path modelDirectory() {
    return BundledVoskModel.directory();
  }

  private static double activeLevel(Audio audio) {
    return LoudnessNormalizer.activeLevelDbfs(audio.samples(), audio.sampleRateHz());
  }

  private static int peak(short[] samples, int from, int to) {
    int peak = 0;
    for (int i = Math.max(0, from); i < to; i++) peak = Math.max(peak, Math.abs(samples[i]));
    return peak;
  }

  /** The longest run of near-silence (10 ms frames under −50 dBFS) with sound on both sides. */
  private static long longestSilenceMs(Audio audio) {
    short[] samples = audio.samples();
    int frame = audio.sampleRateHz() / 100;
    int longest = 0;
    int run = 0;
    boolean heardSound = false;
    for (int f = 0; f + frame <= samples.length; f += frame) {
      if (peak(samples, f, f + frame) < 104) {
        run++;
      } else {
        if (heardSound) longest = Math.max(longest, run);
        heardSound = true;
        run = 0;
      }
    }
    return longest * 10L;
  }

  private static void assertHasWords(Transcript transcript, String... words) {
    List<String> heard = Arrays.asList(transcript.text().split(" "));
    for (String word : words) assertTrue(heard.contains(word), "\"" + word + "\" in \"" + transcript.text() + "\"");
  }
}
