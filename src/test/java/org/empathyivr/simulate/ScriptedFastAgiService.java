package org.empathyivr.simulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * A FastAGI service that plays a capture's {@code >>} side: for each command it first reads as many lines from
 * Asterisk as the capture shows before that command (so a {@code HANGUP} that the capture shows before the next
 * command has arrived before it is sent), then sends the command; at the end it reads the remaining lines and closes
 * the connection. Like MockSink, it keeps what it saw for assertions.
 */
final class ScriptedFastAgiService implements AutoCloseable {
  private final ServerSocket server;
  private final CompletableFuture<List<String>> received;

  /** Listens on loopback; {@code rewrite} turns each capture command into what to send (paths substituted). */
  ScriptedFastAgiService(List<String> captureLines, UnaryOperator<String> rewrite) throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    received = CompletableFuture.supplyAsync(() -> serve(captureLines, rewrite));
  }

  int port() {
    return server.getLocalPort();
  }

  /** Asterisk's lines as the service read them, header empty line included. */
  List<String> received() throws Exception {
    try {
      return received.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("scripted service failed", e);
    }
  }

  private List<String> serve(List<String> captureLines, UnaryOperator<String> rewrite) {
    List<String> got = new ArrayList<>();
    try (Socket socket = server.accept()) {
      socket.setSoTimeout(20_000);
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      String line;
      while ((line = in.readLine()) != null) {
        got.add(line);
        if (line.isEmpty()) break;
      }
      int expectedFromAsterisk = 0;
      boolean inHeader = true;
      for (String l : captureLines) {
        if (l.startsWith(">> ")) {
          if (!inHeader) readLines(in, expectedFromAsterisk, got);
          inHeader = false;
          expectedFromAsterisk = 0;
          out.write((rewrite.apply(l.substring(3)) + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        } else if (!inHeader) {
          expectedFromAsterisk++;
        }
      }
      readLines(in, expectedFromAsterisk, got);
      return got;
    } catch (IOException e) {
      throw new IllegalStateException("after " + got, e);
    }
  }

  private static void readLines(BufferedReader in, int count, List<String> got) throws IOException {
    for (int i = 0; i < count; i++) {
      String line = in.readLine();
      if (line == null) throw new IOException("Asterisk side closed after " + got);
      got.add(line);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
