package org.empathyivr.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.empathyivr.adapter.audiosocket.MediaServer;
import org.empathyivr.adapter.fastagi.AgiLimits;
import org.empathyivr.adapter.fastagi.BusyHandoffs;
import org.empathyivr.adapter.fastagi.CallSpool;
import org.empathyivr.adapter.fastagi.PromptFiles;
import org.empathyivr.adapter.fastagi.SupportLineAgiScript;
import org.empathyivr.adapter.fastagi.SupportLineAgiServer;
import org.empathyivr.adapter.fastagi.Whispers;
import org.empathyivr.adapter.storage.FallbackHandoffStore;
import org.empathyivr.adapter.storage.HandoffJson;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.adapter.web.AgentWebServer;
import org.empathyivr.adapter.web.HandoffQueries;
import org.empathyivr.adapter.web.HealthProbes;
import org.empathyivr.adapter.web.LiveHandoffs;
import org.empathyivr.adapter.web.ServiceMetrics;
import org.empathyivr.adapter.webhook.WebhookDeliverer;
import org.empathyivr.config.ConfigException;
import org.empathyivr.config.Settings;
import org.empathyivr.domain.empathy.PhraseBook;
import org.empathyivr.domain.frustration.ScoringWarmUp;
import org.empathyivr.domain.frustration.WordsModel;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.Clock;
import org.empathyivr.domain.port.HandoffStore;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.port.TextToSpeech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The support line put together from settings and the two speech engines: handoff store, caller directory, spool
 * with the fixed prompts rendered, the FastAGI server and the agent page. {@link ServeCommand} serves it; bench, soak
 * and end-to-end tests start it too.
 */
public final class SupportLine {
  private static final Logger log = LoggerFactory.getLogger(SupportLine.class);

  /** One probe a few seconds is plenty for a health check, and keeps probes from taking recognizers from calls. */
  private static final Duration HEALTH_CACHE = Duration.ofSeconds(5);
  /** Busy handoffs wait only for the store; a healthy one takes milliseconds each. */
  private static final Duration BUSY_RECORDS_WAIT = Duration.ofSeconds(10);

  private final Settings settings;
  private final SupportLineAgiScript script;
  private final BusyHandoffs busyHandoffs;
  private final SupportLineAgiServer server;
  private final Optional<MediaServer> media;
  private final Optional<WebhookDeliverer> deliverer;
  private final FallbackHandoffStore store;
  private final AgentPage web;
  private Optional<AgentWebServer> agentPage = Optional.empty();

  private SupportLine(
      Settings settings, SupportLineAgiScript script, BusyHandoffs busyHandoffs, SupportLineAgiServer server,
      Optional<MediaServer> media, Optional<WebhookDeliverer> deliverer, FallbackHandoffStore store, AgentPage web) {
    this.settings = settings;
    this.script = script;
    this.busyHandoffs = busyHandoffs;
    this.server = server;
    this.media = media;
    this.deliverer = deliverer;
    this.store = store;
    this.web = web;
  }

  /** What the agent page serves from: handoffs stored and new, the metrics, and the health of model and store. */
  private record AgentPage(
      HandoffQueries queries, LiveHandoffs live, ServiceMetrics metrics, AgentWebServer.Health health) {
    AgentWebServer start(Settings.Web settings, String token) throws IOException {
      return AgentWebServer.start(
          new InetSocketAddress(settings.bindAddress(), settings.port()), token, queries, live, metrics, health);
    }
  }

  /**
   * Checks the store, reads the directory, prepares the spool and renders the fixed prompts.
   *
   * @param onReady run once the server listens, so Asterisk can connect
   */
  public static SupportLine prepare(
      Settings settings, PhraseBook phrases, SpeechToText speechToText, TextToSpeech textToSpeech, Runnable onReady)
      throws StartupFailure {
    return prepare(settings, phrases, speechToText, textToSpeech, TurnTiming.NONE, onReady);
  }

  /**
   * As {@link #prepare(Settings, PhraseBook, SpeechToText, TextToSpeech, Runnable)}, with the calls' channels reporting
   * the phases of each turn to {@code turns} (pass the same to the speech engines, which time their own phases).
   */
  public static SupportLine prepare(
      Settings settings, PhraseBook phrases, SpeechToText speechToText, TextToSpeech textToSpeech, TurnTiming turns,
      Runnable onReady) throws StartupFailure {
    Storage storage = Storage.open(settings);
    FallbackHandoffStore store = storage.handoffs();
    // A saved handoff is sent at once rather than at the deliverer's next poll, and shown on open agent pages.
    LiveHandoffs live = new LiveHandoffs();
    HandoffStore forCalls = handoff -> {
      store.save(handoff);
      storage.wakeDeliverer();
      live.publish(HandoffJson.write(handoff));
    };
    ServiceMetrics metrics = new ServiceMetrics();
    Path spoolDir = settings.spoolDir();
    BusyHandoffs busyHandoffs = new BusyHandoffs(forCalls);
    Optional<MediaServer> media = mediaServer(settings.media());
    SupportLineAgiScript script =
        new SupportLineAgiScript(
            metrics.measuring(speechToText), textToSpeech,
            storage.directory(), forCalls, Clock.SYSTEM,
            settings.dialog(), phrases, new CallSpool(spoolDir, settings.keepRecordings()), new PromptFiles(spoolDir),
            new Whispers(spoolDir, textToSpeech), busyHandoffs, settings.agi().maxCalls(), turns, media);
    script.observe(metrics);
    store.countNoSpace(() -> metrics.error("spool-full"));
    warmUp(settings, script);
    SupportLineAgiServer server = server(settings.agi(), script, onReady);
    Map<String, HealthProbes.Probe> probes = new LinkedHashMap<>();
    probes.put("model", () -> speechToText.transcribe(Audio.silence(Audio.TELEPHONY_RATE_HZ, 100)));
    probes.put("store", store::checkDatabase);
    AgentPage web = new AgentPage(
        new HandoffQueries(store, java.time.Clock.systemDefaultZone()), live, metrics,
        new HealthProbes(probes, HEALTH_CACHE));
    return new SupportLine(settings, script, busyHandoffs, server, media, storage.deliverer(), store, web);
  }

  /** The AudioSocket listener, when the calls' audio streams ({@code media.mode = audiosocket}); not listening yet. */
  private static Optional<MediaServer> mediaServer(Settings.Media media) {
    if (media.mode() != Settings.MediaMode.AUDIOSOCKET) return Optional.empty();
    if (!media.bindAddress().isLoopbackAddress() && media.allowedClients().isEmpty()) {
      log.warn(
          "media.bind-address {} is reachable from other hosts and media.allowed-clients is empty: anyone who can"
              + " reach port {} can connect; list your Asterisk servers in media.allowed-clients",
          media.bindAddress().getHostAddress(), media.port());
    }
    return Optional.of(new MediaServer(
        media.bindAddress(), media.port(), media.connectAddress(), media.allowedClients(), media.bargeIn()));
  }

  /**
   * Prepares the spool and renders the fixed prompts; meanwhile made-up calls are scored, so that the first caller's
   * turns are scored by compiled code.
   */
  private static void warmUp(Settings settings, SupportLineAgiScript script) throws StartupFailure {
    Thread scoring = new Thread(() -> {
      long started = System.nanoTime();
      int turns = ScoringWarmUp.run(settings.dialog().frustration(), WordsModel.bundled(), ScoringWarmUp.ROUNDS);
      log.info("frustration scoring warmed up on {} turns in {} ms", turns, (System.nanoTime() - started) / 1_000_000);
    }, "scoring-warm-up");
    scoring.setDaemon(true);
    scoring.start();
    try {
      script.prepare();
      long started = System.nanoTime();
      int rendered = script.renderFixedPrompts();
      log.info("rendered {} fixed prompts in {} ms", rendered, (System.nanoTime() - started) / 1_000_000);
      scoring.join();
    } catch (IOException e) {
      throw new StartupFailure("spool.dir " + settings.spoolDir() + " is not usable: " + e, e);
    } catch (SpeechFailure e) {
      throw new StartupFailure("FreeTTS cannot synthesize the phrasebook: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupFailure("interrupted while starting", e);
    }
  }

  private static SupportLineAgiServer server(Settings.Agi agi, SupportLineAgiScript script, Runnable onReady) {
    if (!agi.bindAddress().isLoopbackAddress() && agi.allowedClients().isEmpty()) {
      log.warn(
          "agi.bind-address {} is reachable from other hosts and agi.allowed-clients is empty: anyone who can reach"
              + " port {} can run calls; list your Asterisk servers in agi.allowed-clients",
          agi.bindAddress().getHostAddress(), agi.port());
    }
    return new SupportLineAgiServer(
        agi.script(), script, agi.bindAddress(), agi.port(), agi.maxCalls(), agi.allowedClients(),
        AgiLimits.withRequestTimeout(agi.requestTimeout()), onReady);
  }

  /** Where Asterisk reaches the support line: {@code agi://HOST:PORT/SCRIPT}. */
  public String url() {
    Settings.Agi agi = settings.agi();
    return "agi://" + agi.bindAddress().getHostAddress() + ":" + agi.port() + "/" + agi.script();
  }

  /** Conversations in progress now (callers turned away as busy are not counted). */
  public int callsInProgress() {
    return script.callsInProgress();
  }

  /**
   * Delivers pending webhooks and serves calls until {@link #stop()}; returns once the calls in progress have ended
   * (or agi.stop-wait-seconds have passed), so the speech engines can be closed behind them.
   */
  public void serve() throws StartupFailure {
    Settings.Agi agi = settings.agi();
    deliverer.ifPresent(d -> {
      d.start();
      log.info("delivering handoffs to {}", settings.handoffs().webhookUrls());
    });
    Settings.Web webSettings = settings.web();
    if (webSettings.token().isPresent()) {
      try {
        agentPage = Optional.of(web.start(webSettings, webSettings.token().get()));
        log.info("agent page on http://{}:{}/", webSettings.bindAddress().getHostAddress(), agentPage.get().port());
      } catch (IOException e) {
        throw new StartupFailure("cannot listen on " + webSettings.bindAddress().getHostAddress() + ":"
            + webSettings.port() + " (web.bind-address, web.port): " + e.getMessage(), e);
      }
    } else {
      log.info("agent page, API, metrics and health are off: web.token is not set");
    }
    if (media.isPresent()) {
      Settings.Media m = settings.media();
      try {
        media.get().start();
        log.info("call audio streams over AudioSocket: listening on {}:{}, Asterisk connects to {}:{}",
            m.bindAddress().getHostAddress(), media.get().port(), m.connectAddress(), media.get().port());
      } catch (IOException e) {
        throw new StartupFailure("cannot listen on " + m.bindAddress().getHostAddress() + ":" + m.port()
            + " (media.bind-address, media.port): " + e.getMessage(), e);
      }
    } else {
      log.info("call audio goes through prompt files and RECORD FILE (media.mode = record)");
    }
    try {
      server.startup();
    } catch (IOException e) {
      throw new StartupFailure(
          "cannot listen on " + agi.bindAddress().getHostAddress() + ":" + agi.port()
              + " (agi.bind-address, agi.port): " + e.getMessage(), e);
    }
    awaitCalls();
  }

  /**
   * Stops gracefully: refuses new calls at once, lets the calls in progress finish their handoffs for up to
   * agi.stop-wait-seconds, then stops delivering webhooks (what is left waits in the outbox). Safe to call from a
   * shutdown hook and more than once.
   *
   * @return whether every call in progress ended within the wait
   */
  public boolean stop() {
    int inProgress = server.connections();
    server.stop();
    if (inProgress > 0) {
      log.info("stopping: refusing new calls, waiting up to {} s for {} in progress",
          settings.agi().stopWait().toSeconds(), inProgress);
    }
    boolean ended = awaitCalls();
    media.ifPresent(MediaServer::close);
    try {
      if (!busyHandoffs.finish(BUSY_RECORDS_WAIT)) log.error("busy handoffs not all stored within {}", BUSY_RECORDS_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deliverer.ifPresent(WebhookDeliverer::close);
    agentPage.ifPresent(AgentWebServer::close);
    store.close();
    log.info("stopped");
    return ended;
  }

  /** The agent page's port, when it is on. */
  public Optional<Integer> agentPagePort() {
    return agentPage.map(AgentWebServer::port);
  }

  private boolean awaitCalls() {
    try {
      boolean ended = server.awaitCalls(settings.agi().stopWait());
      if (!ended) {
        log.warn("{} calls still in progress after agi.stop-wait-seconds {}; stopping anyway",
            server.connections(), settings.agi().stopWait().toSeconds());
      }
      return ended;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
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

  /** Startup cannot go on; the message names the setting to fix. */
  public static final class StartupFailure extends Exception {
    public StartupFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
