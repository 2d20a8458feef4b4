package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.empathyivr.adapter.storage.HandoffArchive;
import org.empathyivr.adapter.storage.HandoffArchives;
import org.empathyivr.simulate.CallerTurn;
import org.empathyivr.simulate.Event;
import org.empathyivr.simulate.SessionResult;
import org.empathyivr.simulate.SimulatedAsterisk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar serving with its spool on a small file system of its own (a tmpfs mounted in a private mount
 * namespace, {@code unshare -m}), which the test fills while calls run: a real ENOSPC, for the service and for the
 * simulated Asterisk, which writes its recordings there as a real one sharing the spool would (it sees the service's
 * files through {@code /proc/PID/root}). The handoff store stays on the normal disk (SQLite, or the test PostgreSQL
 * behind a relay the test can cut). Needs root, as CI has: without {@code unshare} and {@code mount} it fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullSpoolDiskIT {
  private static final String PG_URL = System.getenv("EMPATHYIVR_TEST_PG_URL");
  /** Room for the rendered fixed prompts (3.7 MiB) and a few calls; the test fills the rest. */
  private static final String SPOOL_SIZE = "8m";

  @TempDir static Path root;
  private static Path spool;
  private static Process service;
  private static Path log;
  private static int agiPort;
  private static int webPort;
  private static String storeUrl;
  private static PluggableProxy database;
  private static int calls;

  @BeforeAll
  static void serveWithTheSpoolOnATmpfs() throws Exception {
    String jar = System.getProperty("empathyivr.jar");
    assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "no packaged jar (mvn verify builds it): " + jar);
    spool = root.resolve("spool");
    Files.createDirectories(spool);
    requireMountNamespaces();
    storeUrl = "jdbc:sqlite:" + root.resolve("handoffs.db");
    if (PG_URL != null) {
      database = PluggableProxy.toFreshSchema(PG_URL, "fullspool_");
      storeUrl = database.storeUrl();
    }
    agiPort = freePort();
    webPort = freePort();
    Path directory = root.resolve("directory.csv");
    Files.writeString(directory, "5551001,Maria Lopez\n");
    Path config = root.resolve("empathy-ivr.properties");
    Files.writeString(config, String.join("\n",
        "agi.port = " + agiPort, "media.mode = record", "spool.dir = " + spool, "handoff.store-url = " + storeUrl,
        "directory.csv-file = " + directory, "web.port = " + webPort, "web.token = full-spool-test-token", ""));
    log = root.resolve("service.log");
    service = new ProcessBuilder(List.of("unshare", "-m", "sh", "-c",
            "mount -t tmpfs -o size=" + SPOOL_SIZE + " tmpfs \"$1\" && exec java -jar \"$2\" serve --config \"$3\"",
            "sh", spool.toString(), jar, config.toString()))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    assertTrue(logSays("ready: serving", Duration.ofSeconds(90)), "not ready: " + Files.readString(log));
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.destroy();
      if (!service.waitFor(20, TimeUnit.SECONDS)) service.destroyForcibly();
    }
    if (database != null) database.close();
  }

  @Test
  @Order(1)
  void aCallerWhoseRecordingFindsTheDiskFullReachesAHumanWithReasonError() throws Exception {
    AtomicBoolean filled = new AtomicBoolean();
    // The disk fills while the greeting plays: Asterisk's recording of the caller's answer finds no room.
    SessionResult call = call("5559001", "unknown", event -> {
      if (event instanceof Event.PromptPlayed && filled.compareAndSet(false, true)) fill();
    }, "internet-dropping.wav", "yes.wav");

    assertTrue(call.wire().stream().anyMatch(l -> l.matches("<< 200 result=-?\\d+ \\(timeout\\) endpos=-\\d+")),
        "Asterisk answers as usual, with the position of a file that holds not even its header: " + call.wire());
    assertEquals("error", call.variable("HANDOFF_REASON").orElse("unset"), call.wire().toString());
    assertEquals("1", call.variable("HANDOFF").orElse("unset"));
    assertFalse(call.variable("HANDOFF_WHISPER").isPresent(), "no room for the whisper either");
    String stored = stored("H-" + Calls.uniqueId(call));
    assertTrue(stored.contains("\"reason\":\"error\""), stored);
    assertTrue(Calls.promptsHeard(call).get(Calls.promptsHeard(call).size() - 1).contains("trouble on my side"),
        "the caller hears the apology, rendered at startup: " + Calls.promptsHeard(call));
  }

  @Test
  @Order(2)
  void whatTheCallerSaidBeforeTheDiskFilledIsInTheHandoff() throws Exception {
    empty();
    AtomicInteger recordings = new AtomicInteger();
    // Maria's greeting and the reflection of her issue are written; her "yes" finds the disk full.
    SessionResult call = call("5551001", "Maria Lopez", event -> {
      if (event instanceof Event.Recorded && recordings.incrementAndGet() == 2) fill();
    }, "internet-dropping.wav", "yes.wav");

    assertEquals("error", call.variable("HANDOFF_REASON").orElse("unset"), call.wire().toString());
    String stored = stored("H-" + Calls.uniqueId(call));
    assertTrue(stored.contains("\"reason\":\"error\""), stored);
    assertTrue(stored.contains("internet"), "the issue heard before the disk filled: " + stored);
    assertTrue(logSays("has room again: recordings written", Duration.ZERO), "the return of room is logged");
  }

  @Test
  @Order(3)
  void aDiskThatFillsAfterTheLastPromptCostsOnlyTheWhisper() throws Exception {
    empty();
    AtomicBoolean filled = new AtomicBoolean();
    SessionResult call = call("5551001", "Maria Lopez", event -> {
      if (event instanceof Event.PromptPlayed p && p.text().orElse("").contains("knows your story")
          && filled.compareAndSet(false, true)) {
        fill();
      }
    }, "internet-dropping.wav", "yes.wav");

    assertTrue(filled.get(), "the handoff prompt played: " + Calls.promptsHeard(call));
    assertEquals("confirmed", call.variable("HANDOFF_REASON").orElse("unset"), "the conversation went on to its end");
    assertFalse(call.variable("HANDOFF_WHISPER").isPresent(), "no room for the whisper");
    assertTrue(call.variable("HANDOFF_SUMMARY").orElse("").contains("internet"), "agents read the summary instead");
    String record = stored("H-" + Calls.uniqueId(call));
    assertTrue(record.contains("\"reason\":\"confirmed\""), record);
    System.out.printf("full spool: a confirmed call's handoff record is %d bytes (what one kept in memory takes)%n",
        record.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  @Test
  @Order(4)
  void theFullDiskIsLoggedOncePerCauseAndCountedInMetrics() throws Exception {
    // The disk stays full (each call's end frees its files; something else takes the room again at once): each
    // personal greeting fails, and so does each whisper.
    for (int i = 0; i < 3; i++) {
      fill();
      SessionResult call = call("5551001", "Maria Lopez", event -> {}, "internet-dropping.wav");
      assertEquals("error", call.variable("HANDOFF_REASON").orElse("unset"), call.wire().toString());
    }
    List<String> lines = Files.readAllLines(log);
    for (String cause : List.of("prompt audio", "whisper audio")) {
      long logged = lines.stream().filter(l -> l.contains("is full: no space left for " + cause + ";")).count();
      assertEquals(1, logged, cause + " logged once however many calls hit it:\n" + String.join("\n", lines));
    }
    String metrics = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
    String spoolFull = metrics.lines().filter(l -> l.startsWith("empathyivr_errors_total{kind=\"spool-full\"}"))
        .findFirst().orElse("no spool-full series:\n" + metrics);
    assertTrue(Double.parseDouble(spoolFull.substring(spoolFull.lastIndexOf(' ') + 1)) >= 8, spoolFull);
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("\tat ")), "no stack traces for a full disk:\n"
        + String.join("\n", lines));
  }

  @Test
  @Order(5)
  void withTheDiskFullAndTheStoreDownHandoffsWaitInMemoryUntilEitherReturns() throws Exception {
    Assumptions.assumeTrue(PG_URL != null, "PostgreSQL: EMPATHYIVR_TEST_PG_URL is not set");
    fill();
    database.cut();
    String first = "H-" + Calls.uniqueId(call("5559003", "unknown", event -> {}, "hangup"));
    assertTrue(logSays("handoffs kept in memory", Duration.ofSeconds(5)), Files.readString(log));

    long storeBack = System.nanoTime();
    database.restore(); // the store comes back first: the kept handoff goes there
    assertTrue(inStore(first, Duration.ofSeconds(15)), first + " in PostgreSQL once it answers");
    long toStoreMs = (System.nanoTime() - storeBack) / 1_000_000;

    database.cut();
    String second = "H-" + Calls.uniqueId(call("5559004", "unknown", event -> {}, "hangup"));
    empty(); // the disk has room first: the kept handoff goes to the pending file
    long diskBack = System.nanoTime();
    Path pending = serviceView(spool.resolve("handoffs-pending.jsonl"));
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!(Files.exists(pending) && Files.readString(pending).contains(second)) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(Files.exists(pending) && Files.readString(pending).contains(second), "on disk once it has room");
    long toFileMs = (System.nanoTime() - diskBack) / 1_000_000;
    database.restore();
    assertTrue(inStore(second, Duration.ofSeconds(15)), second + " in PostgreSQL once it answers");
    System.out.printf("full spool and store down: a handoff kept in memory was in the store %d ms after it came"
        + " back, and in the pending file %d ms after the disk had room (retry every 2 s)%n", toStoreMs, toFileMs);
  }

  @Test
  @Order(6)
  void checkConfigAndServeSayWhenTheSpoolHasNoSpace() throws Exception {
    Path fullSpool = root.resolve("full-spool");
    Files.createDirectories(fullSpool);
    Path config = root.resolve("full-spool.properties");
    Files.writeString(config, "agi.port = " + freePort() + "\nmedia.mode = record\nspool.dir = " + fullSpool
        + "\nhandoff.store-url = jdbc:sqlite:" + root.resolve("other.db") + "\n");
    String jar = System.getProperty("empathyivr.jar");
    Process both = new ProcessBuilder(List.of("unshare", "-m", "sh", "-c",
            "mount -t tmpfs -o size=256k tmpfs \"$1\" && dd if=/dev/zero of=\"$1\"/fill bs=4k 2>/dev/null;"
                + " java -jar \"$2\" check-config \"$3\"; echo \"check-config exit $?\";"
                + " java -jar \"$2\" serve --config \"$3\"; echo \"serve exit $?\"",
            "sh", fullSpool.toString(), jar, config.toString()))
        .redirectErrorStream(true)
        .start();
    String output = new String(both.getInputStream().readAllBytes());
    assertTrue(both.waitFor(60, TimeUnit.SECONDS), output);
    assertTrue(output.contains(config + ": spool.dir " + fullSpool + ": no space left on its disk, less than the 1024"
        + " KiB calls need; free some space or point spool.dir elsewhere\n" + config + ": 1 problem\ncheck-config exit 2"),
        output);
    assertTrue(output.contains("empathy-ivr: spool.dir " + fullSpool + " is not usable: java.io.IOException: no space"
        + " left on its disk\nserve exit 3"), output);

    Process readOnly = new ProcessBuilder(List.of("unshare", "-m", "sh", "-c",
            "mount -t tmpfs -o ro,size=4m tmpfs \"$1\" && java -jar \"$2\" check-config \"$3\"; echo \"exit $?\"",
            "sh", fullSpool.toString(), jar, config.toString()))
        .redirectErrorStream(true)
        .start();
    String said = new String(readOnly.getInputStream().readAllBytes());
    assertTrue(readOnly.waitFor(30, TimeUnit.SECONDS), said);
    assertTrue(said.contains(config + ": spool.dir " + fullSpool + " is not writable by this user (or its file system"
        + " is read-only)\n" + config + ": 1 problem\nexit 2"), said);
  }

  /** Fails, saying why, unless this process may mount a tmpfs in a mount namespace of its own. */
  private static void requireMountNamespaces() throws Exception {
    Process probe;
    try {
      probe = new ProcessBuilder(List.of("unshare", "-m", "sh", "-c",
              "mount -t tmpfs -o size=64k tmpfs \"$1\" && ! dd if=/dev/zero of=\"$1\"/fill bs=4k count=64 2>/dev/null",
              "sh", spool.toString()))
          .redirectErrorStream(true)
          .start();
    } catch (IOException e) {
      throw new AssertionError("this test needs unshare(1) (util-linux) and root, as CI runs: " + e, e);
    }
    String output = new String(probe.getInputStream().readAllBytes());
    assertTrue(probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0,
        "this test needs root to mount a tmpfs in a private mount namespace (unshare -m; CI runs as root): " + output);
  }

  /** A path in the spool as the service (in its own mount namespace) sees it. */
  private static Path serviceView(Path path) {
    return Path.of("/proc/" + service.pid() + "/root").resolve(root.getRoot().relativize(path));
  }

  /** Fills the service's spool disk to the last byte. */
  private static void fill() {
    try (OutputStream out = Files.newOutputStream(serviceView(spool.resolve("filler")))) {
      byte[] block = new byte[64 * 1024];
      while (true) out.write(block);
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left on device")) throw new AssertionError(full);
    }
    try (OutputStream out = Files.newOutputStream(serviceView(spool.resolve("filler-tail")))) {
      while (true) out.write(0);
    } catch (IOException full) {
      // the last bytes of a page are taken too
    }
  }

  private static void empty() throws IOException {
    Files.deleteIfExists(serviceView(spool.resolve("filler")));
    Files.deleteIfExists(serviceView(spool.resolve("filler-tail")));
  }

  private static SessionResult call(
      String number, String name, java.util.function.Consumer<Event> onEvent, String... turns) throws IOException {
    return SimulatedAsterisk.connectingTo("127.0.0.1", agiPort)
        .uniqueId("1795458575." + (700_001 + calls++))
        .callerId(number, name)
        .fileSystemRoot(Path.of("/proc/" + service.pid() + "/root"))
        .onEvent(onEvent)
        .build()
        .call(java.util.Arrays.stream(turns).map(t -> CallerTurn.parse(RunningSupportLine.fixture(t))).toList());
  }

  private static String stored(String id) throws Exception {
    HandoffArchive store = HandoffArchives.forUrl(storeUrl, List.of());
    try {
      return store.find(id).orElse(id + " not stored");
    } finally {
      store.close();
    }
  }

  private static boolean inStore(String id, Duration wait) throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (!stored(id).endsWith(" not stored")) return true;
      } catch (Exception stillDown) {
        // the relay may still be reconnecting
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static boolean logSays(String text, Duration wait) throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      if (Files.exists(log) && Files.readString(log).contains(text)) return true;
      if (!service.isAlive() || System.nanoTime() >= deadline) return false;
      Thread.sleep(100);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
