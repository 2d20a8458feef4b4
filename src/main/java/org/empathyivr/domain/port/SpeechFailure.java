package org.empathyivr.domain.port;

/** Recognition or synthesis failed. The call degrades: the assistant apologises and hands off. */
public final class SpeechFailure extends Exception {
  public SpeechFailure(String message) {
    super(message);
  }

  public SpeechFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
