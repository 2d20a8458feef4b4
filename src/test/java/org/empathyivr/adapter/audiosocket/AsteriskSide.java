package org.empathyivr.adapter.audiosocket;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Asterisk's end of one AudioSocket session, as AUDIOSOCKET.md records it: connects, sends the UUID message, then the
 * caller's audio as 320-byte frames every 20 ms (all-zero frames while the caller is silent, as a caller in {@code
 * PlayTones(0)} sends them), a DTMF message per key; keeps every message the service sends with the time it came.
 * Optionally leaks what the caller hears back into what the caller sends, one frame later, as a line without echo
 * cancellation does.
 */
final class AsteriskSide implements AutoCloseable {
  /** A message from the service, with when it came. */
  record Received(int kind, byte[] payload, long nanos) {
    short[] samples() {
      short[] s = new short[payload.length / 2];
      for (int i = 0; i < s.length; i++) s[i] = (short) (payload[2 * i] & 0xff | payload[2 * i + 1] << 8);
      return s;
    }

    boolean sound() {
      return kind == 0x10 && SpeechDetector.levelDb(samples()) > -60;
    }
  }

  private final Socket socket;
  private final OutputStream out;
  private final ArrayDeque<short[]> toSend = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();
  private final Thread sender;
  private final Thread receiver;
  private volatile double echoGain;
  private volatile boolean sendsFrames = true;
  private short[] lastHeard = new short[160];
  private long speechStartedNanos = -1;
  private long speechEndedNanos = -1;
  private volatile boolean closed;

  AsteriskSide(int port, UUID id) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    out.write(uuidMessage(id));
    out.flush();
    sender = new Thread(this::send, "asterisk-side-send");
    receiver = new Thread(this::receive, "asterisk-side-receive");
    sender.setDaemon(true);
    receiver.setDaemon(true);
    receiver.start();
    sender.start();
  }

  /** The caller says {@code audio} (8 kHz), from the next frame on. */
  synchronized AsteriskSide says(short[] audio) {
    speechStartedNanos = -1;
    speechEndedNanos = -1;
    for (int at = 0; at < audio.length; at += 160) toSend.add(Arrays.copyOfRange(audio, at, Math.min(audio.length, at + 160)));
    return this;
  }

  /** What the caller hears comes back in what they send, {@code db} dB lower (for example -20). */
  AsteriskSide echoes(double db) {
    echoGain = Math.pow(10, db / 20);
    return this;
  }

  /** The caller's channel sends no frames while the caller is silent (a caller in {@code Wait()}). */
  AsteriskSide sendsNothingInSilence() {
    sendsFrames = false;
    return this;
  }

  /** Sends bytes as they are, between two frames. */
  void sendRaw(byte[] bytes) throws IOException {
    synchronized (out) {
      out.write(bytes);
      out.flush();
    }
  }

  /** A DTMF key, as Asterisk sends it when the key is released. */
  void press(char key) throws IOException {
    sendRaw(new byte[] {0x03, 0, 1, (byte) key});
  }

  /** The caller hangs up: Asterisk closes the connection (a plain EOF). */
  @Override
  public void close() throws IOException {
    closed = true;
    socket.close();
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** When the audio last given to {@link #says} started and ended going out, or -1. */
  synchronized long speechStartedNanos() {
    return speechStartedNanos;
  }

  synchronized long speechEndedNanos() {
    return speechEndedNanos;
  }

  private void send() {
    long next = System.nanoTime();
    try {
      while (!closed) {
        long wait = next - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(wait);
        short[] frame;
        synchronized (this) {
          frame = toSend.poll();
          if (frame != null && speechStartedNanos < 0) speechStartedNanos = System.nanoTime();
          if (frame == null && speechStartedNanos >= 0 && speechEndedNanos < 0) speechEndedNanos = System.nanoTime();
          if (frame == null) frame = sendsFrames || echoGain > 0 ? new short[160] : null;
          if (frame != null && echoGain > 0) {
            short[] mixed = Arrays.copyOf(frame, Math.max(frame.length, lastHeard.length));
            for (int i = 0; i < lastHeard.length; i++) {
              mixed[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, mixed[i] + lastHeard[i] * echoGain));
            }
            frame = mixed;
          }
        }
        if (frame != null) sendRaw(AudioSocketMessage.audio(frame));
        next += 20_000_000L;
      }
    } catch (IOException e) {
      // the connection is gone
    }
  }

  private void receive() {
    try {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      while (true) {
        int kind = in.read();
        if (kind < 0) return;
        int length = in.readUnsignedShort();
        byte[] payload = new byte[length];
        in.readFully(payload);
        Received r = new Received(kind, payload, System.nanoTime());
        synchronized (this) {
          received.add(r);
          if (kind == 0x10) lastHeard = r.samples();
        }
      }
    } catch (EOFException e) {
      // closed
    } catch (IOException e) {
      // closed
    }
  }

  /** The first message Asterisk sends: kind 0x01, length 16, the UUID in string order. */
  private static byte[] uuidMessage(UUID id) {
    return java.nio.ByteBuffer.allocate(19).put((byte) 0x01).put((byte) 0).put((byte) 16)
        .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
  }
}
