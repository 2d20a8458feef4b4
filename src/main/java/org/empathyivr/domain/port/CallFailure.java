package org.empathyivr.domain.port;

/**
 * The call channel could not do what was asked (a prompt could not be played, a recording could not be written, the
 * connection broke). The conversation apologises where it still can and hands off with reason {@code error}.
 */
public final class CallFailure extends Exception {
  public CallFailure(String message) {
    super(message);
  }

  public CallFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
