package org.empathyivr.adapter.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.empathyivr.domain.port.HandoffStore.StoreFailure;
import org.empathyivr.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' web server, on the JDK's {@code com.sun.net.httpserver}: the agent page at {@code /}, the JSON API under
 * {@code /api/} (bearer token), the live stream of new handoffs as server-sent events at {@code /api/stream}, and
 * {@code /metrics} and {@code /health} for operators (no caller data, no token).
 *
 * <p>The token is compared in constant time. Every request runs on a thread of its own (a stream holds one while it
 * is open); at most {@link #MAX_STREAMS} streams are open at once.
 */
public final class AgentWebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentWebServer.class);
  static final int MAX_STREAMS = 64;
  /** A comment line this often keeps proxies and the browser from dropping a quiet stream. */
  static final long KEEPALIVE_MS = 15_000;

  private final HttpServer server;
  private final ExecutorService threads;
  private final byte[] tokenDigest;
  private final HandoffQueries queries;
  private final LiveHandoffs live;
  private final ServiceMetrics metrics;
  private final Health health;
  private final Semaphore streams = new Semaphore(MAX_STREAMS);
  private volatile boolean closing;

  /** Whether the service can do its work, for {@code /health}: each check names a part and says what is wrong. */
  public interface Health {
    /** Part name to its problem, or to empty when it is fine ("model", "store"). */
    Map<String, Optional<String>> check();
  }

  private AgentWebServer(HttpServer server, String token, HandoffQueries queries, LiveHandoffs live,
      ServiceMetrics metrics, Health health) {
    this.server = server;
    this.tokenDigest = sha256(token);
    this.queries = queries;
    this.live = live;
    this.metrics = metrics;
    this.health = health;
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "agent-web");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", guarded(this::page, false));
    server.createContext("/api/handoffs", guarded(this::handoffs, true));
    server.createContext("/api/stream", guarded(this::stream, true));
    server.createContext("/metrics", guarded(this::metrics, false));
    server.createContext("/health", guarded(this::health, false));
  }

  /** Binds and starts serving. */
  public static AgentWebServer start(InetSocketAddress address, String token, HandoffQueries queries,
      LiveHandoffs live, ServiceMetrics metrics, Health health) throws IOException {
    if (token.isEmpty()) throw new IllegalArgumentException("empty token");
    AgentWebServer web = new AgentWebServer(HttpServer.create(address, 0), token, queries, live, metrics, health);
    web.server.start();
    return web;
  }

  /** The port it listens on (useful when started on port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    closing = true;
    server.stop(0);
    threads.shutdownNow();
  }

  private interface Route {
    void handle(HttpExchange exchange) throws IOException, StoreFailure;
  }

  private HttpHandler guarded(Route route, boolean needsToken) {
    return exchange -> {
      try (exchange) {
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (!"GET".equals(exchange.getRequestMethod())) {
          send(exchange, 405, "text/plain", "GET only\n");
          return;
        }
        if (needsToken && !authorized(exchange)) {
          exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"empathy-ivr\"");
          send(exchange, 401, "application/json", "{\"error\":\"a bearer token is required (web.token)\"}\n");
          return;
        }
        route.handle(exchange);
      } catch (StoreFailure e) {
        log.error("agent page: {}", e.getMessage(), e);
        sendQuietly(exchange, 503, "{\"error\":\"the handoff store does not answer\"}\n");
      } catch (IOException e) {
        log.debug("agent page client gone: {}", e.toString()); // the browser closed the tab
      } catch (RuntimeException e) {
        log.error("agent page failed on {}: {}", exchange.getRequestURI(), e.toString(), e);
        sendQuietly(exchange, 500, "{\"error\":\"internal error\"}\n");
      }
    };
  }

  private boolean authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
    // Digests have one length whatever was sent, so the comparison time tells nothing about the token.
    return MessageDigest.isEqual(tokenDigest, sha256(header.substring(7).strip()));
  }

  private void page(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!path.equals("/")) {
      send(exchange, 404, "text/plain", "not found\n");
      return;
    }
    try (InputStream in = AgentWebServer.class.getResourceAsStream("/web/agents.html")) {
      if (in == null) throw new IOException("the agent page is missing from the jar");
      exchange.getResponseHeaders().set("Content-Security-Policy",
          "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:");
      exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
      send(exchange, 200, "text/html; charset=utf-8", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private void handoffs(HttpExchange exchange) throws IOException, StoreFailure {
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/api/handoffs") || path.equals("/api/handoffs/")) {
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String q = query.getOrDefault("q", "").strip();
      send(exchange, 200, "application/json", (q.isEmpty() ? queries.today() : queries.search(q)) + "\n");
      return;
    }
    String id = java.net.URLDecoder.decode(path.substring("/api/handoffs/".length()), StandardCharsets.UTF_8);
    Optional<String> record = queries.find(id);
    if (record.isPresent()) send(exchange, 200, "application/json", record.get() + "\n");
    else send(exchange, 404, "application/json", "{\"error\":\"no handoff with that id\"}\n");
  }

  private void stream(HttpExchange exchange) throws IOException {
    if (!streams.tryAcquire()) {
      send(exchange, 503, "application/json", "{\"error\":\"too many open streams\"}\n");
      return;
    }
    BlockingQueue<String> events = live.subscribe();
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(": connected\nretry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (!closing) {
        String json = events.poll(KEEPALIVE_MS, TimeUnit.MILLISECONDS);
        String event = json == null ? ": keepalive\n\n" : "event: handoff\ndata: " + json + "\n\n";
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is stopping
    } finally {
      live.unsubscribe(events);
      streams.release();
    }
  }

  private void metrics(HttpExchange exchange) throws IOException {
    send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
  }

  private void health(HttpExchange exchange) throws IOException {
    Map<String, Optional<String>> checks = health.check();
    boolean ok = checks.values().stream().allMatch(Optional::isEmpty);
    String json = Json.generate(g -> {
      g.writeStartObject();
      g.writeStringField("status", ok ? "ok" : "unavailable");
      for (Map.Entry<String, Optional<String>> c : checks.entrySet()) {
        g.writeStringField(c.getKey(), c.getValue().map(p -> "failing: " + p).orElse("ok"));
      }
      g.writeNumberField("callsInProgress", metrics.callsInProgress());
      g.writeEndObject();
    });
    send(exchange, ok ? 200 : 503, "application/json", json + "\n");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null) return params;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(key, value);
    }
    return params;
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type.contains("charset") ? type : type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void sendQuietly(HttpExchange exchange, int status, String body) {
    try {
      send(exchange, status, "application/json", body);
    } catch (IOException | RuntimeException e) {
      log.debug("could not send {}: {}", status, e.toString()); // headers may be out already
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
