package org.empathyivr.adapter.vosk;

import static org.empathyivr.adapter.vosk.BundledVoskModel.caller;
import static org.empathyivr.adapter.vosk.HeardAlike.assertHeardAlike;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.empathyivr.domain.dialog.Answer;
import org.empathyivr.domain.dialog.CallerNames;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.TranscriptionStream;
import org.empathyivr.domain.port.Word;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real Vosk with the bundled small US-English model, on espeak-ng callers at telephone rate. */
class VoskSpeechToTextIT {
  private static final int MAX_LIVE_RECOGNIZERS = 2;
  private static final List<String> YES_WORDS = AnswerGrammar.WORDS.subList(0, 10);

  private static Path modelDir;
  private static VoskSpeechToText speech;

  @BeforeAll
  static void loadModel() throws IOException {
    modelDir = BundledVoskModel.directory();
    speech = VoskSpeechToText.open(modelDir, MAX_LIVE_RECOGNIZERS);
  }

  @AfterAll
  static void freeModel() {
    if (speech != null) speech.close();
  }

  @Test
  void hearsTheKeyWordsOfACallerDescribingAProblem() throws Exception {
    Transcript transcript = speech.transcribe(caller("internet-dropping.wav"));

    assertHasWords(transcript, "internet", "dropping", "evening");
  }

  @Test
  void givesEachWordATimeInsideTheAudioInOrderAndAConfidenceBetweenZeroAndOne() throws Exception {
    Audio audio = caller("internet-dropping.wav");

    List<Word> words = speech.transcribe(audio).words();

    assertFalse(words.isEmpty());
    double previousEnd = 0;
    for (Word word : words) {
      assertTrue(word.startSeconds() >= previousEnd, "starts after the word before: " + words);
      assertTrue(word.endSeconds() > word.startSeconds(), "ends after it starts: " + word);
      assertTrue(word.confidence() >= 0 && word.confidence() <= 1, "confidence in [0, 1]: " + word);
      previousEnd = word.endSeconds();
    }
    assertTrue(previousEnd <= audio.durationMs() / 1000.0, "ends within " + audio + ": " + words);
  }

  @Test
  void textAndTimedWordsAgree() throws Exception {
    Transcript transcript = speech.transcribe(caller("internet-dropping.wav"));

    assertEquals(transcript.text(), String.join(" ", transcript.words().stream().map(Word::text).toList()));
  }

  @Test
  void takesWideBandAudioToo() throws Exception {
    Audio audio = caller("internet-dropping-16k.wav");
    assertEquals(16000, audio.sampleRateHz());

    assertHasWords(speech.transcribe(audio), "internet", "dropping", "evening");
  }

  @Test
  void hearsABillingComplaint() throws Exception {
    // The model hears espeak's "twice for my bill" as "wife for my they'll"; "charged" is what survives.
    assertHasWords(speech.transcribe(caller("billing.wav")), "charged");
  }

  @Test
  void silenceIsAnEmptyTranscript() throws Exception {
    Audio silence = Audio.silence(Audio.TELEPHONY_RATE_HZ, 2000);

    assertEquals(Transcript.EMPTY, speech.transcribe(silence));
    assertEquals(Transcript.EMPTY, speech.transcribeAnswer(silence));
  }

  @Test
  void noAudioIsAnEmptyTranscript() throws Exception {
    assertEquals(Transcript.EMPTY, speech.transcribe(Audio.silence(Audio.TELEPHONY_RATE_HZ, 0)));
  }

  @Test
  void hearsYesNoAndAgentAmongAnswerWords() throws Exception {
    assertHasWords(speech.transcribeAnswer(caller("yes.wav")), "yes");
    assertHasWords(speech.transcribeAnswer(caller("yeah-thats-right.wav")), "yeah", "right");
    assertHasWords(speech.transcribeAnswer(caller("no.wav")), "no");
    assertHasWords(speech.transcribeAnswer(caller("agent.wav")), "agent");
  }

  @Test
  void answerWordsComeWithTimesToo() throws Exception {
    Transcript transcript = speech.transcribeAnswer(caller("agent.wav"));

    assertEquals(List.of("agent"), transcript.words().stream().map(Word::text).toList());
  }

  @Test
  void anAnswerWithMoreToSayIsStillADenial() throws Exception {
    // "no, it's the router": "it's" is a carrier word of the grammar; "the router" comes back as [unk] or as the
    // nearest grammar word ("manager"), which the denial outweighs.
    String heard = speech.transcribeAnswer(caller("no-its-the-router.wav")).text();
    assertTrue(heard.startsWith("no"), heard);
    assertEquals(Answer.NO, Answer.fromWords(heard), heard);
  }

  @Test
  void speechThatIsNoAnswerComesBackEmptyRatherThanAsAGuess() throws Exception {
    Transcript transcript = speech.transcribeAnswer(caller("weather.wav"));

    assertTrue(transcript.isEmpty(), "the weather is lovely in the mountains -> " + transcript);
  }

  @Test
  void freeSpeechIsNotForcedIntoAnswerWords() throws Exception {
    Transcript transcript = speech.transcribeAnswer(caller("internet-dropping.wav"));

    assertFalse(
        Arrays.stream(transcript.text().split(" ")).anyMatch(YES_WORDS::contains),
        "my internet keeps dropping every evening -> " + transcript);
  }

  @Test
  void theModelKnowsEveryAnswerWord() throws IOException {
    assertEquals(Optional.of(new HashSet<>(AnswerGrammar.WORDS)), ModelVocabulary.known(modelDir, AnswerGrammar.WORDS));
  }

  @Test
  void fourCallersAtOnceGetWhatEachWouldAloneWhileOnlyTwoRecognizersLive() throws Exception {
    List<Callable<Transcript>> calls =
        List.of(
            () -> speech.transcribe(caller("internet-dropping.wav")),
            () -> speech.transcribe(caller("agent.wav")),
            () -> speech.transcribeAnswer(caller("yeah-thats-right.wav")),
            () -> speech.transcribe(caller("billing.wav")));
    List<Transcript> alone = new ArrayList<>();
    for (Callable<Transcript> call : calls) alone.add(call.call());

    List<Transcript> together = runAtOnce(calls);

    assertHeardAlike(alone, together);
    assertHasWords(together.get(0), "internet", "dropping");
    assertHasWords(together.get(1), "agent");
    assertHasWords(together.get(2), "yeah", "right");
    assertHasWords(together.get(3), "charged");
    assertEquals(MAX_LIVE_RECOGNIZERS, speech.peakLiveRecognizers());
  }

  @Test
  void theWordsUpToAPauseAreKnownInThePauseAndForgottenWhenTheCallerGoesOn() throws Exception {
    Audio words = caller("internet-dropping.wav"); // ends in more than a second of silence
    try (TranscriptionStream stream = speech.startTranscribing()) {
      short[] samples = words.samples();
      int speechEnd = samples.length - 8000; // before its trailing silence
      stream.accept(new Audio(8000, Arrays.copyOf(samples, speechEnd)));
      assertEquals(java.util.Optional.empty(), stream.wordsSoFar(), "no pause yet");
      stream.accept(new Audio(8000, Arrays.copyOfRange(samples, speechEnd, samples.length)));
      ((VoskTranscriptionStream) stream).awaitBackgroundFed();
      String soFar = stream.wordsSoFar().orElseThrow();
      assertTrue(soFar.contains("internet"), soFar);
      stream.accept(new Audio(8000, Arrays.copyOf(samples, speechEnd)));
      assertEquals(java.util.Optional.empty(), stream.wordsSoFar(), "the caller went on");
      assertTrue(stream.finish().text().contains("internet"));
    }
  }

  @Test
  void aStreamFedInOddPiecesHearsWhatTheWholeRecordingGives() throws Exception {
    Audio recording = caller("internet-dropping.wav");

    Transcript streamed = streamed(speech.startTranscribing(), recording, 333);

    assertHeardAlike(speech.transcribe(recording), streamed);
    assertFalse(streamed.words().isEmpty(), "word timings and confidences reach the conversation");
  }

  @Test
  void callsStreamingAtOnceGetWhatEachWouldAloneEvenWhenTheyMustWaitForARecognizer() throws Exception {
    // Three calls, each decoding its answer twice (answer words and free words): six streams, two recognizers.
    List<String> callers = List.of("no-its-the-router.wav", "yeah-thats-right.wav", "agent.wav");
    List<Callable<Transcript>> streams = new ArrayList<>();
    for (String c : callers) {
      streams.add(() -> streamed(speech.startTranscribingAnswer(), caller(c), 160));
      streams.add(() -> streamed(speech.startTranscribing(), caller(c), 160));
    }
    List<Transcript> alone = new ArrayList<>();
    for (String c : callers) {
      alone.add(speech.transcribeAnswer(caller(c)));
      alone.add(speech.transcribe(caller(c)));
    }

    List<Transcript> together = runAtOnce(streams);

    assertHeardAlike(alone, together);
    assertEquals(Answer.NO, Answer.fromWords(together.get(0).text()), together.get(0).text());
    assertHasWords(together.get(1), "no", "it's", "the");
    assertHasWords(together.get(3), "yeah", "right");
    assertTrue(speech.peakLiveRecognizers() <= MAX_LIVE_RECOGNIZERS);
  }

  @Test
  void aStreamOfSilenceIsEmptyAndAClosedUnfinishedStreamGivesItsRecognizerBack() throws Exception {
    assertEquals(Transcript.EMPTY, streamed(speech.startTranscribing(), Audio.silence(8000, 1500), 160));
    for (int i = 0; i < MAX_LIVE_RECOGNIZERS + 1; i++) {
      try (TranscriptionStream abandoned = speech.startTranscribing()) {
        abandoned.accept(caller("yes.wav")); // takes a recognizer, never finished: a hangup
      }
    }
    assertHasWords(speech.transcribe(caller("yes.wav")), "yes");
  }

  @Test
  void hearsASpokenFirstNameWithTheNameGrammar() throws Exception {
    assertEquals(Optional.of("Maria"), nameIn("maria.wav"));
    assertEquals(Optional.of("James"), nameIn("its-james.wav"), "the carrier words are unknown, the name is heard");
  }

  @Test
  void aSentenceThatIsNoNameIsNotTakenForOne() throws Exception {
    assertEquals(Optional.empty(), nameIn("weather.wav"));
    assertEquals(Optional.empty(), nameIn("no.wav"));
  }

  @Test
  void listensOnlyForNamesTheModelKnows() throws Exception {
    List<String> known = speech.namesKnownTo(CallerNames.FIRST_NAMES);
    assertTrue(known.contains("maria") && known.contains("james"), known.toString());
    System.out.printf("name grammar: %d of %d first names are in the model's vocabulary%n", known.size(),
        CallerNames.FIRST_NAMES.size());
  }

  private static Optional<String> nameIn(String callerWav) throws Exception {
    try (TranscriptionStream stream = speech.startTranscribingName(CallerNames.FIRST_NAMES)) {
      stream.accept(caller(callerWav));
      Transcript heard = stream.finish();
      System.out.printf("name grammar heard %s as '%s' %s%n", callerWav, heard.text(), heard.words());
      return CallerNames.spokenFirstName(heard, CallerNames.FIRST_NAMES);
    }
  }

  /** Feeds the audio in pieces of {@code pieceSamples} and finishes. */
  private static Transcript streamed(TranscriptionStream stream, Audio audio, int pieceSamples) throws SpeechFailure {
    try (stream) {
      short[] samples = audio.samples();
      for (int at = 0; at < samples.length; at += pieceSamples) {
        stream.accept(new Audio(audio.sampleRateHz(),
            Arrays.copyOfRange(samples, at, Math.min(samples.length, at + pieceSamples))));
      }
      return stream.finish();
    }
  }

  @Test
  void aClosedRecognizerFailsAsSpeechFailure() throws Exception {
    VoskSpeechToText closed = VoskSpeechToText.open(modelDir, 1);
    closed.close();
    closed.close(); // idempotent

    SpeechFailure e = assertThrows(SpeechFailure.class, () -> closed.transcribe(caller("yes.wav")));
    assertEquals("Vosk speech to text is closed", e.getMessage());
  }

  private static List<Transcript> runAtOnce(List<Callable<Transcript>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Transcript>> futures = new ArrayList<>();
      for (Callable<Transcript> call : calls) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<Transcript> transcripts = new ArrayList<>();
      for (Future<Transcript> future : futures) transcripts.add(future.get(2, TimeUnit.MINUTES));
      return transcripts;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertHasWords(Transcript transcript, String... words) {
    List<String> heard = Arrays.asList(transcript.text().split(" "));
    for (String word : words) assertTrue(heard.contains(word), "\"" + word + "\" in \"" + transcript.text() + "\"");
  }
}
