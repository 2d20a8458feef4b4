package org.empathyivr.domain.port;

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
   * Plays a prompt to the end, or until the caller presses one of {@code interruptKeys}, or (on a channel that listens
   * all the time, unless the prompt is {@link SpokenPrompt#heardWhole}) until the caller starts speaking over it.
   */
  Played play(SpokenPrompt prompt, String interruptKeys) throws CallerHungUp, CallFailure;

  /**
   * Records one caller turn and passes the audio on while it is being recorded, so it can be transcribed as the
   * caller speaks. A hangup during the recording carries the audio heard before it. A channel that listens all the
   * time starts the turn where the caller started speaking over the last prompt, if they did, and ends it by {@link
   * Listening#ending}; the telephony's own recording ends it by {@link Listening#silenceSeconds}.
   *
   * <p>{@code listener} hears pieces of the recording in order, one at a time, possibly on another thread, and all of
   * them before this method returns or throws: together they are the recording's audio (also on a hangup), except
   * that they may run on past its end by trailing silence the telephony trimmed off when the recording ended.
   */
  Recording record(Listening listening, TurnListener listener) throws CallerHungUp, CallFailure;

  /**
   * Leaves the handoff for the dialplan, which brings in a human. Works after a hangup too, as far as the telephony
   * allows.
   */
  void handOff(Handoff handoff) throws CallFailure;
}
