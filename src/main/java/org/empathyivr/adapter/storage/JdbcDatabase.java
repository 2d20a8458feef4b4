package org.empathyivr.adapter.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * One connection to the handoff database, shared by the store and the outbox and used one transaction at a time.
 * A failed transaction is rolled back and the connection dropped, so the next one reconnects (a restarted database
 * server costs one failed save, which the caller may retry).
 */
final class JdbcDatabase {
  private static final String SQLITE = "jdbc:sqlite:";
  private static final int BUSY_TIMEOUT_MS = 5_000;

  private final String url;
  private Connection connection; // guarded by this

  JdbcDatabase(String url) {
    this.url = url;
  }

  /** A unit of work in one transaction. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  synchronized <T> T inTransaction(Work<T> work) throws SQLException {
    Connection c = connection();
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      drop(c, e);
      throw e;
    }
  }

  synchronized void close() {
    if (connection == null) return;
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing after a failure: the connection is gone either way, and every commit already reached the disk.
    }
    connection = null;
  }

  /** The URL with any password blanked, for messages and logs. */
  String safeUrl() {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private Connection connection() throws SQLException {
    if (connection != null) return connection;
    if (url.startsWith(SQLITE)) createDirectory();
    Connection c = DriverManager.getConnection(url);
    try {
      if (url.startsWith(SQLITE)) sqlitePragmas(c);
      c.setAutoCommit(false);
    } catch (SQLException e) {
      drop(c, e);
      throw e;
    }
    connection = c;
    return c;
  }

  /** WAL lets the agent page read while a call writes; FULL syncs the log on every commit, so a commit is durable. */
  private static void sqlitePragmas(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      try (ResultSet mode = s.executeQuery("PRAGMA journal_mode=WAL")) {
        String got = mode.next() ? mode.getString(1) : "none";
        if (!"wal".equals(got.toLowerCase(Locale.ROOT))) throw new SQLException("journal_mode is " + got + ", not wal");
      }
      s.execute("PRAGMA synchronous=FULL");
      s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
      s.execute("PRAGMA foreign_keys=ON");
    }
  }

  private void createDirectory() throws SQLException {
    String file = url.substring(SQLITE.length()).replaceFirst("^file:", "").replaceFirst("\\?.*$", "");
    if (file.isEmpty() || file.startsWith(":memory:")) return;
    Path dir = Path.of(file).toAbsolutePath().getParent();
    try {
      if (dir != null) Files.createDirectories(dir);
    } catch (IOException e) {
      throw new SQLException("cannot create the directory " + dir + ": " + e, e);
    }
  }

  private void drop(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
    try {
      c.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
    if (connection == c) connection = null;
  }
}
