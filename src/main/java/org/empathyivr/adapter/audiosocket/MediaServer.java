package org.empathyivr.adapter.audiosocket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AudioSocket listener: where Asterisk connects when a call's FastAGI script runs {@code EXEC AudioSocket
 * UUID,HOST:PORT}. Each connection's first message names the UUID; the call that {@link #expect expects} it gets the
 * connection as a {@link MediaSession}. Connections from addresses not allowed, with an unknown UUID, or that do not
 * start with a UUID message within {@value #HANDSHAKE_MS} ms are closed.
 */
public final class MediaServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MediaServer.class);
  /** Asterisk sends the UUID within about 12 ms of connecting. */
  static final int HANDSHAKE_MS = 2_000;

  private final InetAddress bindAddress;
  private final int port;
  private final String connectAddress;
  private final List<InetAddress> allowedClients;
  private final boolean bargeIn;
  private final Map<UUID, CompletableFuture<MediaSession>> expected = new ConcurrentHashMap<>();
  private ServerSocket server;
  private Thread acceptor;
  private volatile boolean closing;

  /**
   * @param connectAddress the address Asterisk is told to connect to
   * @param allowedClients addresses that may connect; empty allows any
   * @param bargeIn whether callers may interrupt prompts by speaking
   */
  public MediaServer(
      InetAddress bindAddress, int port, String connectAddress, List<InetAddress> allowedClients, boolean bargeIn) {
    this.bindAddress = bindAddress;
    this.port = port;
    this.connectAddress = connectAddress;
    this.allowedClients = List.copyOf(allowedClients);
    this.bargeIn = bargeIn;
  }

  /** Listens; fails when the port cannot be bound. */
  public synchronized void start() throws IOException {
    if (server != null) throw new IllegalStateException("started already");
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(bindAddress, port), 64);
    server = socket;
    acceptor = new Thread(this::accept, "audiosocket-listener");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port listened on (the configured one, or the one the system chose for 0). */
  public synchronized int port() {
    return server == null ? port : server.getLocalPort();
  }

  /** A new call's AudioSocket: Asterisk is to connect with this UUID. */
  public Expected expect() {
    UUID id = UUID.randomUUID();
    CompletableFuture<MediaSession> session = new CompletableFuture<>();
    expected.put(id, session);
    return new Expected(id, session);
  }

  /** A connection a call waits for. */
  public final class Expected implements AutoCloseable {
    private final UUID id;
    private final CompletableFuture<MediaSession> session;

    private Expected(UUID id, CompletableFuture<MediaSession> session) {
      this.id = id;
      this.session = session;
    }

    /** The arguments of {@code EXEC AudioSocket} that make Asterisk connect here with this UUID. */
    public String execArguments() {
      String host = connectAddress.contains(":") && !connectAddress.startsWith("[")
          ? "[" + connectAddress + "]" : connectAddress;
      return id + "," + host + ":" + port();
    }

    /** Waits for Asterisk to connect; empty when it did not within {@code timeout}. */
    public java.util.Optional<MediaSession> await(Duration timeout) throws InterruptedException {
      try {
        return java.util.Optional.ofNullable(session.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        return java.util.Optional.empty();
      } catch (ExecutionException e) {
        return java.util.Optional.empty();
      }
    }

    /** No longer waits: a connection that comes later is closed; a session that came is ended. */
    @Override
    public void close() {
      expected.remove(id);
      if (!session.complete(null)) {
        MediaSession s = session.getNow(null);
        if (s != null) s.end();
      }
    }
  }

  private void accept() {
    while (!closing) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!closing) log.error("the AudioSocket listener stopped: {}", e.toString());
        return;
      }
      InetAddress from = socket.getInetAddress();
      if (!allowedClients.isEmpty() && !allowedClients.contains(from)) {
        log.warn("refused an AudioSocket connection from {}: not in media.allowed-clients", from.getHostAddress());
        close(socket);
        continue;
      }
      Thread handshake = new Thread(() -> handshake(socket), "audiosocket-handshake");
      handshake.setDaemon(true);
      handshake.start();
    }
  }

  private void handshake(Socket socket) {
    String from = socket.getInetAddress().getHostAddress();
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(HANDSHAKE_MS);
      AudioSocketMessage first = AudioSocketMessage.read(socket.getInputStream());
      if (first == null || first.kind() != AudioSocketMessage.KIND_UUID) {
        log.warn("closed an AudioSocket connection from {} that did not start with its UUID", from);
        close(socket);
        return;
      }
      socket.setSoTimeout(0);
      UUID id = first.uuid();
      CompletableFuture<MediaSession> waiting = expected.remove(id);
      if (waiting == null) {
        log.warn("closed an AudioSocket connection from {} for UUID {}, which no call expects", from, id);
        close(socket);
        return;
      }
      MediaSession session = new MediaSession(id, socket, bargeIn);
      session.start();
      if (!waiting.complete(session)) session.end(); // the call stopped waiting
    } catch (SocketTimeoutException e) {
      log.warn("closed an AudioSocket connection from {} that sent no UUID within {} ms", from, HANDSHAKE_MS);
      close(socket);
    } catch (IOException e) {
      log.warn("closed an AudioSocket connection from {}: {}", from, e.getMessage());
      close(socket);
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public synchronized void close() {
    closing = true;
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        log.debug("closing the AudioSocket listener: {}", e.toString());
      }
    }
    expected.values().forEach(f -> f.complete(null));
    expected.clear();
  }
}
