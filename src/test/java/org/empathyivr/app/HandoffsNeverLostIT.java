package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.empathyivr.adapter.storage.HandoffArchive;
import org.empathyivr.adapter.storage.HandoffArchives;
import org.empathyivr.simulate.SessionResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole calls while the agents' systems fail: the database goes away mid-shift, or the webhook receiver does. Every
 * caller still reaches the queue with the summary, and every handoff reaches the database and the receiver once they
 * are back. Prints how long after their return everything arrived.
 */
class HandoffsNeverLostIT {
  private static final String PG_URL = System.getenv("EMPATHYIVR_TEST_PG_URL");

  @TempDir static Path root;
  /** In front of the test PostgreSQL when there is one; the line stores there, else in SQLite. */
  private static PluggableProxy database;
  private static String storeUrl;
  private static RunningSupportLine line;

  @BeforeAll
  static void startTheLine() throws Exception {
    storeUrl = "jdbc:sqlite:" + root.resolve("handoffs.db");
    if (PG_URL != null) {
      database = PluggableProxy.toFreshSchema(PG_URL, "outage_");
      storeUrl = database.storeUrl();
    }
    line = RunningSupportLine.start(root, "", storeUrl, Map.of("handoff.webhook-max-backoff-seconds", "2"));
  }

  @AfterAll
  static void stopTheLine() throws Exception {
    if (line != null) line.close();
    if (database != null) database.close();
  }

  @Test
  void callsDuringADatabaseOutageAreStoredAndDeliveredWhenItReturns() throws Exception {
    Assumptions.assumeTrue(PG_URL != null, "PostgreSQL: EMPATHYIVR_TEST_PG_URL is not set");
    List<String> ids = new ArrayList<>();
    ids.add(handedOff(line.call("5551001", "Before Outage", "hangup")));

    database.cut();
    ids.add(handedOff(line.call("5551002", "During Outage", "internet-dropping.wav", "yes.wav")));
    ids.add(handedOff(line.call("5551003", "Hung Up", "hangup")));
    Path pending = line.spool.resolve("handoffs-pending.jsonl");
    assertEquals(2, Files.readAllLines(pending).size(), "kept on disk while the database is away");

    long back = System.nanoTime();
    database.restore();
    for (String id : ids) assertTrue(line.postedToWebhook(id, Duration.ofSeconds(20)).isPresent(), id + " posted");
    long deliveredMs = (System.nanoTime() - back) / 1_000_000;

    HandoffArchive direct = HandoffArchives.forUrl(storeUrl, List.of());
    try {
      for (String id : ids) assertTrue(direct.find(id).isPresent(), id + " in PostgreSQL");
    } finally {
      direct.close();
    }
    assertFalse(Files.exists(pending), "nothing left waiting");
    System.out.printf("database outage: %d handoffs made while PostgreSQL was unreachable; all stored and"
        + " delivered %d ms after it came back%n", ids.size() - 1, deliveredMs);
  }

  @Test
  void callsWhileTheWebhookReceiverIsDownReachItWhenItComesBack() throws Exception {
    List<String> ids = new ArrayList<>();
    line.stopWebhookReceiver();
    ids.add(handedOff(line.call("5552001", "First Caller", "hangup")));
    ids.add(handedOff(line.call("5552002", "Second Caller", "hangup")));
    ids.add(handedOff(line.call("5552003", "Third Caller", "dtmf:0")));
    Thread.sleep(2_000); // more failed attempts: the backoff reaches its maximum
    for (String id : ids) {
      assertTrue(line.postedToWebhook(id, Duration.ZERO).isEmpty(), "the receiver was down");
      assertTrue(line.storedHandoffs().stream().anyMatch(r -> r.contains("\"" + id + "\"")), id + " stored");
    }

    long back = System.nanoTime();
    line.startWebhookReceiver();
    for (String id : ids) {
      String body = line.postedToWebhook(id, Duration.ofSeconds(20)).orElse("nothing posted");
      assertTrue(body.startsWith("{\"id\":\"" + id + "\""), body);
    }
    System.out.printf("webhook outage: %d handoffs delivered %.1f s after the receiver came back"
        + " (handoff.webhook-max-backoff-seconds=2)%n", ids.size(), (System.nanoTime() - back) / 1e9);
  }

  private static String handedOff(SessionResult call) {
    assertEquals("1", call.variable("HANDOFF").orElse("unset"), "the caller reaches the queue: " + call.wire());
    assertTrue(call.variable("HANDOFF_SUMMARY").isPresent());
    return call.variable("HANDOFF_ID").orElseThrow();
  }
}
