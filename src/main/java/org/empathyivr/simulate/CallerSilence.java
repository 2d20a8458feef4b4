package org.empathyivr.simulate;

/**
 * What the caller's channel sends Asterisk while the caller is not speaking, which Asterisk forwards to the AudioSocket
 * server as it is (capture: audiosocket-close.txt, A).
 */
public enum CallerSilence {
  /** All-zero 320-byte frames every 20 ms, as a phone that keeps sending does (the lab's {@code PlayTones(0)}). */
  ZERO_FRAMES,
  /**
   * No frames at all (the lab's {@code Wait()}): the server gets nothing, and when it sends nothing either Asterisk
   * ends the session after 2 s (capture: audiosocket-errors.txt, G).
   */
  NO_FRAMES
}
