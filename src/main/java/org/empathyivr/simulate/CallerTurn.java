package org.empathyivr.simulate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One thing the simulated caller does, consumed in order by the operations that wait for the caller.
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

  /**
   * Parses a turn spec: {@code path/to/file.wav}, {@code silence}, {@code dtmf:D} (or {@code dtmf:D@MS}, pressed MS
   * ms into the operation), {@code hangup}, {@code hangup:MS}, {@code hangup-after:file.wav}.
   */
  static CallerTurn parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    if (spec.equals("silence")) return silence();
    if (spec.equals("hangup")) return hangUp();
    if (spec.startsWith("hangup:")) return hangUp(Duration.ofMillis(millis(spec, spec.substring(7))));
    if (spec.startsWith("hangup-after:")) return hangUpAfter(Path.of(nonEmpty(spec, spec.substring(13))));
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
