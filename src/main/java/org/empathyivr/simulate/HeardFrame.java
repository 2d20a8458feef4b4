package org.empathyivr.simulate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One frame the caller's channel received from Asterisk during {@code EXEC AudioSocket}: what the caller hears, and
 * when, as the lab's "ear" logged it (capture: audiosocket-close.txt, A2). The audio is 8 kHz signed linear, after
 * Asterisk resampled a slin12/slin16/... frame; frames Asterisk discarded from an overlong voice queue are not here.
 *
 * @param atMs when the frame reached the caller, in milliseconds since the FastAGI connection opened (frames of a burst
 *     arrive together, as Asterisk does not re-pace)
 * @param kind the message kind the server sent it as ({@code 0x10} slin, {@code 0x12} slin16, ...)
 * @param samples the 8 kHz samples (a record's array: compare frames by {@link #samples()}, not {@code equals})
 */
public record HeardFrame(long atMs, int kind, short[] samples) {
  /** The largest absolute sample. */
  public int peak() {
    return peak(samples);
  }

  /** How long the frame plays, in milliseconds. */
  public long durationMs() {
    return samples.length / 8L;
  }

  /** The samples as they would travel in a {@code 0x10} message: 16-bit little-endian. */
  public byte[] bytes() {
    return littleEndian(samples);
  }

  static int peak(short[] samples) {
    int peak = 0;
    for (short s : samples) peak = Math.max(peak, Math.abs((int) s));
    return peak;
  }

  static byte[] littleEndian(short[] samples) {
    ByteBuffer buf = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : samples) buf.putShort(s);
    return buf.array();
  }
}
