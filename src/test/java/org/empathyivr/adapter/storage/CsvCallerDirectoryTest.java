package org.empathyivr.adapter.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvCallerDirectoryTest {
  @TempDir Path dir;

  private CsvCallerDirectory directory(String csv) throws IOException {
    Path file = dir.resolve("callers.csv");
    Files.writeString(file, csv);
    return CsvCallerDirectory.read(file);
  }

  @Test
  void findsACallerByNumberWhateverTheFormatting() throws IOException {
    CsvCallerDirectory callers = directory("number,name\n+1 (555) 123-4567,Maria Lopez\n5551234,Dana Kim\n");
    assertEquals(Optional.of("Maria Lopez"), callers.nameFor("15551234567"));
    assertEquals(Optional.of("Maria Lopez"), callers.nameFor("5551234567"), "without the country code");
    assertEquals(Optional.of("Dana Kim"), callers.nameFor("5551234"));
    assertEquals(Optional.empty(), callers.nameFor("5559999"));
    assertEquals(Optional.empty(), callers.nameFor(""));
  }

  @Test
  void readsQuotedNamesWithCommasAndSkipsComments() throws IOException {
    CsvCallerDirectory callers = directory("# our VIPs\n\n5551234,\"Lopez, Maria \"\"Mari\"\"\"\n");
    assertEquals(Optional.of("Lopez, Maria \"Mari\""), callers.nameFor("5551234"));
  }

  @Test
  void refusesALineWithoutACommaNamingTheLine() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "5551234,Maria\njust a name\n");
    IOException e = assertThrows(IOException.class, () -> CsvCallerDirectory.read(file));
    assertTrue(e.getMessage().contains("bad.csv:2"), e.getMessage());
  }
}
