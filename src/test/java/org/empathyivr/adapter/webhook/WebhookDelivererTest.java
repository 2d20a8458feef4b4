package org.empathyivr.adapter.webhook;

import static org.empathyivr.adapter.storage.HandoffTestData.MORNING;
import static org.empathyivr.adapter.storage.HandoffTestData.handoff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.empathyivr.adapter.storage.JdbcHandoffStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handoffs saved to an SQLite file reach a real HTTP receiver on loopback, whatever it and the deliverer go through.
 * Backoff and polling are milliseconds here, so the tests wait briefly; every wait is bounded.
 */
class WebhookDelivererTest {
  private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100));
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(10);
  private static final long BOUND_MS = 60_000;

  @TempDir Path dir;

  @Test
  void aReceiverThatWasDownGetsEveryHandoffWhenItComesBack() throws Exception {
    int handoffs = 20;
    try (Receiver receiver = new Receiver(); JdbcHandoffStore store = open(receiver.url())) {
      Set<String> ids = save(store, 0, handoffs);
      try (WebhookDeliverer deliverer = deliverer(store)) {
        deliverer.start();
        // Down: nothing listens. Every delivery fails at least twice before the receiver starts.
        waitUntil(() -> minimumAttempts() >= 2, "every delivery tried twice while the receiver is down");
        receiver.unavailableFor(5); // then up, but answering 503 at first
        long up = System.nanoTime();
        receiver.comeUp();
        waitUntil(() -> receiver.distinctKeys().size() == handoffs, "every handoff received");
        long deliveredMs = (System.nanoTime() - up) / 1_000_000;
        System.out.printf("%d handoffs delivered %d ms after the receiver came up (%d refused with 503 first)%n",
            handoffs, deliveredMs, receiver.refused());
        waitUntil(() -> pending() == 0, "the outbox empty");
      }

      assertEquals(ids, receiver.distinctKeys());
      assertTrue(receiver.accepted().size() >= handoffs, "at least once: " + receiver.accepted().size());
      assertEquals(5, receiver.refused());
      for (Receiver.Request r : receiver.accepted()) {
        assertTrue(r.body().startsWith("{\"id\":\"" + r.idempotencyKey() + "\","), r.body());
        assertEquals("application/json; charset=utf-8", r.contentType());
        assertEquals(store.find(r.idempotencyKey()).orElseThrow(), r.body());
      }
      List<String> log = query("SELECT status, COUNT(*) FROM webhook_deliveries GROUP BY status ORDER BY status");
      assertTrue(log.get(0).startsWith("0|"), "connection refused attempts logged with status 0: " + log);
      assertTrue(log.contains("503|5"), log.toString());
      assertTrue(log.contains("200|" + receiver.accepted().size()), log.toString());
    }
  }

  @Test
  void aDelivererClosedMidwayIsReplacedFromTheSameFileAndNothingIsLost() throws Exception {
    int handoffs = 30;
    Set<String> ids;
    try (Receiver receiver = new Receiver()) {
      receiver.comeUp();
      try (JdbcHandoffStore store = open(receiver.url())) {
        ids = save(store, 0, handoffs);
        try (WebhookDeliverer deliverer = deliverer(store)) {
          deliverer.start();
          waitUntil(() -> receiver.accepted().size() >= 5, "some handoffs received");
        } // closed mid-way, as on a crash or a restart
      }
      int beforeRestart = receiver.distinctKeys().size();
      assertTrue(beforeRestart < handoffs, "the first deliverer was stopped before it finished: " + beforeRestart);

      try (JdbcHandoffStore store = open(receiver.url())) {
        ids.addAll(save(store, handoffs, 5)); // calls go on after the restart
        try (WebhookDeliverer deliverer = deliverer(store)) {
          deliverer.start();
          waitUntil(() -> receiver.distinctKeys().size() == handoffs + 5, "every handoff received");
          waitUntil(() -> pending() == 0, "the outbox empty");
        }
      }
      System.out.printf("%d delivered before the restart, %d after; %d requests for %d handoffs%n",
          beforeRestart, handoffs + 5 - beforeRestart, receiver.accepted().size(), handoffs + 5);

      assertEquals(ids, receiver.distinctKeys());
      assertEquals(0, pending());
    }
  }

  private JdbcHandoffStore open(URI webhook) throws Exception {
    JdbcHandoffStore store =
        new JdbcHandoffStore("jdbc:sqlite:" + dir.resolve("handoffs.db"), List.of(webhook));
    store.check();
    return store;
  }

  private static WebhookDeliverer deliverer(JdbcHandoffStore store) {
    return new WebhookDeliverer(store.outbox(), FAST, TIMEOUT, POLL, Clock.systemUTC());
  }

  private static Set<String> save(JdbcHandoffStore store, int from, int count) throws Exception {
    Set<String> ids = new LinkedHashSet<>();
    for (int i = from; i < from + count; i++) {
      String id = "H-1795458575." + i;
      store.save(handoff(id, MORNING.plusSeconds(i), "my internet keeps dropping, call " + i));
      ids.add(id);
    }
    return ids;
  }

  private int minimumAttempts() {
    return Integer.parseInt(query("SELECT MIN(attempts) FROM webhook_outbox").get(0));
  }

  private int pending() {
    return Integer.parseInt(query("SELECT COUNT(*) FROM webhook_outbox WHERE delivered_at IS NULL").get(0));
  }

  private List<String> query(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("handoffs.db"));
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      List<String> rows = new java.util.ArrayList<>();
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        StringBuilder row = new StringBuilder(r.getString(1));
        for (int i = 2; i <= columns; i++) row.append('|').append(r.getString(i));
        rows.add(row.toString());
      }
      return rows;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND_MS * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("not within " + BOUND_MS + " ms: " + what);
      Thread.sleep(10);
    }
  }
}
