package org.empathyivr.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.empathyivr.adapter.freetts.FreeTtsTextToSpeech;
import org.empathyivr.adapter.storage.HandoffArchive;
import org.empathyivr.adapter.storage.HandoffArchives;
import org.empathyivr.adapter.vosk.BundledVoskModel;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.config.SettingsReader;
import org.empathyivr.domain.port.HandoffStore.StoreFailure;
import org.empathyivr.simulate.CallerTurn;
import org.empathyivr.simulate.SessionResult;
import org.empathyivr.simulate.SimulatedAsterisk;

/**
 * The whole service as Main builds it, with the real Vosk model and FreeTTS voice, serving FastAGI on a free loopback
 * port with its own spool, handoff file and caller directory in a temporary folder. Calls are placed by the
 * simulated Asterisk.
 */
final class RunningSupportLine implements AutoCloseable {
  /** The agent page's bearer token (web.token). */
  static final String AGENT_TOKEN = "test-agent-token-4f9c2a71";

  final Path root;
  final Path spool;
  final String storeUrl;
  final int port;
  private HttpServer agentTools;
  private final int webhookPort;
  private final Map<String, String> posted = new ConcurrentHashMap<>();
  private final VoskSpeechToText speechToText;
  private final FreeTtsTextToSpeech textToSpeech;
  private final SupportLine line;
  private final Thread serving;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private int calls;

  private RunningSupportLine(Path root, String directoryCsv, String storeUrl, Map<String, String> more)
      throws Exception {
    String model = BundledVoskModel.directory().toString();
    this.root = root;
    this.spool = root.resolve("spool");
    this.storeUrl = storeUrl;
    agentTools = webhookReceiver(0);
    webhookPort = agentTools.getAddress().getPort();
    Path directory = root.resolve("directory.csv");
    Files.writeString(directory, directoryCsv);
    this.port = freePort();
    Map<String, String> values = new java.util.HashMap<>(
            Map.of(
                "agi.port", Integer.toString(port),
                "speech.model-dir", model,
                "spool.dir", spool.toString(),
                "handoff.store-url", storeUrl,
                "handoff.webhook-urls",
                "http://127.0.0.1:" + webhookPort + "/handoffs",
                "directory.csv-file", directory.toString(),
                "web.port", Integer.toString(freePort()),
                "web.token", AGENT_TOKEN));
    values.put("media.mode", "record");
    values.put("media.port", "0");
    values.putAll(more);
    var settings = SettingsReader.read(values);
    speechToText = VoskSpeechToText.open(settings.speech().modelDir(), settings.speech().maxLiveRecognizers());
    textToSpeech = FreeTtsTextToSpeech.load(settings.speech().voices());
    CountDownLatch ready = new CountDownLatch(1);
    line = SupportLine.prepare(settings, SupportLine.phraseBook(Optional.empty()), speechToText, textToSpeech,
        ready::countDown);
    serving = new Thread(() -> {
      try {
        line.serve();
      } catch (Throwable e) {
        failure.set(e);
        ready.countDown();
      }
    }, "support-line");
    serving.setDaemon(true);
    serving.start();
    if (!ready.await(30, TimeUnit.SECONDS) || failure.get() != null) {
      throw new IllegalStateException("the support line did not start", failure.get());
    }
  }

  /** Starts the line with a caller directory of {@code number,name} lines. */
  static RunningSupportLine start(Path root, String directoryCsv) throws Exception {
    return new RunningSupportLine(root, directoryCsv, "jdbc:sqlite:" + root.resolve("handoffs.db"), Map.of());
  }

  /** Starts the line storing handoffs at {@code storeUrl}, with more settings over the usual ones. */
  static RunningSupportLine start(Path root, String directoryCsv, String storeUrl, Map<String, String> more)
      throws Exception {
    return new RunningSupportLine(root, directoryCsv, storeUrl, more);
  }

  /** The agents' webhook receiver goes down: deliveries fail with "connection refused". */
  synchronized void stopWebhookReceiver() {
    agentTools.stop(0);
  }

  /** The receiver comes back on the same port. */
  synchronized void startWebhookReceiver() throws IOException {
    agentTools = webhookReceiver(webhookPort);
  }

  /** How many handoffs the receiver got. */
  int postedCount() {
    return posted.size();
  }

  private HttpServer webhookReceiver(int port) throws IOException {
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    receiver.createContext("/handoffs", exchange -> {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        posted.put(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body);
        exchange.sendResponseHeaders(204, -1);
      }
    });
    receiver.start();
    return receiver;
  }

  /** Places a call with caller turns as the simulate command takes them ("internet-dropping.wav" is a fixture). */
  SessionResult call(String number, String name, String... turns) throws IOException {
    return call(asterisk -> {}, number, name, turns);
  }

  /** The same, with the simulated Asterisk set up further by {@code setUp} (an echo, a caller who talks over it). */
  SessionResult call(java.util.function.Consumer<SimulatedAsterisk.Builder> setUp, String number, String name,
      String... turns) throws IOException {
    String uniqueId = "1795458575." + (313361 + ++calls);
    SimulatedAsterisk.Builder asterisk = SimulatedAsterisk.connectingTo("127.0.0.1", port)
        .uniqueId(uniqueId)
        .callerId(number, name);
    setUp.accept(asterisk);
    return asterisk.build().call(Arrays.stream(turns).map(RunningSupportLine::turn).toList());
  }

  private static CallerTurn turn(String spec) {
    String file = spec.replaceFirst("^(hangup-after:|barge:\\d+:)", "");
    String fixture = fixture(file);
    return CallerTurn.parse(file.endsWith(".wav") ? spec.substring(0, spec.length() - file.length()) + fixture : spec);
  }

  static String fixture(String name) {
    if (!name.endsWith(".wav")) return name;
    try {
      // A caller of callers/ (escalating/... too), else a file of the test resources (calls/...).
      java.net.URL found = RunningSupportLine.class.getResource("/callers/" + name);
      if (found == null) found = RunningSupportLine.class.getResource("/" + name);
      return Path.of(found.toURI()).toString();
    } catch (Exception e) {
      throw new IllegalArgumentException("no caller fixture " + name, e);
    }
  }

  /** The line's own recognizer (the real Vosk model), to hear what the line wrote for agents. */
  org.empathyivr.domain.port.SpeechToText speechToText() {
    return speechToText;
  }

  /** Where the agent page is served. */
  String agentPageUrl() {
    return "http://127.0.0.1:" + line.agentPagePort().orElseThrow() + "/";
  }

  /** The handoff records stored so far, as JSON, newest first. */
  List<String> storedHandoffs() throws StoreFailure {
    HandoffArchive store = HandoffArchives.forUrl(storeUrl, List.of());
    try {
      return store.newest(10_000);
    } finally {
      store.close();
    }
  }

  /** The newest stored handoff record, parsed (members as {@link org.empathyivr.json.Json#read} reads them). */
  Map<?, ?> newestHandoff() throws StoreFailure {
    return (Map<?, ?>) org.empathyivr.json.Json.read(storedHandoffs().get(0));
  }

  /** The JSON body the agents' webhook received for a handoff id, waiting up to {@code wait} for it. */
  Optional<String> postedToWebhook(String handoffId, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!posted.containsKey(handoffId) && System.nanoTime() < deadline) Thread.sleep(50);
    return Optional.ofNullable(posted.get(handoffId));
  }

  @Override
  public void close() throws InterruptedException {
    line.stop();
    serving.join(10_000);
    textToSpeech.close();
    speechToText.close();
    synchronized (this) {
      agentTools.stop(0);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
