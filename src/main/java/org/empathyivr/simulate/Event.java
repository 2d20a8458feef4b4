package org.empathyivr.simulate;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** What happened on the simulated channel, in order. Times are milliseconds since the connection opened. */
public sealed interface Event {

  /** {@code ANSWER} while the channel was up. */
  record Answered(long whenMs) implements Event {}

  /**
   * A {@code STREAM FILE} (or {@code CONTROL STREAM FILE}) that played.
   *
   * @param path the file Asterisk would have played, extension included
   * @param text the WAV's {@code LIST/INFO/ICMT} comment, if any
   * @param durationMs how long it played (shorter than the file when interrupted or hung up on)
   * @param interruptedBy the key that stopped it, if one did
   */
  record PromptPlayed(Path path, Optional<String> text, long durationMs, Optional<Character> interruptedBy)
      implements Event {}

  /** A {@code STREAM FILE} answered {@code result=-1 endpos=0}: missing, unplayable, or given with an extension. */
  record PromptFailed(String name) implements Event {}

  /** The caller starts speaking this WAV: into the recording that follows, or on an AudioSocket call. */
  record CallerSpoke(Path audio) implements Event {}

  /**
   * A caller's speech on an AudioSocket call is over: when its first and last frame with sound went to the server.
   * Emitted when the speech ends (and only when some of its sound was sent).
   */
  record CallerSpeechSent(CallerSpeech speech) implements Event {}

  /**
   * After a polite caller's speech ended, the first frame with sound (peak at least 300) reached the caller.
   *
   * @param whenMs when that frame arrived
   * @param latencyMs from the end of the caller's speech ({@link CallerSpeech#endMs()}) to that frame
   */
  record AssistantReplied(long whenMs, long latencyMs) implements Event {}

  /**
   * A caller spoke over the assistant's prompt ({@link CallerTurn.Interrupts}).
   *
   * @param audio what the caller said
   * @param speechStartMs when the first frame of the caller's speech with sound was sent
   * @param quietAfterMs how long after that the assistant's audio went quiet: the first frame of a run of at least
   *     100 ms without sound that began after the speech started; empty when the assistant was not speaking then or
   *     never stopped while the session lasted
   */
  record BargedIn(Path audio, long speechStartMs, OptionalLong quietAfterMs) implements Event {}

  /** {@code EXEC AudioSocket} connected to its server and sent the UUID message. */
  record AudioSocketConnected(String uuid, String server, long whenMs) implements Event {}

  /** An {@code EXEC AudioSocket} ended (or failed before connecting); its reply follows. */
  record AudioSocketEnded(AudioSocketRun run) implements Event {}

  /** The caller pressed a key that an operation took. */
  record KeyPressed(char key) implements Event {}

  /**
   * A {@code RECORD FILE} that wrote a file.
   *
   * @param path the file written, extension included
   * @param end why it ended (Asterisk's tag says {@code timeout} for both silence and the time limit)
   * @param durationMs the length of the audio in the file
   */
  record Recorded(Path path, End end, long durationMs) implements Event {
    public enum End {
      SILENCE,
      TIME_LIMIT,
      KEY,
      HANGUP
    }
  }

  /** A {@code RECORD FILE} answered {@code (writefile)}: missing directory or unknown format. */
  record RecordFailed(Path path) implements Event {}

  /** {@code SET VARIABLE}, or {@code EXEC Set}, with the name exactly as sent. */
  record VariableSet(String name, String value) implements Event {}

  /** The caller hung up (or the service sent {@code HANGUP}). */
  record HungUp(long whenMs) implements Event {}
}
