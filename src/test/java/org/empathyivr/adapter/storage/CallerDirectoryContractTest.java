package org.empathyivr.adapter.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.empathyivr.domain.port.CallerDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One contract for every caller directory: a CSV file, an SQLite table and, when {@code EMPATHYIVR_TEST_PG_URL}
 * names a server (as {@code .ci/run} does), a PostgreSQL table, each test in a schema of its own.
 */
class CallerDirectoryContractTest {
  private static final String PG_URL = System.getenv("EMPATHYIVR_TEST_PG_URL");
  private static final AtomicInteger schemas = new AtomicInteger();

  @TempDir Path dir;

  enum Factory {
    CSV {
      @Override
      CallerDirectory open(Path dir, List<String[]> rows) throws Exception {
        StringBuilder csv = new StringBuilder("number,name\n");
        for (String[] row : rows) csv.append(row[0]).append(",\"").append(row[1].replace("\"", "\"\"")).append("\"\n");
        Path file = dir.resolve("callers.csv");
        Files.writeString(file, csv);
        return CsvCallerDirectory.read(file);
      }
    },
    SQLITE {
      @Override
      CallerDirectory open(Path dir, List<String[]> rows) throws Exception {
        return table("jdbc:sqlite:" + dir.resolve("callers.db"), rows);
      }
    },
    POSTGRESQL {
      @Override
      CallerDirectory open(Path dir, List<String[]> rows) throws Exception {
        Assumptions.assumeTrue(PG_URL != null, "PostgreSQL: EMPATHYIVR_TEST_PG_URL is not set");
        String schema = "callers_" + ProcessHandle.current().pid() + "_" + schemas.incrementAndGet();
        try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
          s.execute("CREATE SCHEMA " + schema);
        }
        return table(PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, rows);
      }
    };

    abstract CallerDirectory open(Path dir, List<String[]> rows) throws Exception;

    static CallerDirectory table(String url, List<String[]> rows) throws SQLException, IOException {
      try (Connection c = DriverManager.getConnection(url)) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE callers (number TEXT, name TEXT)");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO callers (number, name) VALUES (?, ?)")) {
          for (String[] row : rows) {
            insert.setString(1, row[0]);
            insert.setString(2, row[1]);
            insert.executeUpdate();
          }
        }
      }
      return JdbcCallerDirectory.read(url);
    }
  }

  @ParameterizedTest
  @EnumSource(Factory.class)
  void findsACallerByNumberWhateverTheFormatting(Factory factory) throws Exception {
    CallerDirectory callers =
        factory.open(dir, List.of(new String[] {"+1 (555) 123-4567", "Maria Lopez"}, new String[] {"5551234", "Dana Kim"}));

    assertEquals(Optional.of("Maria Lopez"), callers.nameFor("15551234567"));
    assertEquals(Optional.of("Maria Lopez"), callers.nameFor("5551234567"), "without the country code");
    assertEquals(Optional.of("Maria Lopez"), callers.nameFor("+44 15551234567".substring(4)), "with spaces");
    assertEquals(Optional.of("Dana Kim"), callers.nameFor("555-1234"));
  }

  @ParameterizedTest
  @EnumSource(Factory.class)
  void knowsNoNameForAnUnlistedOrEmptyNumber(Factory factory) throws Exception {
    CallerDirectory callers = factory.open(dir, List.<String[]>of(new String[] {"5551234", "Dana Kim"}));

    assertEquals(Optional.empty(), callers.nameFor("5559999"));
    assertEquals(Optional.empty(), callers.nameFor(""));
    assertEquals(Optional.empty(), callers.nameFor("anonymous"));
  }

  @ParameterizedTest
  @EnumSource(Factory.class)
  void keepsANameWithCommasAndQuotesAsWritten(Factory factory) throws Exception {
    CallerDirectory callers = factory.open(dir, List.<String[]>of(new String[] {"5551234", "Lopez, Maria \"Mari\""}));

    assertEquals(Optional.of("Lopez, Maria \"Mari\""), callers.nameFor("5551234"));
  }

  @ParameterizedTest
  @EnumSource(Factory.class)
  void offersItsCallersFirstNamesForHearingANameAsked(Factory factory) throws Exception {
    CallerDirectory callers = factory.open(dir, List.of(new String[] {"5551234", "Priyanka Patel"},
        new String[] {"5555678", "  Jörg Ünal"}, new String[] {"5559012", "Lopez, Maria"}));

    assertEquals(Set.of("priyanka", "jörg"), callers.firstNames(), "a name written surname first gives none");
  }

  @ParameterizedTest
  @EnumSource(Factory.class)
  void refusesACallerWithoutANameSayingWhichNumber(Factory factory) {
    Assumptions.assumeTrue(factory != Factory.POSTGRESQL || PG_URL != null, "EMPATHYIVR_TEST_PG_URL is not set");
    IOException e =
        assertThrows(IOException.class, () -> factory.open(dir, List.<String[]>of(new String[] {"5551234", " "})));
    assertTrue(e.getMessage().contains("empty name") && e.getMessage().contains("5551234"), e.getMessage());
  }
}
