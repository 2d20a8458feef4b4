package org.empathyivr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.empathyivr.adapter.fastagi.SupportLineAgiScript;
import org.empathyivr.adapter.fastagi.SupportLineAgiServer;
import org.empathyivr.adapter.storage.CsvCallerDirectory;
import org.empathyivr.adapter.storage.HandoffArchive;
import org.empathyivr.adapter.storage.JdbcHandoffStore;
import org.empathyivr.adapter.webhook.Backoff;
import org.empathyivr.adapter.webhook.WebhookDeliverer;
import org.empathyivr.config.ConfigException;
import org.empathyivr.config.Settings;
import org.empathyivr.domain.empathy.PhraseBook;
import org.empathyivr.domain.port.CallerDirectory;
import org.empathyivr.domain.port.Clock;
import org.empathyivr.domain.port.HandoffStore;
import org.empathyivr.domain.port.HandoffStore.StoreFailure;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.port.TextToSpeech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The support line put together from settings and the two speech engines: handoff store, caller directory, spool
 * with the fixed prompts rendered, and the FastAGI server. {@link Main} serves it; end-to-end tests start it too.
 */
public final class SupportLine {
  private static final Logger log = LoggerFactory.getLogger(SupportLine.class);

  /** The wait after a webhook's first failure; it doubles up to handoff.webhook-max-backoff-seconds (at least 2). */
  private static final Duration FIRST_WEBHOOK_RETRY = Duration.ofSeconds(2);
  private static final Duration WEBHOOK_POLL = Duration.ofSeconds(1);

  private final Settings settings;
  private final SupportLineAgiServer server;
  private final Optional<WebhookDeliverer> deliverer;

  private SupportLine(Settings settings, SupportLineAgiServer server, Optional<WebhookDeliverer> deliverer) {
    this.settings = settings;
    this.server = server;
    this.deliverer = deliverer;
  }

  /**
   * Checks the store, reads the directory, prepares the spool and renders the fixed prompts.
   *
   * @param onReady run once the server listens, so Asterisk can connect
   */
  public static SupportLine prepare(
      Settings settings, PhraseBook phrases, SpeechToText speechToText, TextToSpeech textToSpeech, Runnable onReady)
      throws StartupFailure {
    Settings.Handoffs handoffs = settings.handoffs();
    HandoffArchive store = HandoffArchive.forUrl(handoffs.storeUrl(), handoffs.webhookUrls());
    try {
      store.check();
    } catch (StoreFailure e) {
      throw new StartupFailure("handoff.store-url: " + e.getMessage(), e);
    }
    Optional<WebhookDeliverer> deliverer = Optional.empty();
    if (!handoffs.webhookUrls().isEmpty() && store instanceof JdbcHandoffStore database) {
      Backoff backoff = new Backoff(FIRST_WEBHOOK_RETRY, handoffs.webhookMaxBackoff());
      deliverer = Optional.of(new WebhookDeliverer(
          database.outbox(), backoff, handoffs.webhookTimeout(), WEBHOOK_POLL, java.time.Clock.systemUTC()));
    }
    // A saved handoff is sent at once rather than at the deliverer's next poll.
    HandoffStore forCalls =
        deliverer.<HandoffStore>map(d -> handoff -> {
          store.save(handoff);
          d.wake();
        }).orElse(store);
    SupportLineAgiScript script =
        new SupportLineAgiScript(
            speechToText, textToSpeech, callerDirectory(settings.callerDirectory()), forCalls, Clock.SYSTEM,
            settings.dialog(), phrases, settings.spoolDir(), settings.keepRecordings());
    try {
      script.prepare();
      long started = System.nanoTime();
      int rendered = script.renderFixedPrompts();
      log.info("rendered {} fixed prompts in {} ms", rendered, (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      throw new StartupFailure("spool.dir " + settings.spoolDir() + " is not usable: " + e, e);
    } catch (SpeechFailure e) {
      throw new StartupFailure("FreeTTS cannot synthesize the phrasebook: " + e.getMessage(), e);
    }
    Settings.Agi agi = settings.agi();
    SupportLineAgiServer server =
        new SupportLineAgiServer(
            agi.script(), script, agi.bindAddress(), agi.port(), agi.maxCalls(), agi.allowedClients(), onReady);
    if (!agi.bindAddress().isLoopbackAddress() && agi.allowedClients().isEmpty()) {
      log.warn(
          "agi.bind-address {} is reachable from other hosts and agi.allowed-clients is empty: anyone who can reach"
              + " port {} can run calls; list your Asterisk servers in agi.allowed-clients",
          agi.bindAddress().getHostAddress(), agi.port());
    }
    return new SupportLine(settings, server, deliverer);
  }

  /** Where Asterisk reaches the support line: {@code agi://HOST:PORT/SCRIPT}. */
  public String url() {
    Settings.Agi agi = settings.agi();
    return "agi://" + agi.bindAddress().getHostAddress() + ":" + agi.port() + "/" + agi.script();
  }

  /** Delivers pending webhooks and serves calls until {@link #stop()}; returns then. */
  public void serve() throws StartupFailure {
    Settings.Agi agi = settings.agi();
    deliverer.ifPresent(d -> {
      d.start();
      log.info("delivering handoffs to {}", settings.handoffs().webhookUrls());
    });
    try {
      server.startup();
    } catch (IOException e) {
      throw new StartupFailure(
          "cannot listen on " + agi.bindAddress().getHostAddress() + ":" + agi.port()
              + " (agi.bind-address, agi.port): " + e.getMessage(), e);
    }
  }

  /** Stops accepting calls and delivering webhooks; calls in progress run on, their deliveries wait in the outbox. */
  public void stop() {
    server.stop();
    deliverer.ifPresent(WebhookDeliverer::close);
  }

  /** The admin's phrasebook file, or the bundled one. */
  public static PhraseBook phraseBook(Optional<Path> file) throws ConfigException {
    try {
      if (file.isPresent()) return PhraseBook.parse(Files.readString(file.get()), file.get().toString());
      try (InputStream in = SupportLine.class.getResourceAsStream("/prompts/phrasebook.txt")) {
        if (in == null) throw new ConfigException("the bundled phrasebook is missing from the jar");
        return PhraseBook.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled phrasebook");
      }
    } catch (IOException e) {
      throw new ConfigException("prompts.phrasebook-file: cannot read " + file.orElse(null) + ": " + e, e);
    }
  }

  private static CallerDirectory callerDirectory(Optional<Path> csv) throws StartupFailure {
    if (csv.isEmpty()) return CsvCallerDirectory.empty();
    try {
      CsvCallerDirectory directory = CsvCallerDirectory.read(csv.get());
      log.info("caller directory {}: {} numbers", csv.get(), directory.size());
      return directory;
    } catch (IOException e) {
      throw new StartupFailure("directory.csv-file: " + e.getMessage(), e);
    }
  }

  /** Startup cannot go on; the message names the setting to fix. */
  public static final class StartupFailure extends Exception {
    public StartupFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
