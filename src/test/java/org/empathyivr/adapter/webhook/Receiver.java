package org.empathyivr.adapter.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback, as a CRM would run one: it can be down (not listening), answer 503 to the first
 * requests, and keeps every request it accepted. Its URL is fixed before it first comes up.
 */
final class Receiver implements AutoCloseable {
  final int port;
  private final AtomicInteger unavailable = new AtomicInteger();
  private final List<Request> accepted = new ArrayList<>(); // guarded by this
  private int refused; // guarded by this
  private HttpServer server;

  record Request(String idempotencyKey, String contentType, String body) {}

  Receiver() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port + "/handoffs");
  }

  /** Answers 503 to the next {@code requests} requests once up. */
  void unavailableFor(int requests) {
    unavailable.set(requests);
  }

  synchronized void comeUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    server.createContext("/handoffs", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int status = 200;
      if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        status = 503;
      }
      synchronized (this) {
        if (status == 200) {
          accepted.add(new Request(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
              exchange.getRequestHeaders().getFirst("Content-Type"), body));
        } else {
          refused++;
        }
      }
      byte[] answer = (status == 200 ? "ok" : "down for maintenance").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  synchronized List<Request> accepted() {
    return List.copyOf(accepted);
  }

  synchronized int refused() {
    return refused;
  }

  /** The idempotency keys accepted, each once: what a receiver that drops repeats keeps. */
  synchronized Set<String> distinctKeys() {
    Set<String> keys = new LinkedHashSet<>();
    for (Request r : accepted) keys.add(r.idempotencyKey());
    return keys;
  }

  @Override
  public synchronized void close() {
    if (server != null) server.stop(0);
  }
}
