package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.empathyivr.adapter.storage.HandoffArchive;
import org.empathyivr.adapter.storage.HandoffArchives;
import org.empathyivr.simulate.CallerTurn;
import org.empathyivr.simulate.Event;
import org.empathyivr.simulate.HagiFailover;
import org.empathyivr.simulate.HagiFailover.SrvRecord;
import org.empathyivr.simulate.SessionResult;
import org.empathyivr.simulate.SimulatedAsterisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service nodes (the packaged jar, twice) behind one simulated Asterisk that dials {@code hagi://} as Asterisk
 * does: the SRV targets in priority order, the first that accepts the connection. Both nodes store in one PostgreSQL
 * database. The first node takes the calls until it is killed in the middle of one; the next calls go to the second,
 * and every call that completed, on either node, has its handoff in the shared store.
 */
class ScaleOutIT {
  private static final String PG_URL = System.getenv("EMPATHYIVR_TEST_PG_URL");

  @TempDir Path root;

  @Test
  void theSecondNodeTakesTheNextCallsWhenTheFirstDiesMidCallAndEveryHandoffIsInTheSharedStore() throws Exception {
    String jar = System.getProperty("empathyivr.jar");
    assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "no packaged jar (mvn verify builds it): " + jar);
    assumeTrue(PG_URL != null, "PostgreSQL: EMPATHYIVR_TEST_PG_URL is not set");
    String store = freshSchema();
    try (Node first = Node.start(jar, root.resolve("node-a"), store);
        Node second = Node.start(jar, root.resolve("node-b"), store)) {
      SrvRecord a = new SrvRecord(10, 0, first.port, "127.0.0.1");
      SrvRecord b = new SrvRecord(20, 0, second.port, "127.0.0.1");
      HagiFailover hagi = new HagiFailover(List.of(b, a), new Random(1));
      List<String> completed = new ArrayList<>();

      for (int i = 0; i < 2; i++) {
        HagiFailover.Placed call = hagi.call(target -> asterisk(target).build(), caller());
        assertEquals(a, call.target(), "the first node, by priority, while it is up");
        completed.add(handoffId(call.result()));
      }

      CountDownLatch greeted = new CountDownLatch(1);
      CompletableFuture<Optional<SessionResult>> cut = CompletableFuture.supplyAsync(() -> {
        try {
          return Optional.of(hagi.call(target -> asterisk(target).realtime(true).onEvent(e -> {
            if (e instanceof Event.PromptPlayed) greeted.countDown();
          }).build(), caller()).result());
        } catch (IOException e) {
          return Optional.empty(); // the connection broke: Asterisk's AGI ends, the dialplan sends the caller on
        }
      });
      assertTrue(greeted.await(60, TimeUnit.SECONDS), "the call reached the first node");
      first.kill();
      Optional<SessionResult> cutOff = cut.get(60, TimeUnit.SECONDS);
      cutOff.ifPresent(r -> assertNotEquals(Optional.of("SUCCESS"), r.ajAgiStatus(),
          "a call cut off by the node's death is not a completed call; the dialplan sends it to the queue"));

      for (int i = 0; i < 2; i++) {
        HagiFailover.Placed call = hagi.call(target -> asterisk(target).build(), caller());
        assertEquals(b, call.target(), "the second node takes the calls");
        assertEquals(List.of(a), call.unreachable(), "after trying the first");
        completed.add(handoffId(call.result()));
      }

      HandoffArchive shared = HandoffArchives.forUrl(store, List.of());
      try {
        List<String> stored = shared.newest(100);
        for (String id : completed) {
          assertTrue(stored.stream().anyMatch(h -> h.contains("\"id\":\"" + id + "\"")), id + " in " + stored);
        }
      } finally {
        shared.close();
      }
    }
  }

  private static SimulatedAsterisk.Builder asterisk(SrvRecord target) {
    return SimulatedAsterisk.connectingTo(target.target(), target.port()).callerId("5551234", "Maria Lopez");
  }

  private static List<CallerTurn> caller() {
    return List.of(CallerTurn.parse(RunningSupportLine.fixture("internet-dropping.wav")),
        CallerTurn.parse(RunningSupportLine.fixture("yes.wav")));
  }

  private static String handoffId(SessionResult call) {
    assertEquals(Optional.of("SUCCESS"), call.ajAgiStatus(), call.wire().toString());
    assertEquals("confirmed", call.variable("HANDOFF_REASON").orElse("unset"));
    return call.variable("HANDOFF_ID").orElseThrow();
  }

  private static String freshSchema() throws Exception {
    String schema = "scale_out_" + ProcessHandle.current().pid();
    try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    }
    return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** One service node: the packaged jar with its own port and spool, the shared store. */
  private static final class Node implements AutoCloseable {
    final int port;
    private final Process process;

    private Node(int port, Process process) {
      this.port = port;
      this.process = process;
    }

    static Node start(String jar, Path dir, String storeUrl) throws Exception {
      Files.createDirectories(dir);
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Path config = dir.resolve("empathy-ivr.properties");
      Files.writeString(config, String.join("\n",
          "agi.port = " + port,
          "media.mode = record",
          "spool.dir = " + dir.resolve("spool"),
          "handoff.store-url = " + storeUrl.replace("\\", "\\\\"),
          ""));
      Process process = new ProcessBuilder(DeployedEnvironment.serviceCommand(jar, config))
          .redirectErrorStream(true).start();
      BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      String line;
      while ((line = log.readLine()) != null && !line.contains("ready: serving")) seen.append(line).append('\n');
      if (line == null) {
        process.destroyForcibly();
        throw new IllegalStateException("node did not start:\n" + seen);
      }
      CompletableFuture.runAsync(() -> log.lines().forEach(l -> {}));
      return new Node(port, process);
    }

    /** SIGKILL: no shutdown hook, no goodbye; calls in progress are cut off. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
  }
}
