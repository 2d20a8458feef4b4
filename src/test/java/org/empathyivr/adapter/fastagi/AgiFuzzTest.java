package org.empathyivr.adapter.fastagi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;
import org.asteriskjava.fastagi.internal.FastAgiConnectionHandler;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.simulate.CallerTurn;
import org.empathyivr.simulate.SessionResult;
import org.empathyivr.simulate.SimulatedAsterisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
* 10⁵ generated inputs in all (mutated captures, spliced captures, random and structured garbage) against the FastAGI
 * connection handling: {@value #DIRECT_INPUTS} through asterisk-java's own connection handler over our bounded
 * connection in memory, and {@value #SOCKET_INPUTS} more over loopback to the running server with the real support
 * line script. Afterwards the server serves a well-formed call to its handoff, and its threads and open files are
 * back where they started.
 */
class AgiFuzzTest {
  private static final int DIRECT_INPUTS = 98_000;
  private static final int SOCKET_INPUTS = 2_000;
  private static final int DIRECT_WORKERS = 2;
  private static final int CLIENTS = 4;
  /** Short, so inputs that stop without closing cost the run little; the bounds are the product's. */
  private static final AgiLimits LIMITS =
      new AgiLimits(Duration.ofMillis(300), Duration.ofMillis(300), AgiLimits.MAX_LINE_BYTES,
          AgiLimits.MAX_REQUEST_LINES, AgiLimits.MAX_LINES_PER_REPLY);

  @TempDir Path spool;

  @Test
  void generatedInputCostsOneConnectionNeverTheServer() throws Exception {
    Level level = quietLogs(Level.OFF);
    try {
      fuzzTheConnectionHandler();
      fuzzTheRunningServer();
    } finally {
      quietLogs(level);
    }
  }

  private void fuzzTheConnectionHandler() throws Exception {
    AtomicInteger served = new AtomicInteger();
    ThreadLocal<int[]> servedOnThisThread = ThreadLocal.withInitial(() -> new int[1]);
    AgiScript exercise = (request, channel) -> {
      served.incrementAndGet();
      servedOnThisThread.get()[0]++;
      try {
        channel.answer();
        channel.streamFile("hello-world", "#");
        channel.setVariable("SEEN", String.valueOf(request.getUniqueId()));
        channel.getVariable("CALLERID(num)");
      } catch (AgiException hungUpOrGarbled) {
        // the input ran out or made no sense as a reply: the call ends, as a hangup does
      }
    };
    var mapping = SupportLineAgiServer.mapping("support", exercise);
    AtomicInteger refused = new AtomicInteger();
    java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
    long started = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(DIRECT_WORKERS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < DIRECT_WORKERS; w++) {
        long seed = 20261130L + w;
        running.add(workers.submit(() -> {
          AgiInputs inputs = AgiInputs.fromCaptures(seed);
          for (int i = 0; i < DIRECT_INPUTS / DIRECT_WORKERS; i++) {
            byte[] input = i < inputs.seeds().size() ? inputs.seeds().get(i) : inputs.next();
            BytesEndpoint endpoint = new BytesEndpoint(input);
            BoundedConnection connection = new BoundedConnection(endpoint, LIMITS);
            int servedBefore = servedOnThisThread.get()[0];
            try {
              new FastAgiConnectionHandler(mapping, connection, new DefaultAgiChannelFactory()).run();
            } catch (Throwable t) {
              throw new AssertionError("input escaped the connection handler: " + t + "\n" + show(input), t);
            }
            assertTrue(endpoint.closed, () -> "input left the connection open:\n" + show(input));
            if (connection.refused()) {
              refused.incrementAndGet();
              assertEquals(servedBefore, servedOnThisThread.get()[0],
                  () -> "a refused request reached the script:\n" + show(input));
              assertEquals(0, endpoint.sent.size(), () -> "a refused request got an answer:\n" + show(input));
            }
          }
          cpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
          return null;
        }));
      }
      for (Future<?> worker : running) worker.get();
    } finally {
      workers.shutdownNow();
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("fuzz: %d inputs through the connection handler in %d ms on %d threads (%d ms of CPU):"
        + " %d refused by the bounds, %d reached the script%n", DIRECT_INPUTS, ms, DIRECT_WORKERS,
        cpuNanos.get() / 1_000_000, refused.get(), served.get());
    assertTrue(refused.get() > DIRECT_INPUTS / 10, "the generator makes bad requests too: " + refused);
    assertTrue(served.get() > DIRECT_INPUTS / 10, "the generator keeps many requests intact: " + served.get());
  }

  private void fuzzTheRunningServer() throws Exception {
    ScriptedSpeech speech = new ScriptedSpeech("my internet keeps dropping every evening", "yes");
    SavedHandoffs store = new SavedHandoffs();
    SupportLineAgiScript script = Scripts.supportLine(spool.resolve("spool"), speech, store, 8);
    Path callerSpeaks = spool.resolve("caller.wav");
    WavFile.write(callerSpeaks, Audio.silence(Audio.TELEPHONY_RATE_HZ, 1500), Optional.empty());
    try (ServedLine line = ServedLine.start(script, 8, LIMITS)) {
      int threadsBefore = threads();
      int filesBefore = openFiles();
      AgiInputs inputs = AgiInputs.fromCaptures(7L);
      List<byte[]> batch = new ArrayList<>();
      for (int i = 0; i < SOCKET_INPUTS; i++) batch.add(inputs.next());
      AtomicInteger next = new AtomicInteger();
      long started = System.nanoTime();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          running.add(clients.submit(() -> {
            for (int i; (i = next.getAndIncrement()) < batch.size(); ) send(line.port, batch.get(i), i % 10 != 0);
            return null;
          }));
        }
        for (Future<?> client : running) client.get();
      } finally {
        clients.shutdownNow();
      }
      long ms = (System.nanoTime() - started) / 1_000_000;
      System.out.printf("fuzz: %d inputs over loopback to the running server in %d ms, %d clients at once;"
          + " %d handoffs%n", SOCKET_INPUTS, ms, CLIENTS, store.saved.size());

      SessionResult call = SimulatedAsterisk.connectingTo("127.0.0.1", line.port)
          .uniqueId("1795458575.999001")
          .callerId("5551234", "Maria Lopez")
          .build()
          .call(List.of(new CallerTurn.Says(callerSpeaks), new CallerTurn.Says(callerSpeaks)));
      assertEquals(Optional.of("confirmed"), call.variable("HANDOFF_REASON"), call.variables().toString());
      assertEquals(Optional.of("SUCCESS"), call.ajAgiStatus());

      assertTrue(settles(() -> threads() <= threadsBefore && openFiles() <= filesBefore),
          "threads " + threadsBefore + " -> " + threads() + ", open files " + filesBefore + " -> " + openFiles());
    }
  }

  /** Sends the bytes, then closes its side (or leaves it open), and reads until the server closes. */
  private static void send(int port, byte[] input, boolean closeAfterSending) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      try {
        socket.getOutputStream().write(input);
        if (closeAfterSending) socket.shutdownOutput();
      } catch (IOException closedByTheServer) {
        // a bad request is closed while still being sent
      }
      try {
        byte[] buffer = new byte[4096];
        while (socket.getInputStream().read(buffer) >= 0) {
          // the service's commands; the input holds whatever replies it holds
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the server kept a connection open 20 s:\n" + show(input), e);
      } catch (IOException reset) {
        // closed with input unread: a reset is a close too
      }
    }
  }

  private interface Condition {
    boolean holds();
  }

  /** Idle call threads end after 5 s; waits up to 15 s for the condition. */
  private static boolean settles(Condition condition) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(100);
    }
    return true;
  }

  private static int threads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  private static int openFiles() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }

  private static String show(byte[] input) {
    String text = new String(input, 0, Math.min(input.length, 2000), StandardCharsets.ISO_8859_1);
    return input.length + " bytes, base64 " + Base64.getEncoder().encodeToString(input).substring(0,
        Math.min(200, Base64.getEncoder().encodeToString(input).length())) + "…\n" + text;
  }

  /** Sets the level of every logger; returns the root's level before. */
  private static Level quietLogs(Level level) {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    root.setLevel(level);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.asteriskjava"))
        .setLevel(level == Level.OFF ? Level.OFF : Level.ERROR);
    return before;
  }
}
