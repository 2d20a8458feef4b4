package org.empathyivr.adapter.storage;

import static org.empathyivr.adapter.storage.HandoffTestData.handoff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.empathyivr.domain.port.HandoffStore.StoreFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcHandoffStoreTest {
  private static final List<URI> TWO_WEBHOOKS =
      List.of(URI.create("http://127.0.0.1:9/a"), URI.create("https://crm.example/handoffs"));

  @TempDir Path dir;

  @Test
  void anSqliteFileIsCreatedInWalModeWithItsDirectory() throws Exception {
    Path db = dir.resolve("var/lib/handoffs.db");
    try (HandoffArchive store = HandoffArchives.forUrl("jdbc:sqlite:" + db, List.of())) {
      store.check();
      store.save(handoff("H-1", "my internet keeps dropping"));

      assertTrue(Files.exists(db.resolveSibling("handoffs.db-wal")), "no write-ahead log beside " + db);
      assertEquals(List.of("wal"), query(db, "PRAGMA journal_mode"));
    }
  }

  @Test
  void theSearchableFieldsAreColumns() throws Exception {
    Path db = dir.resolve("handoffs.db");
    try (HandoffArchive store = HandoffArchives.forUrl("jdbc:sqlite:" + db, List.of())) {
      store.check();
      store.save(handoff("H-1", "my internet keeps dropping"));
    }

    assertEquals(
        List.of("H-1|2026-11-23T10:00:00.000Z|5551234|Jörg \"J\" Ünal|caller-id|my internet keeps dropping|1|confirmed"
            + "|support|5|Jörg \"J\" Ünal (5551234): \"my internet keeps dropping\" (confirmed by the caller);"
            + " reason: confirmed"),
        query(db, "SELECT id, created_at, caller_number, caller_name, name_source, issue, confirmed, reason, queue,"
            + " priority, summary FROM handoffs"));
  }

  @Test
  void eachHandoffGetsOneOutboxRowPerWebhookInTheSameSave() throws Exception {
    Path db = dir.resolve("handoffs.db");
    try (HandoffArchive store = HandoffArchives.forUrl("jdbc:sqlite:" + db, TWO_WEBHOOKS)) {
      store.check();
      store.save(handoff("H-1", "my internet keeps dropping"));
      store.save(handoff("H-1", "my internet keeps dropping"));
      store.save(handoff("H-2", "the bill is wrong"));
    }

    assertEquals(
        List.of("H-1|http://127.0.0.1:9/a|0|null", "H-1|https://crm.example/handoffs|0|null",
            "H-2|http://127.0.0.1:9/a|0|null", "H-2|https://crm.example/handoffs|0|null"),
        query(db, "SELECT handoff_id, url, attempts, delivered_at FROM webhook_outbox ORDER BY handoff_id, url"));
  }

  @Test
  void aDatabaseThatCannotBeOpenedFailsTheCheckNamingIt() throws Exception {
    Path blocked = dir.resolve("a-file");
    Files.writeString(blocked, "not a directory");
    HandoffArchive store = HandoffArchives.forUrl("jdbc:sqlite:" + blocked.resolve("handoffs.db"), List.of());

    StoreFailure failure = assertThrows(StoreFailure.class, store::check);

    assertTrue(failure.getMessage().contains(blocked.resolve("handoffs.db").toString()), failure.getMessage());
  }

  @Test
  void aPasswordIsNotRepeatedInMessages() {
    JdbcHandoffStore store =
        new JdbcHandoffStore("jdbc:postgresql://db/ivr?user=ivr&password=s3cret&ssl=true", List.of());

    assertEquals("jdbc:postgresql://db/ivr?user=ivr&password=***&ssl=true", store.safeUrl());
  }

  @Test
  void aSaveThatCannotWriteIsAStoreFailureNamingTheHandoff() throws Exception {
    Path db = dir.resolve("handoffs.db");
    HandoffArchive store = HandoffArchives.forUrl("jdbc:sqlite:" + db, List.of());
    // never checked: no table
    StoreFailure failure = assertThrows(StoreFailure.class, () -> store.save(handoff("H-9", "x")));
    store.close();

    assertTrue(failure.getMessage().contains("H-9"), failure.getMessage());
  }

  static List<String> query(Path db, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) row.add(String.valueOf(r.getString(i)));
        rows.add(String.join("|", row));
      }
    }
    return rows;
  }
}
