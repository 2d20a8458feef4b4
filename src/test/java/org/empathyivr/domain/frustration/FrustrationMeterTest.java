package org.empathyivr.domain.frustration;

import static org.empathyivr.domain.frustration.VoiceAnalyzerTest.voice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.Word;
import org.junit.jupiter.api.Test;

class FrustrationMeterTest {
  private final FrustrationMeter meter = new FrustrationMeter(FrustrationSettings.defaults(), WordsModel.bundled());

  /** Words spoken evenly over {@code seconds}, as the recognizer times them. */
  private static Transcript said(String text, double seconds) {
    String[] words = text.split(" ");
    List<Word> timed = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      timed.add(new Word(words[i], i * seconds / words.length, (i + 0.9) * seconds / words.length, 0.95));
    }
    return new Transcript(text, timed);
  }

  private Frustration turn(String text, double amplitude, double f0) {
    meter.hear(voice(f0, amplitude, 1.5));
    return meter.callerSaid(said(text, 1.5));
  }

  /** A turn at the same level and pitch as the others, {@code seconds} long, its words spread evenly over it. */
  private Frustration inAnEvenVoice(String text, double seconds) {
    meter.hear(voice(120, 1500, seconds));
    return meter.callerSaid(said(text, seconds));
  }

  private static Optional<Frustration.Cue> cue(Frustration f, String id) {
    return f.cues().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  @Test
  void aCallerGettingLouderAndSayingThirdTimeCrossesTheThreshold() {
    Frustration calm = turn("my internet keeps dropping in the evening", 1500, 120);
    assertFalse(meter.overThreshold(), calm.toString());

    Frustration upset = turn("this is the third time i'm calling and it's still not fixed", 7000, 160);

    assertTrue(meter.overThreshold(), upset.toString());
    assertTrue(upset.score() > calm.score());
    String louder = cue(upset, "voice.louder").orElseThrow().explanation();
    assertTrue(louder.startsWith("raised voice +13 dB vs. first turn"), louder);
    assertTrue(cue(upset, "voice.pitch").orElseThrow().explanation().contains("semitones vs. first turn"));
    assertTrue(cue(upset, "words.history").orElseThrow().explanation().contains("'third time'"));
  }

  @Test
  void aShortYesSaidHigherThanTheFirstTurnIsNotARaisedPitch() {
    turn("my internet keeps dropping in the evening", 1500, 120);
    meter.hear(voice(220, 1500, 0.4));
    Frustration yes = meter.callerSaid(said("yes", 0.4));

    assertTrue(cue(yes, "voice.pitch").isEmpty(), yes.toString());
    assertTrue(yes.score() < FrustrationSettings.defaults().toneThreshold(), yes.toString());

    meter.hear(voice(220, 1500, 1.5));
    Frustration longer = meter.callerSaid(said("it happens around seven most days", 1.5));
    assertTrue(cue(longer, "voice.pitch").isPresent(), "over a whole sentence it counts: " + longer);
  }

  @Test
  void aVoiceTwiceAsLoudAsTheFirstTurnIsAtTheThresholdAndOneDenialTipsIt() {
    FrustrationSettings d = FrustrationSettings.defaults();
    // The words left out (weight 0), so the level rule is seen alone: 10 dB louder is heard as twice as loud.
    FrustrationSettings voiceOnly = new FrustrationSettings(d.threshold(), d.turnThreshold(), d.toneThreshold(),
        d.priority(), 0, d.louderFromDb(), d.louderPerDb(), d.higherPitchPerSemitone(), d.widerRangePerSemitone(),
        d.fasterPer10Percent(), d.shouting(), d.denial(), d.reprompt(), d.keys(), d.perMinute(), d.repeatedComplaint());
    for (double db : new double[] {8, 10}) {
      FrustrationMeter m = new FrustrationMeter(voiceOnly, WordsModel.bundled());
      m.hear(voice(120, 1000, 1.5));
      m.callerSaid(said("my internet keeps dropping in the evening", 1.5));
      m.hear(voice(120, 1000 * Math.pow(10, db / 20), 1.5));
      Frustration louder = m.callerSaid(said("it happens around seven most days", 1.5));
      m.denied();
      if (db == 10) {
        assertTrue(louder.score() > 0.87 && louder.score() < d.threshold(), louder.toString());
        assertTrue(m.overThreshold(), m.current().toString());
      } else {
        assertFalse(m.overThreshold(), "8 dB louder and one denial: " + m.current());
      }
    }
  }

  @Test
  void goingOnInShorterWordsAtTheSamePaceIsNotSpeakingFaster() {
    // 13 syllables in 2.6 s, then 9 in 1.8 s: both 5 a second, though 6 words against 9.
    inAnEvenVoice("my internet keeps dropping every evening", 2.6);
    Frustration samePace = inAnEvenVoice("no it is not the one i told you", 1.8);

    assertTrue(cue(samePace, "voice.faster").isEmpty(), samePace.toString());

    Frustration faster = inAnEvenVoice("no it is not the one i told you", 1.2);
    assertTrue(cue(faster, "voice.faster").orElseThrow().explanation().startsWith("speaking +49% faster"),
        faster.toString());
  }

  @Test
  void speechReadAsThreeTimesAsFastCountsAsHalfAgainAndCannotHandACallerOffAlone() {
    inAnEvenVoice("it happens around seven most days", 2.6);
    // As many words, longer ones, in half the time: the recognizer's timings read it three times as fast, far more
    // than anger speeds anyone up.
    Frustration thrice = inAnEvenVoice("my internet keeps dropping every evening", 1.3);

    Frustration.Cue rate = cue(thrice, "voice.faster").orElseThrow(() -> new AssertionError(thrice.toString()));
    int percent = Integer.parseInt(rate.explanation().replaceAll("speaking \\+(\\d+)% faster.*", "$1"));
    assertTrue(percent >= 150, rate.explanation());
    assertEquals(1.0, rate.weight(), 1e-9, "counted as +50 %: " + rate);
    assertFalse(meter.overThreshold(), thrice.toString());
  }

  @Test
  void aReplyTooShortToTimeHasNoRate() {
    inAnEvenVoice("my internet keeps dropping every evening", 2.6);
    Frustration quick = inAnEvenVoice("no the router", 0.5);

    assertTrue(cue(quick, "voice.faster").isEmpty(), quick.toString());
  }

  @Test
  void aLoudLineIsNotAnAngryCaller() {
    turn("my internet keeps dropping in the evening", 12000, 120);
    Frustration second = turn("it happens around seven most days", 12000, 120);

    assertTrue(cue(second, "voice.louder").isEmpty(), second.toString());
    assertFalse(meter.overThreshold(), second.toString());
  }

  @Test
  void deniedReflectionsAndRepromptsAddUpWithTheirCount() {
    turn("my bill is too high this month", 1500, 120);
    meter.denied();
    meter.denied();
    meter.reprompted();

    Frustration f = meter.current();

    assertEquals("denied the reflection twice", cue(f, "dialog.denials").orElseThrow().explanation());
    assertEquals("had to be asked again once", cue(f, "dialog.reprompts").orElseThrow().explanation());
  }

  @Test
  void repeatingTheSameComplaintIsNoticed() {
    turn("my internet connection keeps dropping", 1500, 120);
    Frustration f = turn("the internet connection is dropping again", 1500, 120);

    assertTrue(cue(f, "dialog.repeated").isPresent(), f.toString());
  }

  @Test
  void profanityRaisesTheScoreButIsNeverRepeated() {
    Frustration f = meter.callerSaid(new Transcript("this fucking router is shit", List.of()));

    assertTrue(cue(f, "words.profanity").isPresent(), f.toString());
    for (Frustration.Cue c : f.cues()) {
      assertFalse(c.explanation().contains("fuck") || c.explanation().contains("shit"), c.explanation());
    }
  }

  @Test
  void pressingZeroAndLongCallsCount() {
    meter.callerKeyed('0');
    meter.timeWithAssistant(Duration.ofMinutes(4));

    Frustration f = meter.current();

    assertTrue(cue(f, "dialog.keys").orElseThrow().explanation().startsWith("pressed 0 for a person"));
    assertEquals("4.0 min with the assistant", cue(f, "dialog.time").orElseThrow().explanation());
  }

  @Test
  void cuesComeStrongestFirstAndTheScoreStaysInRange() {
    Frustration f = meter.callerSaid(new Transcript("this is ridiculous i want a manager now", List.of()));

    for (int i = 1; i < f.cues().size(); i++) assertTrue(f.cues().get(i - 1).weight() >= f.cues().get(i).weight());
    assertTrue(f.score() > 0 && f.score() < 1);
  }

  @Test
  void aPlainFirstDescriptionStaysCalmEvenMisunderstoodOnceButAFailedFixDoesNot() {
    FrustrationMeter plain = new FrustrationMeter(FrustrationSettings.defaults(), WordsModel.bundled());
    Frustration first = plain.callerSaid(said("my internet does not work", 1.5));
    assertTrue(first.score() < FrustrationSettings.defaults().toneThreshold(), first.toString());
    plain.denied();
    assertFalse(plain.overThreshold(), plain.current().toString());

    FrustrationMeter tried = new FrustrationMeter(FrustrationSettings.defaults(), WordsModel.bundled());
    Frustration again = tried.callerSaid(said("i restarted the router twice and my internet still does not work", 3));
    assertTrue(again.score() > first.score() + 0.3, again + " vs " + first);
    assertTrue(cue(again, "words.tried").orElseThrow().explanation().contains("'restarted \u2026 still'"),
        again.toString());
    tried.denied();
    assertTrue(tried.overThreshold(), tried.current().toString());
  }

  @Test
  void courtesyLowersTheScoreButIsNeverShownAsACue() {
    Frustration thanks = meter.callerSaid(said("ok thank you that's all", 1.5));
    assertTrue(cue(thanks, "words.courtesy").isEmpty(), thanks.toString());
    assertTrue(thanks.score() < 0.3, thanks.toString());
  }
}
