package org.empathyivr.domain.port;

/**
 * What the caller said (or keyed) in one turn.
 *
 * @param audio the recorded audio at the channel's rate; possibly only silence
 * @param end why the recording stopped
 * @param key the key that stopped it when {@code end == KEY}, else {@code 0}
 */
public record Recording(Audio audio, End end, char key) {
  public enum End {
    /** The caller stopped speaking (or never started) for the silence limit. */
    SILENCE,
    /** The maximum length was reached. */
    TIME_LIMIT,
    /** The caller pressed a stop key. */
    KEY
  }

  public Recording {
    if (audio == null) throw new IllegalArgumentException("audio == null");
    if (end == null) throw new IllegalArgumentException("end == null");
    if ((end == End.KEY) != (key != 0)) throw new IllegalArgumentException("key " + (int) key + " with end " + end);
  }

  public static Recording ofKey(Audio audio, char key) {
    return new Recording(audio, End.KEY, key);
  }

  public boolean endedByKey() {
    return end == End.KEY;
  }
}
