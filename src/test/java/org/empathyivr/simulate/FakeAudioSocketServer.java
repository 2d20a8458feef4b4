package org.empathyivr.simulate;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The service's side of AudioSocket, as small as the lab's audiosocket.py: accepts connections, logs every message
 * Asterisk sends with its arrival time, and lets a test send what it likes (paced frames, a burst, a raw byte string)
 * and close. Plain blocking sockets, a reader thread per connection.
 */
final class FakeAudioSocketServer implements AutoCloseable {
  /** A message from Asterisk. */
  record Message(int kind, byte[] payload, long atNanos) {
    byte[] wire() {
      byte[] out = new byte[3 + payload.length];
      out[0] = (byte) kind;
      out[1] = (byte) (payload.length >> 8);
      out[2] = (byte) payload.length;
      System.arraycopy(payload, 0, out, 3, payload.length);
      return out;
    }

    short[] samples() {
      short[] s = new short[payload.length / 2];
      ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
      return s;
    }

    int peak() {
      return HeardFrame.peak(samples());
    }
  }

  /** What the server does with each connection, on the connection's own thread. */
  interface Role {
    void play(Connection c) throws Exception;
  }

  private final ServerSocket server;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  FakeAudioSocketServer(Role role) throws IOException {
    server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket s = server.accept();
          s.setTcpNoDelay(true);
          Connection c = new Connection(s);
          connections.add(c);
          c.start(role);
        }
      } catch (IOException closed) {
        // the test is over
      }
    }, "fake-audiosocket-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  int port() {
    return server.getLocalPort();
  }

  List<Connection> connections() {
    return connections;
  }

  Connection connection(int index) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (connections.size() <= index) {
      if (System.nanoTime() > deadline) throw new AssertionError("no connection #" + index);
      Thread.sleep(5);
    }
    return connections.get(index);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Connection c : connections) c.closeQuietly();
  }

  /** One connection from Asterisk. */
  static final class Connection {
    final long acceptedNanos = System.nanoTime();
    private final Socket socket;
    private final OutputStream out;
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Long> eof = new CompletableFuture<>();
    private final CompletableFuture<Void> roleDone = new CompletableFuture<>();
    private final List<Long> sentNanos = new CopyOnWriteArrayList<>();
    private volatile boolean reset;
    /** Set before the test closes the socket: an exception after it is the test's own close, not a reset. */
    private volatile boolean closing;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    void start(Role role) {
      Thread reader = new Thread(this::read, "fake-audiosocket-read");
      reader.setDaemon(true);
      reader.start();
      Thread player = new Thread(() -> {
        try {
          role.play(this);
          roleDone.complete(null);
        } catch (Throwable e) {
          roleDone.completeExceptionally(e);
        }
      }, "fake-audiosocket-role");
      player.setDaemon(true);
      player.start();
    }

    private void read() {
      try (InputStream raw = socket.getInputStream()) {
        DataInputStream in = new DataInputStream(raw);
        while (true) {
          int kind = in.read();
          if (kind < 0) break;
          int length = in.readUnsignedShort();
          byte[] payload = new byte[length];
          in.readFully(payload);
          received.add(new Message(kind, payload, System.nanoTime()));
        }
      } catch (EOFException e) {
        // EOF inside a message: still an EOF
      } catch (SocketException e) {
        // Not socket.isClosed(): the try above has closed the socket by the time this runs.
        if (!closing) reset = true;
      } catch (IOException e) {
        reset = true;
      }
      eof.complete(System.nanoTime());
    }

    // --- what Asterisk sent

    List<Message> received() {
      return List.copyOf(received);
    }

    List<Message> received(int kind) {
      return received.stream().filter(m -> m.kind() == kind).toList();
    }

    /** Waits until a message matches; returns it. */
    Message await(Predicate<Message> wanted, long timeoutMs) throws InterruptedException {
      long deadline = System.nanoTime() + timeoutMs * 1_000_000;
      while (System.nanoTime() < deadline) {
        for (Message m : received) if (wanted.test(m)) return m;
        if (eof.isDone()) break;
        Thread.sleep(2);
      }
      for (Message m : received) if (wanted.test(m)) return m;
      throw new AssertionError("no such message from Asterisk; got " + received.size() + " messages");
    }

    /** Waits for Asterisk to close its end; the time it came. */
    long awaitEof(long timeoutMs) throws Exception {
      return eof.get(timeoutMs, TimeUnit.MILLISECONDS);
    }

    boolean sawEof() {
      return eof.isDone();
    }

    /** Whether the connection ended in a reset rather than a plain EOF. */
    boolean wasReset() {
      return reset;
    }

    void awaitRole(long timeoutMs) throws Exception {
      roleDone.get(timeoutMs, TimeUnit.MILLISECONDS);
    }

    // --- what the test sends

    synchronized void sendRaw(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
      sentNanos.add(System.nanoTime());
    }

    void send(int kind, byte[] payload) throws IOException {
      sendRaw(new Message(kind, payload, 0).wire());
    }

    void sendAudio(short[] samples) throws IOException {
      send(0x10, HeardFrame.littleEndian(samples));
    }

    /** Sends the frames 20 ms apart on an absolute schedule; stops early if Asterisk closes. Returns the count sent. */
    int sendPaced(int kind, List<short[]> frames) throws IOException {
      long start = System.nanoTime();
      int sent = 0;
      for (short[] frame : frames) {
        LockSupport.parkNanos(start + sent * 20_000_000L - System.nanoTime());
        if (eof.isDone()) break;
        try {
          send(kind, HeardFrame.littleEndian(frame));
        } catch (IOException e) {
          break;
        }
        sent++;
      }
      return sent;
    }

    /** All frames in one write, as the lab's burst did with one sendall(). */
    void sendBurst(List<short[]> frames) throws IOException {
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      for (short[] f : frames) all.writeBytes(new Message(0x10, HeardFrame.littleEndian(f), 0).wire());
      sendRaw(all.toByteArray());
    }

    List<Long> sentNanos() {
      return new ArrayList<>(sentNanos);
    }

    /** Reads (the reader thread does) for this long, or until Asterisk closes. */
    void listen(long ms) throws Exception {
      try {
        eof.get(ms, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        // still open
      }
    }

    void close() throws IOException {
      closing = true;
      socket.close();
    }

    void closeQuietly() {
      closing = true;
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
