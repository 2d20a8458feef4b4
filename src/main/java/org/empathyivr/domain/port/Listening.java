package org.empathyivr.domain.port;

/**
 * How to record one caller turn.
 *
 * @param maxMs the longest recording, in milliseconds
 * @param silenceSeconds whole seconds of silence that end the recording (leading silence counts too), 0 for none
 * @param stopKeys keypad keys that end the recording, for example {@code "0#"}; empty for none
 * @param ending when silence after speech ends the turn where the assistant decides it (streamed audio)
 */
public record Listening(int maxMs, int silenceSeconds, String stopKeys, TurnEnding ending) {
  public Listening {
    if (maxMs <= 0) throw new IllegalArgumentException("maxMs <= 0: " + maxMs);
    if (silenceSeconds < 0) throw new IllegalArgumentException("silenceSeconds < 0: " + silenceSeconds);
    if (ending == null) throw new IllegalArgumentException("ending == null");
    if (stopKeys == null || !stopKeys.matches("[0-9*#]*")) throw new IllegalArgumentException("stopKeys: " + stopKeys);
  }
}
