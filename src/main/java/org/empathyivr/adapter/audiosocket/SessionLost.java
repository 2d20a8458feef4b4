package org.empathyivr.adapter.audiosocket;

import java.util.Optional;
import org.empathyivr.domain.port.Audio;

/**
 * The AudioSocket session ended while the call needed it: Asterisk closed the connection (the caller hung up, or the
 * connection broke) or sent what AudioSocket does not allow. Carries the audio of the caller's turn heard before.
 */
public final class SessionLost extends Exception {
  private final transient Audio partial;

  SessionLost(String reason, Audio partial) {
    super(reason);
    this.partial = partial;
  }

  /** The caller's turn up to the end, when a turn was being heard and held any audio. */
  public Optional<Audio> partial() {
    return Optional.ofNullable(partial).filter(a -> !a.isEmpty());
  }
}
