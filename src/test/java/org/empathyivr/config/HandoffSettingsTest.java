package org.empathyivr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The handoff.* keys: where handoffs are stored and which webhooks get them. */
class HandoffSettingsTest {
  @Test
  void byDefaultHandoffsGoToAnSqliteFileAndNowhereElse() throws Exception {
    Settings.Handoffs handoffs = SettingsReader.read(Optional.empty()).handoffs();

    assertEquals("jdbc:sqlite:/var/lib/empathy-ivr/handoffs.db", handoffs.storeUrl());
    assertEquals(List.of(), handoffs.webhookUrls());
    assertEquals(Duration.ofSeconds(10), handoffs.webhookTimeout());
    assertEquals(Duration.ofMinutes(5), handoffs.webhookMaxBackoff());
  }

  @Test
  void readsPostgresqlAndWebhooks() throws Exception {
    Settings.Handoffs handoffs = SettingsReader.read(Map.of(
        "handoff.store-url", "jdbc:postgresql://db.internal:5432/ivr?user=ivr&password=x",
        "handoff.webhook-urls", "https://crm.example/hooks/handoff, http://10.0.0.9:8080/in",
        "handoff.webhook-max-backoff-seconds", "60")).handoffs();

    assertEquals("jdbc:postgresql://db.internal:5432/ivr?user=ivr&password=x", handoffs.storeUrl());
    assertEquals(List.of(URI.create("https://crm.example/hooks/handoff"), URI.create("http://10.0.0.9:8080/in")),
        handoffs.webhookUrls());
    assertEquals(Duration.ofSeconds(60), handoffs.webhookMaxBackoff());
  }

  @Test
  void aStoreUrlThatIsNeitherJdbcNorJsonLinesIsNamed() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> SettingsReader.read(Map.of("handoff.store-url", "/var/lib/empathy-ivr/handoffs.jsonl")));

    assertTrue(e.getMessage().contains("'handoff.store-url' must be a JDBC URL"), e.getMessage());
    assertTrue(e.getMessage().contains("got '/var/lib/empathy-ivr/handoffs.jsonl'"), e.getMessage());
  }

  @Test
  void aWebhookThatIsNotHttpIsNamed() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> SettingsReader.read(Map.of("handoff.webhook-urls", "https://crm.example/in, ftp://files.example/x")));

    assertTrue(e.getMessage().contains("'handoff.webhook-urls' must be http:// or https:// URLs"), e.getMessage());
    assertTrue(e.getMessage().contains("got 'ftp://files.example/x'"), e.getMessage());
  }

  @Test
  void webhooksNeedADatabaseForTheirOutbox() {
    ConfigException e = assertThrows(ConfigException.class, () -> SettingsReader.read(Map.of(
        "handoff.store-url", "jsonl:/tmp/handoffs.jsonl", "handoff.webhook-urls", "https://crm.example/in")));

    assertTrue(e.getMessage().contains("'handoff.webhook-urls' need a jdbc: 'handoff.store-url'"), e.getMessage());
  }
}
