package org.empathyivr.adapter.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.Word;

/**
 * Compares what two decodings heard: the same words with the same confidences, timed alike to the millisecond. A
 * recognizer used again times words from its first audio in single precision, so after taking off what it decoded
 * before, a time can differ from a new recognizer's by a few microseconds.
 */
final class HeardAlike {
  static final double TIME_TOLERANCE_SECONDS = 0.001;

  private HeardAlike() {}

  static void assertHeardAlike(List<Transcript> expected, List<Transcript> actual) {
    assertEquals(expected.size(), actual.size(), "transcripts: " + actual);
    for (int i = 0; i < expected.size(); i++) assertHeardAlike(expected.get(i), actual.get(i));
  }

  static void assertHeardAlike(Transcript expected, Transcript actual) {
    assertEquals(expected.text(), actual.text());
    assertEquals(expected.words().size(), actual.words().size(), "words of '" + expected.text() + "'");
    for (int i = 0; i < expected.words().size(); i++) {
      Word want = expected.words().get(i);
      Word got = actual.words().get(i);
      if (!want.text().equals(got.text()) || want.confidence() != got.confidence()
          || Math.abs(want.startSeconds() - got.startSeconds()) > TIME_TOLERANCE_SECONDS
          || Math.abs(want.endSeconds() - got.endSeconds()) > TIME_TOLERANCE_SECONDS) {
        fail("word " + i + " of '" + expected.text() + "': expected " + want + ", got " + got);
      }
    }
  }
}
