package org.empathyivr.domain.port;

import java.util.Optional;

/**
 * How a prompt ended: played to the end, stopped by a key, or stopped because the caller started speaking over it.
 *
 * @param key the key that stopped it, if one did
 * @param callerSpoke true when the caller started speaking over the prompt and it stopped for them: what they say is
 *     their next turn, and the channel keeps it from its start for the next {@link CallChannel#record}
 */
public record Played(Optional<Character> key, boolean callerSpoke) {
  /** Played to the end. */
  public static final Played WHOLE = new Played(Optional.empty(), false);
  /** Stopped because the caller started speaking. */
  public static final Played CALLER_SPOKE = new Played(Optional.empty(), true);

  public Played {
    if (key == null) throw new IllegalArgumentException("key == null");
    if (key.isPresent() && callerSpoke) throw new IllegalArgumentException("stopped by a key and by speech at once");
  }

  public static Played byKey(char key) {
    return new Played(Optional.of(key), false);
  }
}
