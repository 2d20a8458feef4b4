package org.empathyivr.simulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The service's FastAGI side, driven line by line from the test thread (like the lab's fastagi.py): the simulated
 * Asterisk calls it on another thread; the test sends commands and reads Asterisk's lines with their arrival times.
 */
final class FastAgiDriver implements AutoCloseable {
  /** A line from Asterisk and when it arrived. */
  record Line(String text, long atNanos) {}

  private final ServerSocket server;
  private final CompletableFuture<SessionResult> result;
  private Socket socket;
  private BufferedReader in;
  private OutputStream out;

  /** Places the call: the simulator connects here with these settings and caller turns. */
  FastAgiDriver(UnaryOperator<SimulatedAsterisk.Builder> settings, List<CallerTurn> turns) throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    SimulatedAsterisk asterisk = settings.apply(SimulatedAsterisk.connectingTo("127.0.0.1", server.getLocalPort())
        .channel("Local/5551234@ivr-00000001;2").callerId("5551234", "Maria Lopez")
        .giveUpAfter(Duration.ofSeconds(40))).build();
    result = CompletableFuture.supplyAsync(() -> {
      try {
        return asterisk.call(turns);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Accepts the connection and reads the request header up to its empty line. */
  FastAgiDriver accept() throws IOException {
    server.setSoTimeout(10_000);
    socket = server.accept();
    socket.setTcpNoDelay(true);
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = socket.getOutputStream();
    String line;
    while ((line = in.readLine()) != null && !line.isEmpty()) {
      // header
    }
    return this;
  }

  void send(String command) throws IOException {
    out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The next line from Asterisk, waiting at most {@code timeoutMs}. */
  Line read(long timeoutMs) throws IOException {
    return maybeRead(timeoutMs).orElseThrow(() -> new AssertionError("no line from Asterisk in " + timeoutMs + " ms"));
  }

  String readLine(long timeoutMs) throws IOException {
    return read(timeoutMs).text();
  }

  /** The next line if one comes within {@code timeoutMs}. */
  Optional<Line> maybeRead(long timeoutMs) throws IOException {
    socket.setSoTimeout((int) timeoutMs);
    try {
      String line = in.readLine();
      if (line == null) throw new AssertionError("Asterisk closed the FastAGI connection");
      return Optional.of(new Line(line, System.nanoTime()));
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    }
  }

  /** Sends a command and returns Asterisk's reply line. */
  String command(String command, long timeoutMs) throws IOException {
    send(command);
    return readLine(timeoutMs);
  }

  /** The service closes the FastAGI connection; the call's record. */
  SessionResult hangUp() throws Exception {
    socket.close();
    try {
      return result.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("the simulated call failed", e.getCause());
    }
  }

  @Override
  public void close() throws IOException {
    if (socket != null) socket.close();
    server.close();
  }
}
