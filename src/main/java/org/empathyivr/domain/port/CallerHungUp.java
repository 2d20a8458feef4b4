package org.empathyivr.domain.port;

import java.util.Optional;

/**
 * The caller hung up. Normal, not an error: the conversation saves what it has and hands off.
 *
 * <p>When the hangup came during a recording, {@link #partialRecording()} holds what the caller said before it.
 */
public final class CallerHungUp extends Exception {
  private final transient Audio partialRecording;

  public CallerHungUp(String message) {
    this(message, null);
  }

  public CallerHungUp(String message, Audio partialRecording) {
    super(message, null, false, false);
    this.partialRecording = partialRecording;
  }

  public Optional<Audio> partialRecording() {
    return Optional.ofNullable(partialRecording);
  }
}
