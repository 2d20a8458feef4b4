package org.empathyivr.adapter.storage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import org.empathyivr.domain.port.CallerDirectory;

/**
 * Callers listed in a database table {@value #TABLE} with text columns {@code number} and {@code name}, for a CRM or
 * an admin who keeps callers in SQLite or PostgreSQL rather than a CSV file. Read once, at startup, like the CSV
 * directory, and matched the same way ({@link CallerIndex}).
 */
public final class JdbcCallerDirectory implements CallerDirectory {
  /** The table read: {@code callers(number TEXT, name TEXT)}. */
  public static final String TABLE = "callers";

  private final CallerIndex index;

  private JdbcCallerDirectory(CallerIndex index) {
    this.index = index;
  }

  /**
   * Reads every caller from the table at {@code jdbcUrl}.
   *
   * @throws IOException naming the database (password blanked) and the row at fault: no table, a number without
   *     digits or an empty name
   */
  public static JdbcCallerDirectory read(String jdbcUrl) throws IOException {
    String safeUrl = jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    CallerIndex index = new CallerIndex();
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT number, name FROM " + TABLE)) {
      while (rows.next()) {
        String number = Optional.ofNullable(rows.getString(1)).orElse("");
        String name = Optional.ofNullable(rows.getString(2)).orElse("").strip();
        if (name.isEmpty()) throw new IOException(safeUrl + ": " + TABLE + ": empty name for number '" + number + "'");
        if (!index.add(number, name)) {
          throw new IOException(safeUrl + ": " + TABLE + ": no digits in the number '" + number + "' of " + name);
        }
      }
    } catch (SQLException e) {
      throw new IOException(safeUrl + ": cannot read the table " + TABLE + "(number, name): " + e.getMessage(), e);
    }
    return new JdbcCallerDirectory(index);
  }

  @Override
  public Optional<String> nameFor(String number) {
    return index.nameFor(number);
  }

  public int size() {
    return index.size();
  }

  @Override
  public Set<String> firstNames() {
    return index.firstNames();
  }
}
