package org.empathyivr.adapter.vosk;

import static org.empathyivr.adapter.vosk.BundledVoskModel.caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.domain.port.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Free speech decoded on the graph the build composed ahead of time (scripts/compose-graph.sh) against the graph Vosk
 * composes as it goes (real Vosk, bundled model): the callers are heard alike, and an answer is still heard among the
 * answer words only, although Vosk cannot restrict a composed graph to a grammar.
 */
class ComposedGraphIT {
  private static final List<String> CALLERS = List.of("internet-dropping.wav", "billing.wav", "agent.wav",
      "maria.wav", "judith.wav", "weather.wav", "no-its-the-router.wav", "no-my-email-stopped.wav",
      "third-time-loud.wav", "its-james.wav", "yeah-thats-right.wav", "yes.wav", "no.wav");

  @TempDir Path elsewhere;

  @Test
  void theCallersAreHeardWordForWordAsOnTheGraphComposedAsItGoes() throws Exception {
    Path model = composedModel();
    List<Transcript> asItGoes;
    try (VoskSpeechToText speech = open(model, false)) {
      assertFalse(speech.decodesOnComposedGraph());
      asItGoes = freeSpeech(speech);
    }
    List<Transcript> composed;
    try (VoskSpeechToText speech = open(model, true)) {
      assertTrue(speech.decodesOnComposedGraph());
      composed = freeSpeech(speech);
    }

    for (int i = 0; i < CALLERS.size(); i++) {
      Transcript want = asItGoes.get(i);
      Transcript got = composed.get(i);
      assertEquals(want.text(), got.text(), CALLERS.get(i));
      assertEquals(want.words().size(), got.words().size(), CALLERS.get(i));
      for (int w = 0; w < want.words().size(); w++) {
        assertEquals(want.words().get(w).confidence(), got.words().get(w).confidence(), 0.02,
            CALLERS.get(i) + ", word " + w + ": " + got.words().get(w));
        assertEquals(want.words().get(w).startSeconds(), got.words().get(w).startSeconds(), 0.03,
            CALLERS.get(i) + ", word " + w);
      }
    }
    assertTrue(composed.get(0).text().contains("internet"), composed.get(0).text());
  }

  @Test
  void anAnswerIsStillHeardAmongTheAnswerWordsOnly() throws Exception {
    Path model = composedModel();
    try (VoskSpeechToText speech = open(model, true)) {
      assertTrue(speech.decodesOnComposedGraph());

      assertEquals("yes", speech.transcribeAnswer(caller("yes.wav")).text());
      String notAnAnswer = speech.transcribeAnswer(caller("internet-dropping.wav")).text();
      assertFalse(notAnAnswer.contains("dropping"), "a composed graph knows every word, the answer grammar not: "
          + notAnAnswer);
      assertTrue(speech.transcribe(caller("internet-dropping.wav")).text().contains("dropping"));
    }
  }

  @Test
  void aGraphComposedFromAnotherModelIsNotUsed() throws Exception {
    Path model = composedModel();
    for (String part : List.of("am", "conf", "ivector", "graph")) {
      Files.createSymbolicLink(elsewhere.resolve(part), model.resolve(part));
    }
    Path composed = Files.createDirectories(elsewhere.resolve(VoskModelDirectory.COMPOSED));
    for (String part : List.of("am", "conf", "ivector", "graph")) {
      Files.createSymbolicLink(composed.resolve(part), model.resolve(VoskModelDirectory.COMPOSED).resolve(part));
    }
    List<String> from = new ArrayList<>(Files.readAllLines(model.resolve("composed/FROM")));
    from.set(0, "0".repeat(64) + from.get(0).substring(64));
    Files.write(composed.resolve("FROM"), from);

    try (VoskSpeechToText speech = open(elsewhere, true)) {
      assertFalse(speech.decodesOnComposedGraph());
      assertTrue(speech.transcribe(caller("internet-dropping.wav")).text().contains("internet"));
    }
  }

  /** The bundled model, with the graph the build composed, or a skip that says why it composed none. */
  private static Path composedModel() {
    Path model = BundledVoskModel.directory();
    VoskModelDirectory.Composed composed;
    try {
      composed = VoskModelDirectory.check(model).composed();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    assumeTrue(composed.dir().isPresent(), "the build composed no graph (OpenFst's tools are not installed:"
        + " apt-get install libfst-tools libfst22-plugins-base): " + composed.whyNot());
    return model;
  }

  private static VoskSpeechToText open(Path model, boolean composedGraph) throws java.io.IOException {
    return VoskSpeechToText.open(model, 1, 3600, VoskSpeechToText.DEFAULT_IDLE_FREE, TurnTiming.NONE, composedGraph);
  }

  private static List<Transcript> freeSpeech(VoskSpeechToText speech) throws Exception {
    List<Transcript> heard = new ArrayList<>();
    for (String file : CALLERS) heard.add(speech.transcribe(caller(file)));
    return heard;
  }
}
