package org.empathyivr.adapter.audiosocket;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * One AudioSocket message, as Asterisk's {@code res_audiosocket} frames them in both directions: a kind (1 byte), the
 * payload length (2 bytes, big-endian) and the payload.
 *
 * <p>Asterisk sends {@link #KIND_UUID} once, first (the 16 bytes of the UUID the {@code EXEC AudioSocket} named), then
 * {@link #KIND_AUDIO} (8 kHz signed 16-bit little-endian mono; 320 bytes = 20 ms, the last message of a played file may be
 * shorter) and {@link #KIND_DTMF} (one ASCII key per message). The service sends {@link #KIND_AUDIO} and {@link #KIND_HANGUP} (which
 * ends the session; the channel stays up).
 */
record AudioSocketMessage(int kind, byte[] payload) {
  static final int KIND_HANGUP = 0x00;
  static final int KIND_UUID = 0x01;
  static final int KIND_DTMF = 0x03;
  static final int KIND_AUDIO = 0x10;
  static final int KIND_ERROR = 0xff;
  /** No real message is longer: Asterisk sends 320-byte audio; this bounds what a broken peer can make us allocate. */
  static final int MAX_PAYLOAD = 8192;
  private static final String KEYS = "0123456789*#ABCD";

  /** A protocol error: bytes that are not AudioSocket as Asterisk sends it. */
  static final class Malformed extends IOException {
    Malformed(String message) {
      super(message);
    }
  }

  /**
   * Reads the next message, or returns {@code null} at a clean end of the stream (between messages).
   *
   * @throws Malformed for a message Asterisk never sends: unknown kind, bad length
   * @throws EOFException when the stream ends inside a message
   */
  static AudioSocketMessage read(InputStream in) throws IOException {
    int kind = in.read();
    if (kind < 0) return null;
    int high = in.read();
    int low = in.read();
    if (low < 0) throw new EOFException("the AudioSocket stream ended inside a message header");
    int length = high << 8 | low;
    switch (kind) {
      case KIND_UUID -> {
        if (length != 16) throw new Malformed("an AudioSocket UUID message of " + length + " bytes, not 16");
      }
      case KIND_DTMF -> {
        if (length != 1) throw new Malformed("an AudioSocket DTMF message of " + length + " bytes, not 1");
      }
      case KIND_AUDIO -> {
        if (length == 0 || length % 2 != 0 || length > MAX_PAYLOAD) {
          throw new Malformed("an AudioSocket audio message of " + length + " bytes");
        }
      }
      case KIND_HANGUP, KIND_ERROR -> {
        if (length > MAX_PAYLOAD) throw new Malformed("an AudioSocket message of " + length + " bytes");
      }
      default -> throw new Malformed(String.format("an AudioSocket message of unknown kind 0x%02x", kind));
    }
    byte[] payload = in.readNBytes(length);
    if (payload.length < length) {
      throw new EOFException("the AudioSocket stream ended inside a message (" + payload.length + " of " + length + " bytes)");
    }
    if (kind == KIND_DTMF && KEYS.indexOf((char) payload[0]) < 0) {
      throw new Malformed(String.format("an AudioSocket DTMF message for key 0x%02x", payload[0] & 0xff));
    }
    return new AudioSocketMessage(kind, payload);
  }

  /** The UUID a {@link #KIND_UUID} message carries, in string order. */
  UUID uuid() {
    ByteBuffer b = ByteBuffer.wrap(payload);
    return new UUID(b.getLong(), b.getLong());
  }

  /** The key a {@link #KIND_DTMF} message carries. */
  char key() {
    return (char) payload[0];
  }

  /** The samples an {@link #KIND_AUDIO} message carries. */
  short[] samples() {
    short[] samples = new short[payload.length / 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (payload[2 * i] & 0xff | payload[2 * i + 1] << 8);
    }
    return samples;
  }

  /** An {@link #KIND_AUDIO} message on the wire: header and little-endian samples. */
  static byte[] audio(short[] samples) {
    byte[] wire = new byte[3 + samples.length * 2];
    wire[0] = KIND_AUDIO;
    wire[1] = (byte) (samples.length * 2 >> 8);
    wire[2] = (byte) (samples.length * 2);
    for (int i = 0; i < samples.length; i++) {
      wire[3 + 2 * i] = (byte) samples[i];
      wire[4 + 2 * i] = (byte) (samples[i] >> 8);
    }
    return wire;
  }

  /** The {@link #KIND_HANGUP} message on the wire: ends the session; Asterisk's {@code EXEC} returns 0, the call goes on. */
  static byte[] hangup() {
    return new byte[] {KIND_HANGUP, 0, 0};
  }
}
