package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.empathyivr.domain.frustration.FrustrationSettings;
import org.empathyivr.simulate.Event;
import org.empathyivr.simulate.SessionResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callers in six espeak-ng voices through the whole line (real Vosk, FreeTTS, the simulated Asterisk). One caller per
 * voice gets angrier turn by turn: a calm description, a "no" a little louder, then 12 dB louder, higher and faster,
 * "this is the third time I'm calling and it's still not fixed". Each is handed to a person as frustrated at that third
 * turn, not before, with the raised voice and the words among the reasons the agent gets. Another caller per voice
 * stays calm through a correction and is confirmed at the usual priority: no false handoff. The recordings are made by
 * {@code callers/escalating/make-escalating-calls.sh}.
 */
class EscalatingCallsIT {
  private static final List<String> VOICES =
      List.of("en-us+m3", "en-us+f3", "en-gb", "en-us+m1", "en-gb-x-rp", "en-us+f2");
  private static final double THRESHOLD = FrustrationSettings.defaults().threshold();

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

  /** What one call left: the reason, how many caller turns were recorded, and the stored score with its cue ids. */
  private record Outcome(String voice, String reason, int callerTurns, double score, List<String> cues) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-10s %-10s after turn %d, score %.2f %s", voice, reason, callerTurns, score,
          cues);
    }
  }

  private static Outcome call(String kind, String voice, int turns) throws Exception {
    String[] said = IntStream.rangeClosed(1, turns)
        .mapToObj(n -> "escalating/" + kind + "-" + voice + "-" + n + ".wav").toArray(String[]::new);
    SessionResult call = line.call("5550188", "Sam Carter", said);
    int recorded = (int) call.events().stream()
        .filter(e -> e instanceof Event.Recorded).count();
    Map<?, ?> stored = line.newestHandoff();
    assertEquals(call.variable("HANDOFF_ID").orElseThrow(), stored.get("id"));
    Map<?, ?> frustration = (Map<?, ?>) stored.get("frustration");
    List<String> cues = ((List<?>) frustration.get("cues")).stream()
        .map(c -> (String) ((Map<?, ?>) c).get("id")).toList();
    Outcome outcome = new Outcome(voice, call.variable("HANDOFF_REASON").orElse("none"), recorded,
        (Double) frustration.get("score"), cues);
    System.out.println("escalating calls: " + kind + " " + outcome);
    return outcome;
  }

  @Test
  void everyCallerGettingAngrierIsHandedOffAtTheThirdTurnWithTheRaisedVoiceAndTheWords() throws Exception {
    List<Outcome> wrong = new ArrayList<>();
    for (String voice : VOICES) {
      Outcome o = call("angry", voice, 3);
      boolean right = o.reason().equals("frustrated") && o.callerTurns() == 3 && o.score() >= THRESHOLD
          && o.cues().contains("voice.louder") && o.cues().contains("words.history")
          && o.cues().contains("dialog.denials");
      if (!right) wrong.add(o);
    }
    assertEquals(List.of(), wrong, "handed off otherwise than at the third turn, or without the reasons");
  }

  @Test
  void noCalmCallerIsHandedOffAsFrustrated() throws Exception {
    List<Outcome> wrong = new ArrayList<>();
    for (String voice : VOICES) {
      Outcome o = call("calm", voice, 3);
      if (o.reason().equals("frustrated") || o.score() >= THRESHOLD || o.cues().stream().anyMatch(c -> c.startsWith("voice."))) {
        wrong.add(o);
      }
    }
    assertEquals(List.of(), wrong, "calm callers taken for frustrated");
  }
}
