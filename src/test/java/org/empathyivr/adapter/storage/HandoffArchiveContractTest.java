package org.empathyivr.adapter.storage;

import static org.empathyivr.adapter.storage.HandoffTestData.MORNING;
import static org.empathyivr.adapter.storage.HandoffTestData.handoff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.empathyivr.adapter.webhook.Outbox;
import org.empathyivr.adapter.webhook.Outbox.Attempt;
import org.empathyivr.adapter.webhook.Outbox.Delivery;
import org.empathyivr.domain.summary.Handoff;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One suite for every {@link HandoffArchive}, in the manner of okio's {@code BufferedSourceTest.Factory}. PostgreSQL
 * runs when {@code EMPATHYIVR_TEST_PG_URL} names a server (as {@code .ci/run} does), each test in a schema of its own.
 */
class HandoffArchiveContractTest {
  private static final String PG_URL = System.getenv("EMPATHYIVR_TEST_PG_URL");
  private static final AtomicInteger schemas = new AtomicInteger();

  @TempDir Path dir;

  enum Factory {
    JSON_LINES {
      @Override
      String url(Path dir) {
        return "jsonl:" + dir.resolve("handoffs.jsonl");
      }
    },
    SQLITE {
      @Override
      String url(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("handoffs.db");
      }
    },
    POSTGRESQL {
      @Override
      String url(Path dir) throws Exception {
        Assumptions.assumeTrue(PG_URL != null, "PostgreSQL: EMPATHYIVR_TEST_PG_URL is not set");
        String schema = "contract_" + ProcessHandle.current().pid() + "_" + schemas.incrementAndGet();
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
          s.execute("CREATE SCHEMA " + schema);
        }
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      }
    };

    /** Where a fresh store keeps its handoffs; the same location for every store opened in one test. */
    abstract String url(Path dir) throws Exception;
  }

  private HandoffArchive open(String url) throws Exception {
    HandoffArchive store = HandoffArchives.forUrl(url, List.of());
    store.check();
    return store;
  }

  @ParameterizedTest
  @EnumSource(Factory.class)
  void aSavedHandoffIsFoundByIdAsItsJson(Factory factory) throws Exception {
    Handoff h = handoff("H-1", "line one\nline \"two\" \\ end, ünïcode \u2028 and a tab\t");
    try (HandoffArchive store = open(factory.url(dir))) {
      store.save(h);

      assertEquals(Optional.of(HandoffJson.write(h)), store.find("H-1"));
      assertEquals(Optional.empty(), store.find("H-2"));
    }
  }

  @ParameterizedTest
  @EnumSource(Factory.class)
  void aRecordKeptAsideIsStoredAsTheHandoffItself(Factory factory) throws Exception {
    Handoff h = handoff("H-kept", "my internet is down");
    try (HandoffArchive store = open(factory.url(dir))) {
      store.saveRecord(HandoffJson.write(h));
      store.save(h);

      assertEquals(Optional.of(HandoffJson.write(h)), store.find("H-kept"));
      assertEquals(1, store.newest(10).size(), "saved once");
      assertThrows(IllegalArgumentException.class, () -> store.saveRecord("{\"id\":\"H-bad\"}"));
    }
  }

  @ParameterizedTest
  @EnumSource(Factory.class)
  void savingTheSameHandoffTwiceKeepsOneRecord(Factory factory) throws Exception {
    try (HandoffArchive store = open(factory.url(dir))) {
      store.save(handoff("H-1", "my internet keeps dropping"));
      store.save(handoff("H-1", "my internet keeps dropping"));

      assertEquals(1, store.newest(10).size());
    }
  }

  @ParameterizedTest
  @EnumSource(Factory.class)
  void newestComeFirst(Factory factory) throws Exception {
    try (HandoffArchive store = open(factory.url(dir))) {
      for (int i = 1; i <= 3; i++) store.save(handoff("H-" + i, MORNING.plusSeconds(60 * i), "issue " + i));

      List<String> newest = store.newest(2);

      assertEquals(2, newest.size());
      assertTrue(newest.get(0).startsWith("{\"id\":\"H-3\""), newest.get(0));
      assertTrue(newest.get(1).startsWith("{\"id\":\"H-2\""), newest.get(1));
      assertEquals(List.of(), store.newest(0));
    }
  }

  @ParameterizedTest
  @EnumSource(Factory.class)
  void handoffsSurviveReopening(Factory factory) throws Exception {
    String url = factory.url(dir);
    try (HandoffArchive store = open(url)) {
      store.save(handoff("H-1", "my internet keeps dropping"));
    }
    try (HandoffArchive store = open(url)) {
      assertTrue(store.find("H-1").isPresent());
      store.save(handoff("H-2", "and the phone too"));
      assertEquals(2, store.newest(10).size());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Factory.class, names = {"SQLITE", "POSTGRESQL"})
  void aDatabaseQueuesOneDeliveryPerWebhookUntilItIsDelivered(Factory factory) throws Exception {
    URI crm = URI.create("https://crm.example/handoffs");
    Instant now = Instant.parse("2026-11-23T10:05:00Z");
    try (JdbcHandoffStore store = new JdbcHandoffStore(factory.url(dir), List.of(crm))) {
      store.check();
      store.save(handoff("H-1", "my internet keeps dropping"));
      store.save(handoff("H-1", "my internet keeps dropping"));
      Outbox outbox = store.outbox();

      List<Delivery> due = outbox.due(now, 10);
      assertEquals(List.of(new Delivery("H-1", crm, 0, store.find("H-1").orElseThrow())), due);

      outbox.retryAt(due.get(0), new Attempt(now, 503, "HTTP 503 down", 12), now.plusSeconds(2));
      assertEquals(List.of(), outbox.due(now.plusSeconds(1), 10));
      Delivery again = outbox.due(now.plusSeconds(2), 10).get(0);
      assertEquals(1, again.attempts());

      outbox.delivered(again, new Attempt(now.plusSeconds(2), 200, null, 9));
      assertEquals(List.of(), outbox.due(now.plusSeconds(3600), 10));
    }
  }

  @ParameterizedTest
  @EnumSource(Factory.class)
  void concurrentCallsEachSaveTheirOwn(Factory factory) throws Exception {
    int threads = 8;
    int perThread = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (HandoffArchive store = open(factory.url(dir))) {
      List<Future<?>> saving = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        saving.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) store.save(handoff("H-" + thread + "-" + i, "issue " + i));
          return null;
        }));
      }
      for (Future<?> f : saving) f.get();

      List<String> all = store.newest(1000);
      Set<String> distinct = new HashSet<>(all);
      assertEquals(threads * perThread, all.size());
      assertEquals(threads * perThread, distinct.size());
    } finally {
      pool.shutdownNow();
    }
  }
}
