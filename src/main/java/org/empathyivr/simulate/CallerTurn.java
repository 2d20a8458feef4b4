package org.empathyivr.simulate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing the simulated caller does, consumed in order by the operations that wait for the caller.
 *
 * <p>On a call that uses {@code RECORD FILE} and {@code STREAM FILE}:
 *
 * <ul>
 *   <li>{@link Says}: speaks an 8 kHz mono WAV during the next {@code RECORD FILE}, then is silent.
 *   <li>{@link Silence}: says nothing during the next {@code RECORD FILE}.
 *   <li>{@link Keys}: presses a key {@code at} into the operation that takes it: it interrupts the next {@code STREAM
 *       FILE} whose escape digits hold it, else it is taken by the next {@code RECORD FILE} (ending it when the key
 *       is one of its escape digits), {@code GET DATA} or {@code WAIT FOR DIGIT}.
 *   <li>{@link HangUp}: hangs up {@code at} into the next {@code STREAM FILE} or {@code RECORD FILE}; if that
 *       operation ends first, the turn waits for the next one. While the service sends nothing, the caller hangs up
 *       after the simulator's "service silent" limit.
 *   <li>{@link HangUpAfter}: speaks the WAV during the next {@code RECORD FILE} and hangs up when it ends, before
 *       silence could end the recording.
 *   <li>{@link Interrupts}: there is no barge-in on {@code STREAM FILE}; the next {@code RECORD FILE} hears the WAV as
 *       it would a {@link Says}.
 * </ul>
 *
 * <p>On a call whose media go over {@code EXEC AudioSocket} the caller hears the assistant's audio and acts on it. The
 * assistant is speaking while the frames it sends have a peak of at least 300; it is quiet otherwise, or when no
 * frames come. A <em>prompt</em> starts when the assistant speaks after at least 100 ms of quiet.
 *
 * <ul>
 *   <li>{@link Says}: the polite caller waits until the assistant has spoken and then been quiet for the polite gap
 *       ({@link SimulatedAsterisk.Builder#politeGap}, 600 ms by default), then speaks the WAV in real time; then is
 *       silent again.
 *   <li>{@link Silence}: lets the cue pass and says nothing; the turn is used up when the assistant speaks again: at
 *       the start of a prompt that follows speech (or a {@code STREAM FILE} prompt) heard while the turn was current.
 *       The turn after it may act on that same prompt.
 *   <li>{@link Keys}: the key goes down {@code at} after the assistant starts its next prompt (so {@code dtmf:0}
 *       interrupts a prompt right at its start); the service hears of it when the key comes up, 100 ms later. A
 *       {@code Keys} turn right after another is pressed {@code max(at, 351 ms)} after the one before, as Asterisk's
 *       SendDTMF spaces digits.
 *   <li>{@link HangUp}: hangs up {@code at} after the assistant starts its next prompt.
 *   <li>{@link HangUpAfter}: speaks the WAV after the polite gap and hangs up when it ends.
 *   <li>{@link Interrupts}: starts speaking the WAV {@code at} after the assistant starts its next prompt, over it
 *       (barge-in), without waiting for it to end.
 *   <li>When the turns run out the caller listens silently, and hangs up when the assistant sends no frame with sound
 *       for the "service silent" limit ({@link SimulatedAsterisk.Builder#hangUpWhenServiceSilentFor}).
 * </ul>
 */
public sealed interface CallerTurn {

  record Says(Path audio) implements CallerTurn {
    public Says {
      Objects.requireNonNull(audio, "audio");
    }
  }

  record Silence() implements CallerTurn {}

  record Keys(char key, Duration at) implements CallerTurn {
    public Keys {
      if ("0123456789*#ABCD".indexOf(key) < 0) throw new IllegalArgumentException("not a DTMF key: " + key);
      if (at.isNegative()) throw new IllegalArgumentException("at < 0: " + at);
    }
  }

  record HangUp(Duration at) implements CallerTurn {
    public HangUp {
      if (at.isNegative()) throw new IllegalArgumentException("at < 0: " + at);
    }
  }

  record HangUpAfter(Path audio) implements CallerTurn {
    public HangUpAfter {
      Objects.requireNonNull(audio, "audio");
    }
  }

  /** Barge-in: starts speaking {@code at} after the assistant starts its next prompt, over it. */
  record Interrupts(Path audio, Duration at) implements CallerTurn {
    public Interrupts {
      Objects.requireNonNull(audio, "audio");
      if (at.isNegative()) throw new IllegalArgumentException("at < 0: " + at);
    }
  }

  static CallerTurn says(Path audio) {
    return new Says(audio);
  }

  static CallerTurn silence() {
    return new Silence();
  }

  /** Presses {@code key} as soon as the operation that takes it starts. */
  static CallerTurn keys(char key) {
    return new Keys(key, Duration.ZERO);
  }

  static CallerTurn keys(char key, Duration at) {
    return new Keys(key, at);
  }

  static CallerTurn hangUp() {
    return new HangUp(Duration.ZERO);
  }

  static CallerTurn hangUp(Duration at) {
    return new HangUp(at);
  }

  static CallerTurn hangUpAfter(Path audio) {
    return new HangUpAfter(audio);
  }

  static CallerTurn interrupts(Path audio, Duration at) {
    return new Interrupts(audio, at);
  }

  /** The WAV the caller speaks in this turn, if it speaks. */
  default Optional<Path> spokenAudio() {
    if (this instanceof Says s) return Optional.of(s.audio());
    if (this instanceof HangUpAfter h) return Optional.of(h.audio());
    if (this instanceof Interrupts i) return Optional.of(i.audio());
    return Optional.empty();
  }

  /**
   * Parses a turn spec: {@code path/to/file.wav}, {@code silence}, {@code dtmf:D} (or {@code dtmf:D@MS}, pressed MS
   * ms into the operation), {@code hangup}, {@code hangup:MS}, {@code hangup-after:file.wav}, {@code
   * barge:MS:file.wav} (speaks MS ms after the assistant starts its next prompt, over it).
   */
  static CallerTurn parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    if (spec.equals("silence")) return silence();
    if (spec.equals("hangup")) return hangUp();
    if (spec.startsWith("hangup:")) return hangUp(Duration.ofMillis(millis(spec, spec.substring(7))));
    if (spec.startsWith("hangup-after:")) return hangUpAfter(Path.of(nonEmpty(spec, spec.substring(13))));
    if (spec.startsWith("barge:")) {
      String rest = spec.substring(6);
      int colon = rest.indexOf(':');
      if (colon < 0) throw new IllegalArgumentException("barge turn is barge:MS:file.wav: '" + spec + "'");
      return interrupts(Path.of(nonEmpty(spec, rest.substring(colon + 1))),
          Duration.ofMillis(millis(spec, rest.substring(0, colon))));
    }
    if (spec.startsWith("dtmf:")) {
      String rest = spec.substring(5);
      int at = rest.indexOf('@');
      String key = at < 0 ? rest : rest.substring(0, at);
      if (key.length() != 1) throw new IllegalArgumentException("dtmf turn takes one key: '" + spec + "'");
      return keys(key.charAt(0), Duration.ofMillis(at < 0 ? 0 : millis(spec, rest.substring(at + 1))));
    }
    if (spec.isEmpty() || spec.contains(":") && !spec.matches("^[A-Za-z]:[\\\\/].*")) {
      throw new IllegalArgumentException("unknown caller turn: '" + spec + "'");
    }
    return says(Path.of(spec));
  }

  private static long millis(String spec, String number) {
    try {
      long ms = Long.parseLong(number);
      if (ms < 0) throw new IllegalArgumentException("negative milliseconds in '" + spec + "'");
      return ms;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not milliseconds in '" + spec + "': " + number, e);
    }
  }

  private static String nonEmpty(String spec, String value) {
    if (value.isEmpty()) throw new IllegalArgumentException("missing file in '" + spec + "'");
    return value;
  }
}
