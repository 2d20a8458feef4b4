package org.empathyivr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectorySettingsTest {

  @Test
  void readsTheCallerDirectoryDatabase() throws ConfigException {
    Settings settings = SettingsReader.read(Map.of("directory.jdbc-url", "jdbc:sqlite:/var/lib/empathy-ivr/callers.db"));
    assertEquals(Optional.of("jdbc:sqlite:/var/lib/empathy-ivr/callers.db"), settings.callerDirectoryJdbcUrl());
    assertEquals(Optional.empty(), SettingsReader.read(Map.of()).callerDirectoryJdbcUrl(), "none by default");
  }

  @Test
  void refusesAUrlThatIsNotJdbcNamingTheKey() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> SettingsReader.read(Map.of("directory.jdbc-url", "/tmp/callers.db")));
    assertTrue(e.getMessage().contains("'directory.jdbc-url'"), e.getMessage());
  }

  @Test
  void refusesTwoDirectoriesAtOnce() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> SettingsReader.read(Map.of("directory.jdbc-url", "jdbc:sqlite:/x.db",
            "directory.csv-file", "/etc/callers.csv")));
    assertTrue(e.getMessage().contains("not both"), e.getMessage());
  }
}
