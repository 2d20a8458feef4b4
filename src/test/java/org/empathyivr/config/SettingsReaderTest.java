package org.empathyivr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsReaderTest {
  @TempDir Path dir;

  @Test
  void aStreamedLineKeepsMoreRecognizersLiveThanARecordingLineUnlessTheAdminSaysHowMany() throws Exception {
    assertEquals(7, SettingsReader.read(Map.of()).speech().maxLiveRecognizers());
    assertEquals(4, SettingsReader.read(Map.of("media.mode", "record")).speech().maxLiveRecognizers());
    assertEquals(5, SettingsReader.read(Map.of("speech.max-live-recognizers", "5")).speech().maxLiveRecognizers());
    ConfigException bad = assertThrows(ConfigException.class,
        () -> SettingsReader.read(Map.of("speech.max-live-recognizers", "many")));
    assertTrue(bad.getMessage().contains("'speech.max-live-recognizers' must be a whole number from 1 to 64"),
        bad.getMessage());
  }

  @Test
  void embeddedDefaultsListenOnLoopbackPort4573() throws Exception {
    Settings settings = SettingsReader.read(Optional.empty());
    assertEquals("127.0.0.1", settings.agi().bindAddress().getHostAddress());
    assertEquals(4573, settings.agi().port());
    assertEquals("support", settings.agi().script());
    assertEquals(45_000, settings.dialog().issueListening().maxMs());
    assertTrue(settings.speech().modelDir().endsWith("vosk-model-en-us"));
  }

  @Test
  void readsAPropertiesFile() throws Exception {
    Path file = dir.resolve("empathy-ivr.properties");
    Files.writeString(file, "agi.port = 4600\nhandoff.queue = billing\ndirectory.csv-file = /etc/callers.csv\n");
    Settings settings = SettingsReader.read(Optional.of(file));
    assertEquals(4600, settings.agi().port());
    assertEquals("billing", settings.dialog().queue());
    assertEquals(Optional.of(Path.of("/etc/callers.csv")), settings.callerDirectory());
  }

  @Test
  void aBadValueNamesTheKeyAndTheValue() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> SettingsReader.read(Map.of("agi.port", "forty")));
    assertTrue(e.getMessage().contains("'agi.port' must be a whole number from 1 to 65535, got 'forty'"), e.getMessage());
  }

  @Test
  void readsTheAsteriskAllowlistAndNamesABadAddress() throws Exception {
    Settings settings = SettingsReader.read(Map.of("agi.allowed-clients", "10.0.0.5, ::1"));
    assertEquals(
        java.util.List.of(java.net.InetAddress.getByName("10.0.0.5"), java.net.InetAddress.getByName("::1")),
        settings.agi().allowedClients());

    ConfigException e =
        assertThrows(ConfigException.class, () -> SettingsReader.read(Map.of("agi.allowed-clients", "pbx.example")));
    assertTrue(e.getMessage().contains("'agi.allowed-clients' must be IP addresses separated by commas, got 'pbx.example'"),
        e.getMessage());
  }

  @Test
  void anUnknownKeyIsRefusedNotIgnored() throws Exception {
    Path file = dir.resolve("typo.properties");
    Files.writeString(file, "agi.prot = 4600\n");
    ConfigException e = assertThrows(ConfigException.class, () -> SettingsReader.read(Optional.of(file)));
    assertTrue(e.getMessage().contains("'agi.prot' is not a known key; did you mean 'agi.port'?"), e.getMessage());
  }

  @Test
  void checkingAFileNamesEveryProblemNotJustTheFirst() throws Exception {
    Path file = dir.resolve("many.properties");
    Files.writeString(file, String.join("\n",
        "agi.port = forty",
        "agi.max_calls = 8",
        "agi.allowed-clients = pbx.example",
        "handoff.store-url = mysql://db",
        "dialog.answer.silence-seconds = 0",
        "speech.voices = 2",
        "speech.voices = 3",
        "completely.unrelated = 1",
        ""));

    List<String> problems = SettingsReader.problems(file);

    assertEquals(List.of(
        "'speech.voices' is set more than once",
        "'agi.max_calls' is not a known key; did you mean 'agi.max-calls'?",
        "'completely.unrelated' is not a known key; known keys: " + new java.util.TreeSet<>(SettingsReader.DEFAULTS.keySet()),
        "'agi.port' must be a whole number from 1 to 65535, got 'forty'",
        "'agi.allowed-clients' must be IP addresses separated by commas, got 'pbx.example'",
        "'dialog.answer.silence-seconds' must be a whole number from 1 to 30, got '0'",
        "'handoff.store-url' must be a JDBC URL such as jdbc:sqlite:/var/lib/empathy-ivr/handoffs.db or"
            + " jdbc:postgresql://host/db, or jsonl:/path/handoffs.jsonl, got 'mysql://db'"),
        problems);
  }

  @Test
  void serveStillFailsFastWithEveryProblemInOneMessage() throws Exception {
    Path file = dir.resolve("two.properties");
    Files.writeString(file, "agi.port = forty\nagi.prot = 4600\n");

    ConfigException e = assertThrows(ConfigException.class, () -> SettingsReader.read(Optional.of(file)));

    assertEquals(file + ": 2 problems: 'agi.prot' is not a known key; did you mean 'agi.port'?;"
        + " 'agi.port' must be a whole number from 1 to 65535, got 'forty'", e.getMessage());
  }

  @Test
  void aGoodFileHasNoProblems() throws Exception {
    Path file = dir.resolve("good.properties");
    Files.writeString(file, "agi.port = 4600\nagi.request-timeout-seconds = 3\nagi.stop-wait-seconds = 60\n");

    assertEquals(List.of(), SettingsReader.problems(file));
    Settings settings = SettingsReader.read(Optional.of(file));
    assertEquals(java.time.Duration.ofSeconds(3), settings.agi().requestTimeout());
    assertEquals(java.time.Duration.ofSeconds(60), settings.agi().stopWait());
  }

  @Test
  void nearMissesAreSuggestedAndStrangersAreNot() {
    var known = SettingsReader.DEFAULTS.keySet();
    assertEquals(Optional.of("spool.dir"), KeySuggestion.nearest("spool.dri", known));
    assertEquals(Optional.of("handoff.webhook-urls"), KeySuggestion.nearest("handoff.webhook_url", known));
    assertEquals(Optional.of("agi.bind-address"), KeySuggestion.nearest("AGI.BIND-ADDRESS", known));
    assertEquals(Optional.empty(), KeySuggestion.nearest("log.level", known));
  }

  @Test
  void aMissingFileIsNamed() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> SettingsReader.read(Optional.of(dir.resolve("nope.properties"))));
    assertTrue(e.getMessage().contains("nope.properties does not exist"), e.getMessage());
  }

  @Test
  void theReadmeDocumentsEveryKeyWithItsDefault() throws Exception {
    String readme = java.nio.file.Files.readString(Path.of("README.md"));

    for (var key : SettingsReader.DEFAULTS.entrySet()) {
      String value = key.getValue();
      String documented = value.isEmpty() ? "| `" + key.getKey() + "` | *(" : "| `" + key.getKey() + "` | `" + value + "` |";
      org.junit.jupiter.api.Assertions.assertTrue(readme.contains(documented), "README lacks " + documented);
    }
  }
}
