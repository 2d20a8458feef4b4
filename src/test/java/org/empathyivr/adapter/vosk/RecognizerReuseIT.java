package org.empathyivr.adapter.vosk;

import static org.empathyivr.adapter.vosk.BundledVoskModel.caller;
import static org.empathyivr.adapter.vosk.HeardAlike.assertHeardAlike;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.TranscriptionStream;
import org.junit.jupiter.api.Test;

/**
 * Recognizers used again for the next recording of their kind (real Vosk, bundled model): they hear what a new one
 * hears, and they are freed after their share of audio, or when their stream ends without a final result.
 */
class RecognizerReuseIT {
  private static final List<String> RECORDINGS =
      List.of("internet-dropping.wav", "billing.wav", "agent.wav", "internet-dropping.wav");

  @Test
  void aRecognizerUsedAgainHearsWordForWordWhatANewOneHears() throws Exception {
    List<Transcript> fresh;
    try (VoskSpeechToText newEachTime = VoskSpeechToText.open(BundledVoskModel.directory(), 2, 0)) {
      fresh = everyRecordingTwice(newEachTime);
      assertEquals(0, newEachTime.idleRecognizers(), "with reuse off every recognizer is freed");
    }

    List<Transcript> reused;
    try (VoskSpeechToText usedAgain = VoskSpeechToText.open(BundledVoskModel.directory(), 2, 3600)) {
      reused = everyRecordingTwice(usedAgain);
      assertEquals(2, usedAgain.idleRecognizers(), "one free-speech and one answer recognizer, each taken again");
    }

    assertHeardAlike(fresh, reused);
    assertTrue(fresh.get(0).text().contains("internet"), fresh.get(0).text());
  }

  /** Each recording heard as free speech, then among the answer words. */
  private static List<Transcript> everyRecordingTwice(VoskSpeechToText speech) throws Exception {
    List<Transcript> heard = new ArrayList<>();
    for (String recording : RECORDINGS) {
      heard.add(speech.transcribe(caller(recording)));
      heard.add(speech.transcribeAnswer(caller(recording)));
    }
    return heard;
  }

  @Test
  void aRecognizerIsFreedOnceItHasDecodedItsShareOfAudio() throws Exception {
    Audio recording = caller("internet-dropping.wav");
    int shareSeconds = (int) Math.ceil(recording.durationMs() / 1000.0);
    try (VoskSpeechToText speech = VoskSpeechToText.open(BundledVoskModel.directory(), 2, shareSeconds)) {
      Transcript first = speech.transcribe(recording);
      assertEquals(1, speech.idleRecognizers(), "less than its share decoded: kept for the next recording");

      Transcript second = speech.transcribe(recording);
      assertEquals(0, speech.idleRecognizers(), "two recordings are more than its share: freed");

      assertHeardAlike(first, second);
    }
  }

  @Test
  void aStreamThatEndsWithoutItsFinalResultFreesItsRecognizer() throws Exception {
    try (VoskSpeechToText speech = VoskSpeechToText.open(BundledVoskModel.directory(), 1, 3600)) {
      Transcript before = speech.transcribe(caller("billing.wav"));
      assertEquals(1, speech.idleRecognizers());

      Audio billing = caller("billing.wav");
      Audio firstWords = new Audio(billing.sampleRateHz(),
          java.util.Arrays.copyOf(billing.samples(), billing.samples().length / 2));
      try (TranscriptionStream hungUp = speech.startTranscribing()) {
        hungUp.accept(firstWords); // takes the idle recognizer; the caller hangs up mid-sentence
        ((VoskTranscriptionStream) hungUp).awaitBackgroundFed();
      }
      assertEquals(0, speech.idleRecognizers(), "a recognizer left mid-utterance is not used again");

      assertHeardAlike(before, speech.transcribe(caller("billing.wav")));
    }
  }

  @Test
  void theServiceFreesARecognizerIdleLongerThanItsWaitOnItsOwn() throws Exception {
    try (VoskSpeechToText speech = VoskSpeechToText.open(
        BundledVoskModel.directory(), 2, 3600, java.time.Duration.ofMillis(400), TurnTiming.NONE, true)) {
      speech.transcribe(caller("billing.wav"));
      assertEquals(1, speech.idleRecognizers(), "just given back");

      Thread.sleep(400 + 400 / 4 + 300);
      assertEquals(0, speech.idleRecognizers(), "idle longer than the wait: freed");
    }
  }

  @Test
  void aRecognizerLeftIdleIsFreedSoAQuietLineHoldsNone() throws Exception {
    try (VoskSpeechToText speech = VoskSpeechToText.open(BundledVoskModel.directory(), 2, 3600)) {
      Transcript heard = speech.transcribe(caller("billing.wav"));
      speech.freeIdleRecognizers(60_000);
      assertEquals(1, speech.idleRecognizers(), "idle for less than a minute: kept");

      speech.freeIdleRecognizers(0);
      assertEquals(0, speech.idleRecognizers());

      assertHeardAlike(heard, speech.transcribe(caller("billing.wav")));
    }
  }

  @Test
  void aCallerWhoPausesLendsTheRecognizerToAnotherAndIsHeardWordForWordAsWithoutThePause() throws Exception {
    try (VoskSpeechToText speech = VoskSpeechToText.open(BundledVoskModel.directory(), 1, 3600)) {
      Audio dropping = caller("internet-dropping.wav");
      Audio pause = Audio.silence(dropping.sampleRateHz(), 1000);
      Audio router = caller("no-its-the-router.wav");
      Transcript throughTheRecording = speech.transcribe(Audio.join(List.of(dropping, pause, router)));

      Transcript paused;
      try (TranscriptionStream stream = speech.startTranscribing()) {
        stream.accept(dropping);
        stream.accept(pause);
        ((VoskTranscriptionStream) stream).awaitBackgroundFed();
        assertEquals(1, speech.idleRecognizers(), "given back in the pause, though the recording goes on");

        // The only recognizer is free: another caller is heard meanwhile instead of waiting for this recording's end.
        assertTrue(speech.transcribe(caller("billing.wav")).text().contains("charged"));

        stream.accept(router); // the caller speaks again: the recording is heard again from its start
        paused = stream.finish();
      }

      assertHeardAlike(throughTheRecording, paused);
      int firstWords = speech.transcribe(dropping).words().size();
      assertTrue(paused.text().contains("internet") && paused.words().size() > firstWords + 2, paused.text());
    }
  }

  @Test
  void aCallerWhoKeepsPausingIsHeardAgainOnlySoOftenAndStillWordForWord() throws Exception {
    try (VoskSpeechToText speech = VoskSpeechToText.open(BundledVoskModel.directory(), 1, 3600)) {
      List<Audio> said = List.of(caller("yes.wav"), caller("no.wav"), caller("yes.wav"), caller("agent.wav"));
      Audio pause = Audio.silence(said.get(0).sampleRateHz(), 1000);
      List<Audio> withPauses = new ArrayList<>();
      for (Audio words : said) withPauses.addAll(List.of(words, pause));
      Transcript throughTheRecording = speech.transcribe(Audio.join(withPauses));

      Transcript paused;
      int heardAgain;
      try (TranscriptionStream stream = speech.startTranscribing()) {
        for (Audio piece : withPauses) {
          stream.accept(piece);
          ((VoskTranscriptionStream) stream).awaitBackgroundFed();
        }
        paused = stream.finish();
        heardAgain = ((VoskTranscriptionStream) stream).timesHeardAgain();
      }

      assertEquals(VoskTranscriptionStream.MAX_HEARD_AGAIN, heardAgain, "three pauses broken, heard again twice");
      assertHeardAlike(throughTheRecording, paused);
    }
  }

  @Test
  void aCallerHeardToTheEndWhileAsteriskWaitsForSilenceNeedsNoRecognizerWhenTheRecordingEnds() throws Exception {
    try (VoskSpeechToText speech = VoskSpeechToText.open(BundledVoskModel.directory(), 1, 3600)) {
      Audio billing = caller("billing.wav");
      Transcript alone = speech.transcribe(Audio.join(List.of(billing, Audio.silence(billing.sampleRateHz(), 300))));
      ExecutorService asterisk = Executors.newSingleThreadExecutor();
      try (TranscriptionStream finished = speech.startTranscribing();
          TranscriptionStream speaking = speech.startTranscribing()) {
        finished.accept(billing);
        finished.accept(Audio.silence(billing.sampleRateHz(), 2000)); // Asterisk ends the recording on this silence
        ((VoskTranscriptionStream) finished).awaitBackgroundFed();
        speaking.accept(caller("internet-dropping.wav")); // another caller takes the only recognizer, and keeps it

        Future<Transcript> heard = asterisk.submit(finished::finish);

        assertHeardAlike(alone, heard.get(1, TimeUnit.MINUTES)); // it would never come if it waited for a recognizer
      } finally {
        asterisk.shutdownNow();
      }
    }
  }

  @Test
  void aCallerWhoStartsWhileTheWarmRecognizerIsBusyWaitsASecondForItRatherThanHaveANewOneMade() throws Exception {
    try (VoskSpeechToText speech = VoskSpeechToText.open(BundledVoskModel.directory(), 3, 3600)) {
      Audio agent = caller("agent.wav");
      Transcript alone = speech.transcribe(agent); // one recognizer made, and left idle: warm
      Audio firstHalfSecond = new Audio(agent.sampleRateHz(), Arrays.copyOfRange(agent.samples(), 0, 4_000));
      Audio rest = new Audio(agent.sampleRateHz(), Arrays.copyOfRange(agent.samples(), 4_000, agent.sampleCount()));

      try (TranscriptionStream first = speech.startTranscribing();
          TranscriptionStream second = speech.startTranscribing();
          TranscriptionStream holder = speech.startTranscribing();
          TranscriptionStream third = speech.startTranscribing()) {
        first.accept(caller("internet-dropping.wav")); // takes the warm one
        second.accept(firstHalfSecond);
        assertEquals(1, speech.peakLiveRecognizers(), "half a second waiting: no new recognizer, though one may be made");

        first.finish(); // the warm one comes back
        second.accept(rest);
        assertHeardAlike(alone, second.finish());
        assertEquals(1, speech.peakLiveRecognizers(), "the second caller was heard by the warm one");

        holder.accept(caller("internet-dropping.wav")); // the warm one is busy again, and stays so
        third.accept(caller("billing.wav")); // over a second waiting with none idle: a new one is made meanwhile
        ((VoskTranscriptionStream) third).awaitBackgroundFed();
        assertEquals(2, speech.peakLiveRecognizers());
        assertTrue(third.finish().text().contains("charged"));
      }
    }
  }

  @Test
  void noMoreRecognizersOfAKindWaitIdleThanMayDecodeAtOnce() throws Exception {
    try (VoskSpeechToText speech = VoskSpeechToText.open(BundledVoskModel.directory(), 2, 3600)) {
      ExecutorService calls = Executors.newFixedThreadPool(6);
      try {
        List<Future<Transcript>> heard = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          String recording = RECORDINGS.get(i % RECORDINGS.size());
          heard.add(calls.submit(() -> speech.transcribe(caller(recording))));
        }
        for (Future<Transcript> transcript : heard) assertTrue(!transcript.get(2, TimeUnit.MINUTES).isEmpty());
      } finally {
        calls.shutdownNow();
      }
      assertTrue(speech.idleRecognizers() <= 2, "idle: " + speech.idleRecognizers());
      assertTrue(speech.peakLiveRecognizers() <= 2);
    }
  }
}
