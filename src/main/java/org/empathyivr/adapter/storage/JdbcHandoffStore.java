package org.empathyivr.adapter.storage;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.empathyivr.adapter.webhook.Outbox;
import org.empathyivr.domain.summary.Handoff;

/**
 * Handoffs in a database reached by JDBC: an SQLite file (WAL, synchronous=FULL) or PostgreSQL. One row per handoff,
 * with the fields agents search on as columns and the whole record as JSON; and, in the same transaction, one outbox
 * row per webhook URL, so a crash after {@link #save} returns loses no delivery either.
 *
 * <p>The SQL is what SQLite and PostgreSQL both accept ({@code INSERT … ON CONFLICT DO NOTHING}, portable types).
 * Times are stored as fixed-width UTC text ({@code 2026-11-23T10:00:00.000Z}), which sorts in time order.
 */
public final class JdbcHandoffStore implements HandoffArchive {
  static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final List<String> SCHEMA = List.of(
      "CREATE TABLE IF NOT EXISTS handoffs ("
          + " id VARCHAR(200) PRIMARY KEY,"
          + " created_at VARCHAR(30) NOT NULL,"
          + " caller_number TEXT,"
          + " caller_name TEXT,"
          + " name_source VARCHAR(20) NOT NULL,"
          + " issue TEXT,"
          + " reflection TEXT,"
          + " confirmed BOOLEAN NOT NULL,"
          + " reason VARCHAR(40) NOT NULL,"
          + " queue TEXT NOT NULL,"
          + " priority INTEGER NOT NULL,"
          + " summary TEXT NOT NULL,"
          + " record TEXT NOT NULL)",
      "CREATE INDEX IF NOT EXISTS handoffs_by_time ON handoffs (created_at)",
      // One row per handoff and webhook URL, until a 2xx answer.
      "CREATE TABLE IF NOT EXISTS webhook_outbox ("
          + " handoff_id VARCHAR(200) NOT NULL REFERENCES handoffs (id),"
          + " url TEXT NOT NULL,"
          + " attempts INTEGER NOT NULL,"
          + " next_attempt_ms BIGINT NOT NULL,"
          + " delivered_at VARCHAR(30),"
          + " PRIMARY KEY (handoff_id, url))",
      "CREATE INDEX IF NOT EXISTS webhook_outbox_due ON webhook_outbox (delivered_at, next_attempt_ms)",
      // Every attempt: when, the HTTP status (0 when there was no answer), the error, how long it took.
      "CREATE TABLE IF NOT EXISTS webhook_deliveries ("
          + " handoff_id VARCHAR(200) NOT NULL,"
          + " url TEXT NOT NULL,"
          + " attempt INTEGER NOT NULL,"
          + " attempted_at VARCHAR(30) NOT NULL,"
          + " status INTEGER NOT NULL,"
          + " error TEXT,"
          + " millis BIGINT NOT NULL,"
          + " PRIMARY KEY (handoff_id, url, attempt))");

  private final JdbcDatabase database;
  private final List<URI> webhooks;

  /**
   * A store in the database at a {@code jdbc:} URL (SQLite and PostgreSQL are the tested ones); nothing is opened
   * until {@link #check}.
   *
   * @param webhooks where each new handoff is to be delivered: each save also queues it in the {@link #outbox()}
   */
  public JdbcHandoffStore(String url, List<URI> webhooks) {
    this.database = new JdbcDatabase(url);
    this.webhooks = List.copyOf(webhooks);
  }

  @Override
  public void check() throws StoreFailure {
    try {
      database.inTransaction(c -> {
        try (Statement s = c.createStatement()) {
          for (String ddl : SCHEMA) s.execute(ddl);
        }
        return null;
      });
    } catch (SQLException e) {
      throw new StoreFailure("cannot open " + database.safeUrl() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void save(Handoff h) throws StoreFailure {
    String json = HandoffJson.write(h);
    saveRow(HandoffRow.of(json), json);
  }

  @Override
  public void saveRecord(String json) throws StoreFailure {
    saveRow(HandoffRow.of(json), json);
  }

  private void saveRow(HandoffRow h, String json) throws StoreFailure {
    try {
      database.inTransaction(c -> insert(c, h, json));
    } catch (SQLException first) {
      // The connection may have been broken (a restarted server); the insert is idempotent, so try once more afresh.
      try {
        database.inTransaction(c -> insert(c, h, json));
      } catch (SQLException e) {
        e.addSuppressed(first);
        throw new StoreFailure("cannot save handoff " + h.id() + " to " + database.safeUrl() + ": " + e.getMessage(), e);
      }
    }
  }

  private Void insert(Connection c, HandoffRow h, String json) throws SQLException {
    int inserted;
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO handoffs (id, created_at, caller_number, caller_name, name_source, issue, reflection, confirmed,"
            + " reason, queue, priority, summary, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING")) {
      s.setString(1, h.id());
      s.setString(2, UTC_MILLIS.format(h.at()));
      s.setString(3, h.callerNumber());
      s.setString(4, h.callerName());
      s.setString(5, h.nameSource());
      s.setString(6, h.issue());
      s.setString(7, h.reflection());
      s.setBoolean(8, h.confirmed());
      s.setString(9, h.reason());
      s.setString(10, h.queue());
      s.setInt(11, h.priority());
      s.setString(12, h.summary());
      s.setString(13, json);
      inserted = s.executeUpdate();
    }
    if (inserted == 0) return null; // saved before: its outbox rows were written then
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO webhook_outbox (handoff_id, url, attempts, next_attempt_ms) VALUES (?, ?, 0, 0)"
            + " ON CONFLICT DO NOTHING")) {
      for (URI url : webhooks) {
        s.setString(1, h.id());
        s.setString(2, url.toString());
        s.addBatch();
      }
      if (!webhooks.isEmpty()) s.executeBatch();
    }
    return null;
  }

  @Override
  public List<String> newest(int limit) throws StoreFailure {
    if (limit < 0) throw new IllegalArgumentException("limit < 0: " + limit);
    try {
      return database.inTransaction(c -> {
        try (PreparedStatement s =
            c.prepareStatement("SELECT record FROM handoffs ORDER BY created_at DESC, id DESC LIMIT ?")) {
          s.setInt(1, limit);
          List<String> records = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) records.add(r.getString(1));
          }
          return records;
        }
      });
    } catch (SQLException e) {
      throw new StoreFailure("cannot read handoffs from " + database.safeUrl() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<String> find(String id) throws StoreFailure {
    try {
      return database.inTransaction(c -> {
        try (PreparedStatement s = c.prepareStatement("SELECT record FROM handoffs WHERE id = ?")) {
          s.setString(1, id);
          try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
          }
        }
      });
    } catch (SQLException e) {
      throw new StoreFailure("cannot read handoff " + id + " from " + database.safeUrl() + ": " + e.getMessage(), e);
    }
  }

  /** The webhook deliveries still to make, kept in this database. */
  public Outbox outbox() {
    return new JdbcOutbox(database);
  }

  /** The URL with any password blanked. */
  public String safeUrl() {
    return database.safeUrl();
  }

  @Override
  public void close() {
    database.close();
  }
}
