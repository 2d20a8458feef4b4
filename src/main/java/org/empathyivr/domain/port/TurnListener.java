package org.empathyivr.domain.port;

import java.util.Optional;

/** What takes in a caller's turn while it is recorded: the audio as it comes, and what of it was understood so far. */
public interface TurnListener {

  /**
   * The next piece of the turn's audio, in order. An exception ends the passing on and is rethrown by {@link
   * CallChannel#record} once the turn is over.
   */
  void hear(Audio piece);

  /**
   * The caller's words up to their latest pause, when known already; empty when not (yet). For a channel that
   * decides itself when a turn ends ({@link TurnEnding}). Never waits for a recognizer.
   */
  Optional<String> wordsSoFar();
}
