package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.empathyivr.simulate.SessionResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.config.SettingsReader;
import org.empathyivr.domain.frustration.Frustration;
import org.empathyivr.domain.frustration.FrustrationMeter;
import org.empathyivr.domain.frustration.FrustrationSettings;
import org.empathyivr.domain.frustration.WordsModel;
import org.empathyivr.domain.port.Audio;

/**
 * Whole calls through the real server, FreeTTS and Vosk: a caller who gets louder and angrier turn by turn is handed
 * to a person as frustrated at the turn it happens, with the reasons; a calm caller who is misunderstood once is not.
 * The callers are espeak-ng voices made by {@code src/test/resources/callers/make-callers.sh}.
 */
class FrustratedCallIT {
  @TempDir static Path root;
  private static RunningSupportLine line;

  @BeforeAll
  static void startTheLine() throws Exception {
    line = RunningSupportLine.start(root, "");
  }

  @AfterAll
  static void stopTheLine() throws Exception {
    if (line != null) line.close();
  }

  @Test
  void aCallerGettingAngrierIsHandedOffAtTheTurnItHappensWithTheReasons() throws Exception {
    // Calm description, a "no" to the reflection, then 10 dB louder and higher: "third time I'm calling".
    SessionResult call =
        line.call("5550199", "Sam Carter", "internet-dropping.wav", "no.wav", "third-time-loud.wav", "yes.wav");

    List<String> said = Calls.replies(call);
    assertEquals("frustrated", call.variable("HANDOFF_REASON").orElseThrow(), said.toString());
    assertEquals("10", call.variable("HANDOFF_PRIORITY").orElseThrow());
    assertEquals(4, said.size(), "greeting and question, reflection, apology, then the person is coming: " + said);
    String last = said.get(said.size() - 1);
    assertTrue(last.contains("stay on the line") && !last.contains("Is that right"), last);

    // What the agent gets (stored, and the same record on the page and the webhook): the score and why.
    Map<?, ?> stored = line.newestHandoff();
    assertEquals(call.variable("HANDOFF_ID").orElseThrow(), stored.get("id"));
    assertEquals("frustrated", stored.get("reason"));
    Map<?, ?> frustration = (Map<?, ?>) stored.get("frustration");
    assertTrue((Double) frustration.get("score") >= FrustrationSettings.defaults().threshold(), frustration.toString());
    List<?> cues = (List<?>) frustration.get("cues");
    List<Object> ids = cues.stream().<Object>map(c -> ((Map<?, ?>) c).get("id")).toList();
    assertTrue(ids.containsAll(List.of("voice.louder", "words.history", "dialog.denials")), ids.toString());
    List<Object> explained = cues.stream().<Object>map(c -> ((Map<?, ?>) c).get("explanation")).toList();
    assertTrue(explained.contains("said 'third time'") && explained.contains("denied the reflection once"),
        explained.toString());
  }

  /**
   * The same caller's turns, heard by the real recognizer and measured as the call measures them: the score rises turn
   * by turn and crosses the threshold at the loud one, where the cues are the voice against the first turn, the
   * words, and the denial.
   */
  @Test
  void theAngryCallersScoreRisesTurnByTurnWithTheRaisedVoiceTheWordsAndTheDenial() throws Exception {
    FrustrationMeter meter = new FrustrationMeter(FrustrationSettings.defaults(), WordsModel.bundled());
    double threshold = FrustrationSettings.defaults().threshold();
    try (VoskSpeechToText speech = VoskSpeechToText.open(SettingsReader.bundledModelDir(), 1)) {
      Frustration calm = turn(meter, speech, "internet-dropping.wav");
      turn(meter, speech, "no.wav");
      meter.denied();
      Frustration denied = meter.current();
      Frustration upset = turn(meter, speech, "third-time-loud.wav");

      assertTrue(calm.score() < denied.score() && denied.score() < threshold && threshold <= upset.score(),
          calm.score() + " then " + denied.score() + " then " + upset.score());
      List<String> explained = upset.cues().stream().map(Frustration.Cue::explanation).toList();
      assertTrue(explained.stream().anyMatch(e -> e.matches("raised voice \\+(9|10|11|12) dB vs\\. first turn")),
          explained.toString());
      assertTrue(explained.contains("said 'third time'"), explained.toString());
      assertTrue(explained.contains("denied the reflection once"), explained.toString());
    }
  }

  private static Frustration turn(FrustrationMeter meter, VoskSpeechToText speech, String fixture) throws Exception {
    Audio audio = WavFile.read(Path.of(RunningSupportLine.fixture(fixture)));
    meter.hear(audio);
    return meter.callerSaid(speech.transcribe(audio));
  }

  @Test
  void aCalmCallerMisunderstoodTwiceIsStillNotHandedOffAsFrustrated() throws Exception {
    // Two corrections in an even voice, then a yes: friction in the dialog alone is not frustration.
    SessionResult call = line.call(
        "5550124", "Sam Carter", "internet-dropping.wav", "no-its-the-router.wav", "no-my-email-stopped.wav", "yes.wav");

    List<String> said = Calls.replies(call);
    assertEquals("confirmed", call.variable("HANDOFF_REASON").orElseThrow(), said.toString());
    assertEquals("5", call.variable("HANDOFF_PRIORITY").orElseThrow());
    Map<?, ?> frustration = (Map<?, ?>) line.newestHandoff().get("frustration");
    assertTrue((Double) frustration.get("score") < FrustrationSettings.defaults().threshold(), frustration.toString());
    assertTrue(frustration.toString().contains("denied the reflection twice"), frustration.toString());
  }

  @Test
  void aCalmCallerCorrectingTheAssistantIsNotHandedOffAsFrustrated() throws Exception {
    SessionResult call =
        line.call("5550123", "Sam Carter", "internet-dropping.wav", "no-my-email-stopped.wav", "yes.wav");

    assertEquals("confirmed", call.variable("HANDOFF_REASON").orElseThrow(), Calls.promptsHeard(call).toString());
    assertEquals("5", call.variable("HANDOFF_PRIORITY").orElseThrow());
    assertFalse(Calls.promptsHeard(call).stream().anyMatch(p -> p.contains("person right now")));
    Map<?, ?> frustration = (Map<?, ?>) line.newestHandoff().get("frustration");
    assertTrue((Double) frustration.get("score") < FrustrationSettings.defaults().threshold(), frustration.toString());
    assertFalse(frustration.toString().contains("voice."), "a calm voice raises nothing: " + frustration);
  }
}
