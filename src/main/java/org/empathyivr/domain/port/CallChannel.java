package org.empathyivr.domain.port;

import java.util.Optional;
import java.util.function.Consumer;
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

  /**
   * Records one caller turn and passes the audio on while it is being recorded, so it can be transcribed as the
   * caller speaks. A hangup during the recording carries the audio heard before it.
   *
   * <p>{@code asRecorded} gets pieces of the recording in order, one at a time, possibly on another thread, and all of
   * them before this method returns or throws: together they are the recording's audio (also on a hangup), except
   * that they may run on past its end by trailing silence the telephony trimmed off when the recording ended. An
   * exception from {@code asRecorded} ends the passing on and is rethrown here once the recording is over.
   */
  Recording record(Listening listening, Consumer<Audio> asRecorded) throws CallerHungUp, CallFailure;

  /**
   * Leaves the handoff for the dialplan, which brings in a human. Works after a hangup too, as far as the telephony
   * allows.
   */
  void handOff(Handoff handoff) throws CallFailure;
}
