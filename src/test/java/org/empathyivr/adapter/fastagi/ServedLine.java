package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.asteriskjava.fastagi.AgiScript;

/** The real FastAGI server on a free loopback port, serving a script, in this process; {@link #close()} stops it. */
final class ServedLine implements AutoCloseable {
  final SupportLineAgiServer server;
  final int port;
  private final Thread serving;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private ServedLine(AgiScript script, int maxCalls, AgiLimits limits) throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    CountDownLatch listening = new CountDownLatch(1);
    server = new SupportLineAgiServer(
        "support", script, InetAddress.getLoopbackAddress(), port, maxCalls, List.of(), limits, listening::countDown);
    serving = new Thread(() -> {
      try {
        server.startup();
      } catch (IOException | RuntimeException e) {
        failure.set(e);
        listening.countDown();
      }
    }, "served-line-" + port);
    serving.start();
    if (!listening.await(10, TimeUnit.SECONDS) || failure.get() != null) {
      throw new IllegalStateException("the server did not start", failure.get());
    }
  }

  static ServedLine start(AgiScript script, int maxCalls, AgiLimits limits) throws Exception {
    return new ServedLine(script, maxCalls, limits);
  }

  static ServedLine start(AgiScript script) throws Exception {
    return start(script, 4, AgiLimits.withRequestTimeout(Duration.ofSeconds(2)));
  }

  @Override
  public void close() throws Exception {
    server.stop();
    server.awaitCalls(Duration.ofSeconds(10));
    serving.join(10_000);
  }
}
