package org.empathyivr.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.empathyivr.adapter.storage.CsvCallerDirectory;
import org.empathyivr.adapter.storage.FallbackHandoffStore;
import org.empathyivr.adapter.storage.HandoffArchive;
import org.empathyivr.adapter.storage.JdbcCallerDirectory;
import org.empathyivr.adapter.storage.JdbcHandoffStore;
import org.empathyivr.adapter.storage.JsonLinesHandoffStore;
import org.empathyivr.adapter.webhook.Backoff;
import org.empathyivr.adapter.webhook.WebhookDeliverer;
import org.empathyivr.app.SupportLine.StartupFailure;
import org.empathyivr.config.Settings;
import org.empathyivr.domain.port.CallerDirectory;
import org.empathyivr.domain.port.HandoffStore.StoreFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where handoffs go and who callers are, as the settings name them: the store of {@code handoff.store-url} behind a
 * local fallback (while the database is down, handoffs wait in the spool and reach it when it returns), the webhook
 * deliverer that empties a database's outbox, and the caller directory.
 *
 * @param handoffs the store the calls save to, checked at startup
 * @param deliverer the webhook deliverer, when the store is a database with webhooks
 * @param directory the caller directory
 */
record Storage(FallbackHandoffStore handoffs, Optional<WebhookDeliverer> deliverer, CallerDirectory directory) {
  private static final Logger log = LoggerFactory.getLogger(Storage.class);

  /** The wait after a webhook's first failure; it doubles up to handoff.webhook-max-backoff-seconds (at least 2). */
  private static final Duration FIRST_WEBHOOK_RETRY = Duration.ofSeconds(2);
  private static final Duration WEBHOOK_POLL = Duration.ofSeconds(1);
  /** Handoffs the store refused wait here, in the spool directory, for the store to answer again. */
  static final String PENDING_HANDOFFS = "handoffs-pending.jsonl";
  private static final Duration STORE_RETRY = Duration.ofSeconds(2);

  /** Opens and checks the store, and reads the directory; the failure names the setting to fix. */
  static Storage open(Settings settings) throws StartupFailure {
    Settings.Handoffs config = settings.handoffs();
    String url = config.storeUrl();
    HandoffArchive archive;
    Optional<WebhookDeliverer> deliverer = Optional.empty();
    if (url.startsWith(JsonLinesHandoffStore.SCHEME)) {
      archive = new JsonLinesHandoffStore(Path.of(url.substring(JsonLinesHandoffStore.SCHEME.length())));
    } else {
      JdbcHandoffStore jdbc = new JdbcHandoffStore(url, config.webhookUrls());
      archive = jdbc;
      if (!config.webhookUrls().isEmpty()) {
        Backoff backoff = new Backoff(FIRST_WEBHOOK_RETRY, config.webhookMaxBackoff());
        deliverer = Optional.of(new WebhookDeliverer(
            jdbc.outbox(), backoff, config.webhookTimeout(), WEBHOOK_POLL, java.time.Clock.systemUTC()));
      }
    }
    Optional<WebhookDeliverer> wakes = deliverer;
    FallbackHandoffStore handoffs = new FallbackHandoffStore(archive, settings.spoolDir().resolve(PENDING_HANDOFFS),
        STORE_RETRY, () -> wakes.ifPresent(WebhookDeliverer::wake));
    try {
      handoffs.check();
    } catch (StoreFailure e) {
      throw new StartupFailure("handoff.store-url: " + e.getMessage(), e);
    }
    return new Storage(handoffs, deliverer, callerDirectory(settings.callerDirectory(),
        settings.callerDirectoryJdbcUrl()));
  }

  /** A saved handoff is sent at once rather than at the deliverer's next poll. */
  void wakeDeliverer() {
    deliverer.ifPresent(WebhookDeliverer::wake);
  }

  private static CallerDirectory callerDirectory(Optional<Path> csv, Optional<String> jdbcUrl) throws StartupFailure {
    if (jdbcUrl.isPresent()) {
      try {
        JdbcCallerDirectory directory = JdbcCallerDirectory.read(jdbcUrl.get());
        log.info("caller directory table {}: {} numbers", JdbcCallerDirectory.TABLE, directory.size());
        return directory;
      } catch (IOException e) {
        throw new StartupFailure("directory.jdbc-url: " + e.getMessage(), e);
      }
    }
    if (csv.isEmpty()) return CsvCallerDirectory.empty();
    try {
      CsvCallerDirectory directory = CsvCallerDirectory.read(csv.get());
      log.info("caller directory {}: {} numbers", csv.get(), directory.size());
      return directory;
    } catch (IOException e) {
      throw new StartupFailure("directory.csv-file: " + e.getMessage(), e);
    }
  }
}
