package org.empathyivr.simulate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.empathyivr.simulate.AudioSocketRun.End;

/**
 * One {@code EXEC AudioSocket}, played as Asterisk 22.10.1's {@code app_audiosocket.c} and {@code res_audiosocket.c}
 * run it. The FastAGI side is blocked meanwhile: Asterisk reads no AGI line until the application returns (capture:
 * audiosocket-syntax.txt, J).
 *
 * <p>Asterisk connects (TCP, no delay, 2 s connect timeout), sends {@code 01 00 10} and the UUID's 16 bytes, then loops
 * until something ends the session: what the caller's channel produces goes to the server ({@code 0x10} voice frames,
 * {@code 0x03} for a key as it comes up), what the server sends goes to the caller. How it ends decides the reply:
 *
 * <ul>
 *   <li>the server closes the connection, or sends kind {@code 0x00}: {@code 200 result=0}, channel up (A, B);
 *   <li>the caller hangs up: Asterisk closes the connection (a plain EOF), answers {@code 200 result=-1}, then the
 *       unsolicited {@code HANGUP} line (D);
 *   <li>2000 ms without a frame either way: EOF, {@code 200 result=-1}, channel up (G);
 *   <li>a voice message with length 0 ({@code 10 00 00}): EOF, {@code 200 result=-1}, channel up (I);
 *   <li>no server: {@code 200 result=-1} at once (H);
 *   <li>the connection breaks (the simulator's network fault, {@link SimulatedAsterisk.Builder#breakAudioSocketAfter};
 *       no capture): the simulator resets the connection ({@code SO_LINGER} 0, then close), Asterisk's read fails
 *       with "Connection reset by peer", {@code 200 result=-1}, channel up (as G and I).
 * </ul>
 *
 * <p>From the source rather than a capture: a message of any kind other than {@code 0x00} and the voice kinds {@code
 * 0x10}-{@code 0x18} ({@code 0x01}, {@code 0x03}, {@code 0xff}, ...) ends the session with {@code -1}, its payload
 * unread; so does a payload that stops coming for 5 ms once its header is in ({@code ast_wait_for_input(svc, 5)} in
 * {@code ast_audiosocket_receive_frame_with_hangup()}), and an EOF inside a payload ("Insufficient payload"). An EOF
 * inside the 3-byte header counts as a close ({@code result=0}), and while a header is incomplete Asterisk waits for
 * the rest without serving the channel. A channel that is not answered gets the connection but no UUID, then EOF, and
 * {@code -1} ("Channel is not answered"); a hung-up channel gets the UUID, then EOF, and {@code -1}. A voice frame's
 * samples are its length / 2 (an odd last byte is not heard); kinds {@code 0x11}-{@code 0x18} are resampled to the
 * caller's 8 kHz. Writing to a server that does not read: Asterisk's socket does not block, so a frame that does not
 * fit in the send buffer ends the session with {@code -1}.
 *
 * <p>What the server sends reaches the caller unpaced; frames that arrive within 1 ms of each other are one burst,
 * which goes through Asterisk's voice queue toward the caller ({@link VoiceQueue}).
 */
final class AudioSocketSession {
  static final long INACTIVITY_MS = 2000;
  static final int CONNECT_TIMEOUT_MS = 2000;
  static final long PAYLOAD_WAIT_NANOS = 5_000_000;
  static final long BURST_GAP_NANOS = 1_000_000;
  private static final int MAX_MESSAGE = 3 + 0xFFFF;

  /** The session's end: the run's record, and whether the caller hung up during it. */
  record Outcome(AudioSocketRun run, boolean callerHungUp) {}

  private final SimulatedChannel channel;
  private final AudioSocketCaller caller;
  private final long startNanos;
  private final LongSupplier nowMs;
  private final long giveUpAtNanos;
  private final OptionalLong breakAfterNanos;

  /**
   * @param startNanos when the FastAGI connection opened ({@link System#nanoTime()}), time zero of the call
   * @param breakAfterNanos when present, the connection breaks this long after it was made
   */
  AudioSocketSession(SimulatedChannel channel, AudioSocketCaller caller, long startNanos, long giveUpAtNanos,
      OptionalLong breakAfterNanos) {
    this.breakAfterNanos = breakAfterNanos;
    this.channel = channel;
    this.caller = caller;
    this.startNanos = startNanos;
    this.nowMs = () -> (System.nanoTime() - startNanos) / 1_000_000;
    this.giveUpAtNanos = giveUpAtNanos;
  }

  Outcome run(String data) throws IOException {
    long startMs = nowMs.getAsLong();
    caller.execArrived(startMs);
    Object parsed = AudioSocketArguments.parse(data);
    if (parsed instanceof AudioSocketArguments.Refused r) return ended(data, startMs, false, End.ERROR, r.log());
    AudioSocketArguments.Target target = (AudioSocketArguments.Target) parsed;
    SocketChannel socket;
    try {
      socket = connect(target);
    } catch (ConnectFailed e) {
      return ended(data, startMs, false, End.ERROR, e.getMessage());
    }
    long breakAtNanos = breakAfterNanos.isPresent() ? System.nanoTime() + breakAfterNanos.getAsLong() : Long.MAX_VALUE;
    try (socket) {
      if (!channel.isAnswered()) {
        return ended(data, startMs, true, End.ERROR, "ERROR app_audiosocket.c: Channel is not answered");
      }
      byte[] uuid = new byte[19];
      uuid[0] = 0x01;
      uuid[2] = 0x10;
      System.arraycopy(target.uuidBytes(), 0, uuid, 3, 16);
      ByteBuffer first = ByteBuffer.wrap(uuid);
      socket.write(first);
      if (first.hasRemaining()) {
        return ended(data, startMs, true, End.ERROR, "ERROR app_audiosocket.c: Failed to initialize AudioSocket");
      }
      channel.emit(new Event.AudioSocketConnected(target.uuid(), target.server(), nowMs.getAsLong()));
      if (!channel.isAlive()) {
        return ended(data, startMs, true, End.ERROR, "WARNING app_audiosocket.c: Failed to receive frame from channel '"
            + channel.request.channel() + "' connected to AudioSocket server '" + target.server() + "'");
      }
      return new Loop(socket, target.server(), breakAtNanos).run(data, startMs);
    }
  }

  private Outcome ended(String data, long startMs, boolean connected, End end, String detail) {
    String reply = "200 result=" + (end == End.SERVER_CLOSED || end == End.SERVER_HANGUP ? 0 : -1);
    AudioSocketRun run = new AudioSocketRun(data, startMs, connected, nowMs.getAsLong(), end, detail, reply);
    channel.emit(new Event.AudioSocketEnded(run));
    return new Outcome(run, end == End.CALLER_HANGUP);
  }

  private static final class ConnectFailed extends Exception {
    ConnectFailed(String message) {
      super(message);
    }
  }

  /** {@code ast_audiosocket_connect()}: each address in turn, 2 s each; a refusal tries the next. */
  private static SocketChannel connect(AudioSocketArguments.Target target) throws ConnectFailed {
    List<InetSocketAddress> addresses;
    try {
      addresses = target.addresses();
    } catch (UnknownHostException e) {
      throw new ConnectFailed("ERROR res_audiosocket.c: Failed to resolve AudioSocket service using '"
          + target.server() + "' - requires a valid hostname and port");
    }
    StringBuilder log = new StringBuilder();
    for (InetSocketAddress address : addresses) {
      SocketChannel socket = null;
      try {
        socket = SocketChannel.open();
        socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        socket.socket().connect(address, CONNECT_TIMEOUT_MS);
        return socket;
      } catch (IOException e) {
        log.append("WARNING res_audiosocket.c: Connecting to '").append(address.getAddress().getHostAddress())
            .append(':').append(address.getPort()).append("' failed for url '").append(target.server())
            .append("': ").append(e.getMessage()).append('\n');
        closeQuietly(socket);
      }
    }
    throw new ConnectFailed(log + "ERROR res_audiosocket.c: Failed to connect to AudioSocket service");
  }

  private static void closeQuietly(SocketChannel socket) {
    if (socket == null) return;
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  /** {@code audiosocket_run()}: the loop between the channel and the server. */
  private final class Loop implements AudioSocketCaller.Line {
    private final SocketChannel socket;
    private final String server;
    private final byte[] in = new byte[2 * MAX_MESSAGE];
    /** The unparsed bytes are {@code in[pos..pos + have)}. */
    private int pos;
    private int have;
    private String detail = "";
    private final VoiceQueue<HeardFrame> toCaller = new VoiceQueue<>();
    private int lastKind = -1;
    private Resampler resampler;
    private long lastActivityNanos = System.nanoTime();
    private long lastBytesNanos = System.nanoTime();
    private boolean writeFailed;
    private final long breakAtNanos;

    Loop(SocketChannel socket, String server, long breakAtNanos) {
      this.socket = socket;
      this.server = server;
      this.breakAtNanos = breakAtNanos;
    }

    Outcome run(String data, long startMs) throws IOException {
      socket.configureBlocking(false);
      try (Selector selector = Selector.open()) {
        socket.register(selector, SelectionKey.OP_READ);
        caller.connected(nowMs.getAsLong(), this);
        lastActivityNanos = System.nanoTime();
        try {
          End end = loop(selector);
          if (end != End.CALLER_HANGUP) deliver(); // what Asterisk wrote to the channel before the end
          return ended(data, startMs, true, end, detail);
        } finally {
          caller.disconnected(nowMs.getAsLong());
        }
      }
    }

    private End loop(Selector selector) throws IOException {
      while (true) {
        boolean eof;
        try {
          eof = readAvailable();
        } catch (IOException e) {
          detail = "ERROR res_audiosocket.c: Failed to read header from AudioSocket because: " + e.getMessage();
          return End.ERROR;
        }
        long now = System.nanoTime();
        End end = parse();
        if (end != null) return end;
        boolean headerPartial = have > 0 && have < 3;
        boolean payloadPending = have >= 3;
        if (eof) {
          if (payloadPending) {
            detail = "ERROR res_audiosocket.c: Insufficient payload read from AudioSocket";
            return End.ERROR;
          }
          return End.SERVER_CLOSED; // an EOF inside the header is a close too (res_audiosocket.c)
        }
        if (!toCaller.isEmpty() && now - lastBytesNanos >= BURST_GAP_NANOS) deliver();
        if (payloadPending && now - lastBytesNanos >= PAYLOAD_WAIT_NANOS) {
          detail = "WARNING res_audiosocket.c: Poll timed out while waiting for data\n"
              + "ERROR res_audiosocket.c: Failed to read payload from AudioSocket: Resource temporarily unavailable";
          return End.ERROR;
        }
        if (now >= breakAtNanos) {
          // The reset makes the socket readable at once; Asterisk's read fails (res_audiosocket.c), then the app's.
          detail = (payloadPending
              ? "ERROR res_audiosocket.c: Failed to read payload from AudioSocket: Connection reset by peer"
              : "ERROR res_audiosocket.c: Failed to read header from AudioSocket because: Connection reset by peer")
              + "\n" + failedToReceive();
          breakConnection(selector);
          return End.BROKEN;
        }
        if (now >= giveUpAtNanos) {
          detail = "the simulator gave up";
          return End.GAVE_UP;
        }
        boolean stuck = headerPartial || payloadPending; // Asterisk is inside its read, not serving the channel
        if (!stuck) {
          caller.advance(nowMs.getAsLong());
          if (writeFailed) {
            detail = "WARNING app_audiosocket.c: Failed to forward frame from channel '" + channel.request.channel()
                + "' to AudioSocket server '" + server + "'";
            return End.ERROR;
          }
          if (caller.hungUp()) {
            detail = "WARNING app_audiosocket.c: Failed to receive frame from channel '" + channel.request.channel()
                + "' connected to AudioSocket server '" + server + "'";
            return End.CALLER_HANGUP;
          }
          if (System.nanoTime() - lastActivityNanos >= INACTIVITY_MS * 1_000_000) {
            detail = "ERROR app_audiosocket.c: Reached timeout after 2000 ms of no activity on AudioSocket connection"
                + " between '" + channel.request.channel() + "' and '" + server + "'";
            return End.INACTIVITY;
          }
        }
        long wake = Math.min(giveUpAtNanos, breakAtNanos);
        if (!stuck) {
          wake = Math.min(wake, nanosAt(caller.nextDueMs()));
          wake = Math.min(wake, lastActivityNanos + INACTIVITY_MS * 1_000_000);
        }
        if (!toCaller.isEmpty()) wake = Math.min(wake, lastBytesNanos + BURST_GAP_NANOS);
        if (payloadPending) wake = Math.min(wake, lastBytesNanos + PAYLOAD_WAIT_NANOS);
        long waitNanos = wake - System.nanoTime();
        if (waitNanos <= 0) {
          selector.selectNow();
        } else {
          selector.select(Math.max(1, (waitNanos + 999_999) / 1_000_000));
        }
        selector.selectedKeys().clear();
      }
    }

    /** Drops the connection as a broken network does: a reset (or EOF) on the server's side, nothing more. */
    private void breakConnection(Selector selector) throws IOException {
      socket.keyFor(selector).cancel();
      selector.selectNow(); // deregistered, so that the close below closes the socket now
      socket.socket().setSoLinger(true, 0);
      socket.close();
    }

    private long nanosAt(long ms) {
      return startNanos + ms * 1_000_000;
    }

    /** Reads what the server has sent so far; true at EOF. */
    private boolean readAvailable() throws IOException {
      if (pos > 0) {
        System.arraycopy(in, pos, in, 0, have);
        pos = 0;
      }
      while (have < in.length) {
        int n = socket.read(ByteBuffer.wrap(in, have, in.length - have));
        if (n < 0) return true;
        if (n == 0) return false;
        have += n;
        lastBytesNanos = System.nanoTime();
      }
      return false;
    }

    /** Takes each complete message; an end, or null to go on. */
    private End parse() {
      while (have >= 3) {
        int kind = in[pos] & 0xFF;
        int length = ((in[pos + 1] & 0xFF) << 8) | (in[pos + 2] & 0xFF);
        if (kind == 0x00) return End.SERVER_HANGUP;
        int rate = rateOf(kind);
        if (rate == 0) {
          detail = "ERROR res_audiosocket.c: Received AudioSocket message other than hangup or audio, refer to"
              + " protocol specification for valid message types\n" + failedToReceive();
          return End.ERROR;
        }
        if (length < 1) {
          detail = "ERROR res_audiosocket.c: Invalid message length received from AudioSocket server.\n"
              + failedToReceive();
          return End.ERROR;
        }
        if (have - 3 < length) return null;
        short[] samples = new short[length / 2];
        for (int i = 0; i < samples.length; i++) {
          samples[i] = (short) ((in[pos + 3 + 2 * i] & 0xFF) | (in[pos + 4 + 2 * i] << 8));
        }
        pos += 3 + length;
        have -= 3 + length;
        lastActivityNanos = System.nanoTime();
        if (kind != lastKind) resampler = rate == Resampler.OUT_RATE_HZ ? null : new Resampler(rate);
        lastKind = kind;
        short[] heard = resampler == null ? samples : resampler.process(samples);
        toCaller.add(new HeardFrame(0, kind, heard));
      }
      return null;
    }

    private String failedToReceive() {
      return "WARNING app_audiosocket.c: Failed to receive frame from AudioSocket server '" + server
          + "' connected to channel '" + channel.request.channel() + "'";
    }

    /** The queued frames reach the caller's channel now. */
    private void deliver() {
      if (toCaller.isEmpty()) return;
      long at = nowMs.getAsLong();
      List<HeardFrame> frames = new ArrayList<>();
      for (HeardFrame f : toCaller.take()) frames.add(new HeardFrame(at, f.kind(), f.samples()));
      caller.heard(frames);
    }

    @Override
    public void audio(short[] samples) throws IOException {
      byte[] msg = new byte[3 + samples.length * 2];
      msg[0] = 0x10;
      msg[1] = (byte) (samples.length * 2 >> 8);
      msg[2] = (byte) (samples.length * 2);
      System.arraycopy(HeardFrame.littleEndian(samples), 0, msg, 3, samples.length * 2);
      write(msg);
    }

    @Override
    public void digit(char key) throws IOException {
      write(new byte[] {0x03, 0x00, 0x01, (byte) key});
    }

    @Override
    public void activity() {
      lastActivityNanos = System.nanoTime();
    }

    private void write(byte[] msg) {
      lastActivityNanos = System.nanoTime();
      if (writeFailed) return;
      try {
        ByteBuffer buf = ByteBuffer.wrap(msg);
        socket.write(buf);
        if (buf.hasRemaining()) writeFailed = true; // Asterisk's write() came up short: it gives up
      } catch (IOException e) {
        writeFailed = true;
      }
    }
  }

  /** The sample rate of a voice kind, 0 for any other kind ({@code res_audiosocket.h}). */
  static int rateOf(int kind) {
    return switch (kind) {
      case 0x10 -> 8000;
      case 0x11 -> 12000;
      case 0x12 -> 16000;
      case 0x13 -> 24000;
      case 0x14 -> 32000;
      case 0x15 -> 44100;
      case 0x16 -> 48000;
      case 0x17 -> 96000;
      case 0x18 -> 192000;
      default -> 0;
    };
  }
}
