package org.empathyivr.bench;

import java.util.List;

/**
 * What one round of calls placed at once gave.
 *
 * @param wallMs from placing the first call to the last one ending
 * @param turnTimesMs for every caller turn, the end of its recording to the service's next command (the reply prompt
 *     ready to play)
 * @param firstPromptMs for every call, connecting to the first prompt being asked for
 * @param gapsMs for every prompt that followed one played to its end, the end of that one to this one asked for: the
 *     dead air inside what the assistant says
 * @param failures why each call that went wrong did
 * @param calls how many calls these figures are of
 * @param streamed what the calls of the round showed when their audio streamed over AudioSocket
 */
record Round(long wallMs, List<Long> turnTimesMs, List<Long> firstPromptMs, List<Long> gapsMs, List<String> failures,
    int calls, Streamed streamed) {

  /**
   * Figures of calls whose audio streamed over AudioSocket, as the caller lived them.
   *
   * @param replyMs for every turn a caller spoke and then waited: the end of their speech to the first frame of the
   *     reply they heard
   * @param bargeInStopMs for every caller who spoke over a prompt: the start of their speech to the prompt stopping
   * @param listeningMs for every call, the answer to the assistant listening (the AudioSocket session's start)
   * @param twoTurnCallMs for every call of the two-turn script (the issue, then yes), the answer to the handoff
   * @param cutOff callers the assistant spoke over while they were still speaking
   */
  record Streamed(List<Long> replyMs, List<Long> bargeInStopMs, List<Long> listeningMs, List<Long> twoTurnCallMs,
      int cutOff) {
    static final Streamed NONE = new Streamed(List.of(), List.of(), List.of(), List.of(), 0);
  }
}
