package org.empathyivr.adapter.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.Word;
import org.junit.jupiter.api.Test;

class VoskResultsTest {
  /** The shape Vosk 0.3.45 prints with words on, copied from a real decode. */
  private static final String KEEP_DROPPING =
      """
      {
        "result" : [{
            "conf" : 0.773651,
            "end" : 1.020000,
            "start" : 0.720000,
            "word" : "keep"
          }, {
            "conf" : 1.000000,
            "end" : 1.650000,
            "start" : 1.110000,
            "word" : "dropping"
          }],
        "text" : "keep dropping"
      }""";

  @Test
  void readsTextAndTimedWords() {
    Transcript transcript = VoskResults.toTranscript(List.of(KEEP_DROPPING));

    assertEquals("keep dropping", transcript.text());
    assertEquals(
        List.of(new Word("keep", 0.72, 1.02, 0.773651), new Word("dropping", 1.11, 1.65, 1.0)), transcript.words());
  }

  @Test
  void aRecognizerUsedBeforeHasItsWordsTimedFromThisUtterancesStart() {
    // Vosk times words from the recognizer's first audio: after 3.18 s decoded for an earlier caller, "keep" at
    // 0.72 s of this one comes back at 3.90 s.
    String usedBefore = KEEP_DROPPING.replace("1.020000", "4.200000").replace("0.720000", "3.900000")
        .replace("1.650000", "4.830000").replace("1.110000", "4.290000");

    Transcript transcript = VoskResults.toTranscript(List.of(usedBefore), 3.18);

    assertEquals(VoskResults.toTranscript(List.of(KEEP_DROPPING)), transcript);
  }

  @Test
  void joinsSegmentsInOrderWithTheFinalResultLast() {
    String every =
        "{\"result\": [{\"conf\": 0.5, \"end\": 2.5, \"start\": 2.0, \"word\": \"every\"}], \"text\": \"every\"}";

    Transcript transcript = VoskResults.toTranscript(List.of(KEEP_DROPPING, every));

    assertEquals("keep dropping every", transcript.text());
    assertEquals(List.of("keep", "dropping", "every"), transcript.words().stream().map(Word::text).toList());
  }

  @Test
  void emptyResultsMakeAnEmptyTranscript() {
    // The compact shape is what Vosk prints for a final result with nothing left after a closed segment.
    assertEquals(Transcript.EMPTY, VoskResults.toTranscript(List.of("{\"text\": \"\"}")));
    assertEquals(Transcript.EMPTY, VoskResults.toTranscript(List.of("{\n  \"text\" : \"\"\n}", "{\"text\": \"\"}")));
    assertEquals(Transcript.EMPTY, VoskResults.toTranscript(List.of()));
  }

  @Test
  void emptySegmentsLeaveNoDoubleSpaces() {
    Transcript transcript =
        VoskResults.toTranscript(List.of("{\"text\": \"no\"}", "{\"text\": \"\"}", "{\"text\": \"agent\"}"));

    assertEquals("no agent", transcript.text());
  }

  @Test
  void dropsUnknownSoSpeechOutsideTheGrammarComesBackEmpty() {
    String onlyUnknown =
        "{\"result\": [{\"conf\": 1.0, \"end\": 1.2, \"start\": 0.3, \"word\": \"[unk]\"}], \"text\": \"[unk]\"}";

    assertTrue(VoskResults.toTranscript(List.of(onlyUnknown)).isEmpty());
    assertEquals(List.of(), VoskResults.toTranscript(List.of(onlyUnknown)).words());
  }

  @Test
  void dropsUnknownBetweenAnswerWords() {
    String json =
        """
        {"result": [{"conf": 0.9, "end": 0.5, "start": 0.2, "word": "[unk]"},
                    {"conf": 0.8, "end": 1.1, "start": 0.6, "word": "agent"}],
         "text": "[unk] agent"}""";

    Transcript transcript = VoskResults.toTranscript(List.of(json));

    assertEquals("agent", transcript.text());
    assertEquals(List.of(new Word("agent", 0.6, 1.1, 0.8)), transcript.words());
  }

  @Test
  void lowerCasesAndSquashesSpaces() {
    assertEquals("my internet", VoskResults.toTranscript(List.of("{\"text\": \"  My   INTERNET \"}")).text());
  }

  @Test
  void refusesResultsOfAnotherShape() {
    assertThrows(IllegalArgumentException.class, () -> VoskResults.toTranscript(List.of("{\"partial\": \"yes\"}")));
    assertThrows(IllegalArgumentException.class, () -> VoskResults.toTranscript(List.of("[\"yes\"]")));
    assertThrows(
        IllegalArgumentException.class,
        () -> VoskResults.toTranscript(List.of("{\"result\": [{\"word\": \"yes\"}], \"text\": \"yes\"}")));
  }
}
