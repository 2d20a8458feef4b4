package org.empathyivr.simulate;

import java.nio.file.Path;

/**
 * One caller turn that spoke on an AudioSocket call, timed by what reached the service: its first and last frame whose
 * own audio has a peak of at least 500 ("sound", as the captures count it) that the caller sent. Frames lost because
 * no AudioSocket connection was open are not counted; a turn none of whose sound was sent has no {@code CallerSpeech}.
 *
 * @param audio the WAV the caller spoke
 * @param kind how the caller came to speak
 * @param startMs when the first frame with sound was sent, in milliseconds since the FastAGI connection opened
 * @param endMs when the audio of the last frame with sound ends: its sending time plus its length, 20 ms (a frame is
 *     sent when its audio starts, as Asterisk's Playback does; a WAV's short last frame lasts less)
 */
public record CallerSpeech(Path audio, Kind kind, long startMs, long endMs) {
  /** What made the caller speak. */
  public enum Kind {
    /** {@link CallerTurn.Says}: after the assistant had spoken and been quiet for the polite gap. */
    POLITE,
    /** {@link CallerTurn.Interrupts}: over the assistant's prompt. */
    BARGE_IN,
    /** {@link CallerTurn.HangUpAfter}: after the polite gap, hanging up at the end. */
    HANG_UP_AFTER
  }
}
