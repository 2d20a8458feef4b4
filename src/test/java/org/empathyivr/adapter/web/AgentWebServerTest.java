package org.empathyivr.adapter.web;

import static org.empathyivr.adapter.storage.HandoffTestData.handoff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.empathyivr.adapter.storage.HandoffArchive;
import org.empathyivr.adapter.storage.HandoffArchives;
import org.empathyivr.adapter.storage.HandoffJson;
import org.empathyivr.adapter.storage.HandoffTestData;
import org.empathyivr.domain.dialog.Caller;
import org.empathyivr.domain.summary.Handoff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent page's server over real HTTP, with a JSON-lines store and a clock fixed on the test data's morning. */
class AgentWebServerTest {
  private static final String TOKEN = "s3cret-agent-token-0123";
  private static final Instant YESTERDAY = HandoffTestData.MORNING.minus(Duration.ofDays(1));

  @TempDir Path dir;
  private HandoffArchive store;
  private final LiveHandoffs live = new LiveHandoffs();
  private final ServiceMetrics metrics = new ServiceMetrics();
  private final Map<String, Optional<String>> health = new LinkedHashMap<>();
  private AgentWebServer web;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    store = HandoffArchives.forUrl("jsonl:" + dir.resolve("h.jsonl"), List.of());
    store.check();
    store.save(named(handoff("H-old", YESTERDAY, "my fax is broken"), "5550000", "Old Caller"));
    store.save(named(handoff("H-1", HandoffTestData.MORNING, "my internet is down"), "+1 555 123 4567", "Maria Lopez"));
    store.save(named(handoff("H-2", HandoffTestData.MORNING.plusSeconds(60), "my bill is wrong"), "5559999", "Dana Whitfield"));
    Clock noon = Clock.fixed(HandoffTestData.MORNING.plusSeconds(7200), ZoneOffset.UTC);
    health.put("model", Optional.empty());
    health.put("store", Optional.empty());
    web = AgentWebServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TOKEN,
        new HandoffQueries(store, noon), live, metrics, () -> health);
  }

  @AfterEach
  void stop() {
    web.close();
    store.close();
  }

  @Test
  void givesNoCallerDataWithoutTheToken() throws Exception {
    for (String path : List.of("/api/handoffs", "/api/handoffs/H-1", "/api/handoffs?q=maria", "/api/stream")) {
      assertEquals(401, get(path, null).statusCode(), path);
      HttpResponse<String> wrong = get(path, "s3cret-agent-token-0124");
      assertEquals(401, wrong.statusCode(), path);
      assertEquals("Bearer realm=\"empathy-ivr\"", wrong.headers().firstValue("WWW-Authenticate").orElse(""));
      assertFalse(wrong.body().contains("Maria"), wrong.body());
    }
    HttpResponse<String> page = get("/", null);
    assertEquals(200, page.statusCode(), "the page itself holds no data and asks for the token");
    assertTrue(page.body().contains("id=\"login\""));
  }

  @Test
  void listsTodaysHandoffsNewestFirst() throws Exception {
    HttpResponse<String> today = get("/api/handoffs", TOKEN);

    assertEquals(200, today.statusCode());
    assertEquals("[" + store.find("H-2").orElseThrow() + "," + store.find("H-1").orElseThrow() + "]\n", today.body());
  }

  @Test
  void findsByNumberDigitsOrByNameOverEarlierDaysToo() throws Exception {
    assertTrue(get("/api/handoffs?q=555-123", TOKEN).body().startsWith("[{\"id\":\"H-1\""));
    assertTrue(get("/api/handoffs?q=DANA", TOKEN).body().startsWith("[{\"id\":\"H-2\""));
    assertTrue(get("/api/handoffs?q=old%20caller", TOKEN).body().startsWith("[{\"id\":\"H-old\""));
    assertEquals("[]\n", get("/api/handoffs?q=nobody", TOKEN).body());
  }

  @Test
  void listsRecordsStoredByEarlierVersionsWithoutTheNewerMembers() throws Exception {
    String current = HandoffJson.write(handoff("H-earlier", HandoffTestData.MORNING.plusSeconds(30), "my tv is off"));
    String earlier = current.replaceFirst(",\"spoken\":.*,\"transcript\":", ",\"transcript\":");
    assertFalse(earlier.contains("frustration"), earlier);
    store.saveRecord(earlier);

    String today = get("/api/handoffs", TOKEN).body();

    assertTrue(today.contains(earlier), today);
  }

  @Test
  void getsOneHandoffByIdOr404() throws Exception {
    assertEquals(store.find("H-1").orElseThrow() + "\n", get("/api/handoffs/H-1", TOKEN).body());
    assertEquals(404, get("/api/handoffs/H-none", TOKEN).statusCode());
  }

  @Test
  void streamsNewHandoffsAsServerSentEvents() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri("/api/stream")).header("Authorization", "Bearer " + TOKEN).build();
    HttpResponse<InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElse(""));
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      assertEquals(": connected", lines.readLine());
      assertEquals("retry: 2000", lines.readLine());
      assertEquals("", lines.readLine());
      String json = HandoffJson.write(handoff("H-3", "my phone is dead"));
      live.publish(json);

      assertEquals("event: handoff", lines.readLine());
      assertEquals("data: " + json, lines.readLine());
      assertEquals("", lines.readLine());
    }
  }

  @Test
  void servesPrometheusMetricsAndHealthWithoutCallerData() throws Exception {
    metrics.callStarted();
    metrics.handedOff(handoff("H-9", "my internet is down"), List.of(new IllegalStateException("x")));
    HttpResponse<String> m = get("/metrics", null);
    assertEquals(200, m.statusCode());
    assertTrue(m.body().contains("empathyivr_calls_in_progress 1.0\n"), m.body());
    assertTrue(m.body().contains("empathyivr_handoffs_total{reason=\"confirmed\"} 1.0\n"), m.body());
    assertTrue(m.body().contains("empathyivr_errors_total{kind=\"IllegalStateException\"} 1.0\n"), m.body());
    assertTrue(m.body().contains("# TYPE empathyivr_recognition_seconds histogram"), m.body());

    HttpResponse<String> ok = get("/health", null);
    assertEquals(200, ok.statusCode());
    assertEquals("{\"status\":\"ok\",\"model\":\"ok\",\"store\":\"ok\",\"callsInProgress\":1}\n", ok.body());
    health.put("store", Optional.of("Connection refused"));
    HttpResponse<String> down = get("/health", null);
    assertEquals(503, down.statusCode());
    assertEquals("{\"status\":\"unavailable\",\"model\":\"ok\",\"store\":\"failing: Connection refused\",\"callsInProgress\":1}\n",
        down.body());
  }

  private static Handoff named(Handoff h, String number, String name) {
    return new Handoff(h.id(), h.at(), h.callId(), h.channel(),
        new Caller(Optional.of(number), Optional.of(name), Caller.NameSource.DIRECTORY), h.issue(), h.reflection(), h.said(),
        h.confirmed(), h.reason(), h.queue(), h.priority(), h.withAssistant(), h.transcript(), h.frustration(),
        h.phrasesUsed());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + web.port() + path);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
