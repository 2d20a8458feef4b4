package org.empathyivr.simulate;

import java.util.List;

/**
 * Asterisk's answer to one command.
 *
 * @param lines the reply lines, without {@code \n}
 * @param takesMs how long the command takes on a real channel (slept in real-time mode)
 * @param waitsMs how long to wait even when not in real time: a caller's timed hangup ({@code hangup:MS})
 * @param notice when the unsolicited {@code HANGUP} line follows, if this command ended with the channel hung up
 * @param recordedCallerAudio whether this was a {@code RECORD FILE} that wrote a recording and did not end in a
 *     hangup
 */
record Reply(List<String> lines, long takesMs, long waitsMs, HangupNotice notice, boolean recordedCallerAudio) {

  /** When Asterisk tells the service the channel hung up. */
  enum HangupNotice {
    NONE,
    /** Right after the reply (the service hung up the channel itself). */
    IMMEDIATELY,
    /** About 40 ms after the reply, unless a command comes first (then just before its reply). */
    SOON,
    /** Just before the reply to the next command (after a hangup during {@code STREAM FILE}). */
    BEFORE_NEXT_REPLY
  }

  static Reply of(String... lines) {
    return new Reply(List.of(lines), 0, 0, HangupNotice.NONE, false);
  }

  Reply taking(long ms) {
    return new Reply(lines, ms, waitsMs, notice, recordedCallerAudio);
  }

  Reply waiting(long ms) {
    return new Reply(lines, takesMs, ms, notice, recordedCallerAudio);
  }

  Reply withNotice(HangupNotice hangupNotice) {
    return new Reply(lines, takesMs, waitsMs, hangupNotice, recordedCallerAudio);
  }

  Reply recorded() {
    return new Reply(lines, takesMs, waitsMs, notice, true);
  }
}
