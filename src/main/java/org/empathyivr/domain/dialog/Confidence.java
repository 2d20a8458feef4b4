package org.empathyivr.domain.dialog;

import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.Word;

/**
 * Whether the recognizer was sure enough of what it heard for the assistant to act on it as fact.
 *
 * <p>A transcript is unsure when its mean word confidence is below {@value #MIN_MEAN} or when at least half of its
 * words are below {@value #MIN_WORD}: one mumbled word in a clear sentence does not make the sentence doubtful, a
 * sentence of guesses does. A transcript without word details (a recognizer that gives none) counts as sure. Vosk's
 * word confidences are posteriors: clearly spoken words on a telephone line come back at 0.9 to 1.0, a misheard
 * word typically below 0.5.
 */
final class Confidence {
  static final double MIN_MEAN = 0.6;
  static final double MIN_WORD = 0.5;

  private Confidence() {}

  static boolean sure(Transcript heard) {
    if (heard.words().isEmpty()) return true;
    long doubtful = heard.words().stream().filter(w -> w.confidence() < MIN_WORD).count();
    return heard.words().stream().mapToDouble(Word::confidence).average().orElse(1.0) >= MIN_MEAN
        && doubtful * 2 < heard.words().size();
  }
}
