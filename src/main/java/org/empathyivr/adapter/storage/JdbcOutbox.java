package org.empathyivr.adapter.storage;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.empathyivr.adapter.webhook.Outbox;
import org.empathyivr.domain.port.HandoffStore.StoreFailure;

/** The {@code webhook_outbox} and {@code webhook_deliveries} tables of {@link JdbcHandoffStore}'s database. */
final class JdbcOutbox implements Outbox {
  private final JdbcDatabase database;

  JdbcOutbox(JdbcDatabase database) {
    this.database = database;
  }

  @Override
  public List<Delivery> due(Instant now, int limit) throws StoreFailure {
    try {
      return database.inTransaction(c -> {
        try (PreparedStatement s = c.prepareStatement(
            "SELECT o.handoff_id, o.url, o.attempts, h.record FROM webhook_outbox o"
                + " JOIN handoffs h ON h.id = o.handoff_id"
                + " WHERE o.delivered_at IS NULL AND o.next_attempt_ms <= ?"
                + " ORDER BY o.next_attempt_ms, h.created_at LIMIT ?")) {
          s.setLong(1, now.toEpochMilli());
          s.setInt(2, limit);
          List<Delivery> due = new ArrayList<>();
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) due.add(new Delivery(r.getString(1), URI.create(r.getString(2)), r.getInt(3), r.getString(4)));
          }
          return due;
        }
      });
    } catch (SQLException e) {
      throw new StoreFailure("cannot read the webhook outbox in " + database.safeUrl() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void delivered(Delivery delivery, Attempt attempt) throws StoreFailure {
    update(delivery, attempt, "UPDATE webhook_outbox SET attempts = ?, delivered_at = ? WHERE handoff_id = ? AND url = ?",
        JdbcHandoffStore.UTC_MILLIS.format(attempt.at()));
  }

  @Override
  public void retryAt(Delivery delivery, Attempt attempt, Instant next) throws StoreFailure {
    update(delivery, attempt,
        "UPDATE webhook_outbox SET attempts = ?, next_attempt_ms = ? WHERE handoff_id = ? AND url = ?",
        next.toEpochMilli());
  }

  private void update(Delivery d, Attempt a, String sql, Object value) throws StoreFailure {
    int attempt = d.attempts() + 1;
    try {
      database.inTransaction(c -> {
        log(c, d, a, attempt);
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.setInt(1, attempt);
          s.setObject(2, value);
          s.setString(3, d.handoffId());
          s.setString(4, d.url().toString());
          s.executeUpdate();
        }
        return null;
      });
    } catch (SQLException e) {
      throw new StoreFailure(
          "cannot record attempt " + attempt + " of handoff " + d.handoffId() + " to " + d.url() + " in "
              + database.safeUrl() + ": " + e.getMessage(), e);
    }
  }

  private static void log(Connection c, Delivery d, Attempt a, int attempt) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO webhook_deliveries (handoff_id, url, attempt, attempted_at, status, error, millis)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      s.setString(1, d.handoffId());
      s.setString(2, d.url().toString());
      s.setInt(3, attempt);
      s.setString(4, JdbcHandoffStore.UTC_MILLIS.format(a.at()));
      s.setInt(5, a.status());
      s.setString(6, a.error());
      s.setLong(7, a.millis());
      s.executeUpdate();
    }
  }
}
