package org.empathyivr.simulate;

import java.util.List;
import java.util.Optional;

/**
 * Asterisk's answer to one command.
 *
 * @param lines the reply lines, without {@code \n}
 * @param takesMs how long the command takes on a real channel (slept in real-time mode)
 * @param waitsMs how long to wait even when not in real time: a caller's timed hangup ({@code hangup:MS})
 * @param notice when the unsolicited {@code HANGUP} line follows, if this command ended with the channel hung up
 * @param recordedCallerAudio whether this was a {@code RECORD FILE} that wrote a recording and did not end in a
 *     hangup
 * @param recording the recording this command writes while it runs, finished before the reply is sent
 */
record Reply(List<String> lines, long takesMs, long waitsMs, HangupNotice notice, boolean recordedCallerAudio,
    Optional<GrowingRecording> recording) {

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
    return new Reply(List.of(lines), 0, 0, HangupNotice.NONE, false, Optional.empty());
  }

  Reply taking(long ms) {
    return new Reply(lines, ms, waitsMs, notice, recordedCallerAudio, recording);
  }

  Reply waiting(long ms) {
    return new Reply(lines, takesMs, ms, notice, recordedCallerAudio, recording);
  }

  Reply withNotice(HangupNotice hangupNotice) {
    return new Reply(lines, takesMs, waitsMs, hangupNotice, recordedCallerAudio, recording);
  }

  Reply recorded() {
    return new Reply(lines, takesMs, waitsMs, notice, true, recording);
  }

  /**
   * This reply once its recording is written: Asterisk reports {@code endpos} from the file's position, which a full
   * disk leaves short of the audio recorded.
   */
  Reply afterWriting() {
    if (recording.isEmpty() || !recording.get().writeFailed()) return this;
    long endpos = recording.get().endposAfterWriteFailure();
    List<String> written = lines.stream().map(l -> l.replaceFirst(" endpos=-?\\d+$", " endpos=" + endpos)).toList();
    return new Reply(written, takesMs, waitsMs, notice, recordedCallerAudio, recording);
  }

  Reply writing(GrowingRecording growing) {
    return new Reply(lines, takesMs, waitsMs, notice, recordedCallerAudio, Optional.of(growing));
  }
}
