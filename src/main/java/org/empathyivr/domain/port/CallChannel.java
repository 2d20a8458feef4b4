package org.empathyivr.domain.port;

import java.util.Optional;
import org.empathyivr.domain.summary.Handoff;

/**
 * The telephone call as the conversation sees it: play prompts, record the caller, hand the call on.
 *
 * <p>One instance belongs to one call and is used by one thread. Every method may throw {@link CallerHungUp} once the
 * caller is gone; {@link #handOff} is the exception and still tries to leave its variables for the dialplan.
 */
public interface CallChannel {

  /** Answers the call. Harmless when it is already answered. */
  void answer() throws CallerHungUp, CallFailure;

  /**
   * Plays a prompt to the end, or until the caller presses one of {@code interruptKeys}.
   *
   * @return the key that interrupted the prompt, if any
   */
  Optional<Character> play(SpokenPrompt prompt, String interruptKeys) throws CallerHungUp, CallFailure;

  /** Records one caller turn. A hangup during the recording carries the audio heard before it. */
  Recording record(Listening listening) throws CallerHungUp, CallFailure;

  /**
   * Leaves the handoff for the dialplan, which brings in a human. Works after a hangup too, as far as the telephony
   * allows.
   */
  void handOff(Handoff handoff) throws CallFailure;
}
