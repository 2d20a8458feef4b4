package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.empathyivr.simulate.CallerTurn;
import org.empathyivr.simulate.SessionResult;
import org.empathyivr.simulate.SimulatedAsterisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the figures the foundation issue asks for, measured on the packaged jar as an admin runs it: the memory of
 * the server with the model loaded, and the dead air the service adds after the caller stops speaking — from the
 * end of the issue recording (Asterisk's RECORD FILE reply) to the command that plays the reflection (its WAV
 * written and ready). It asserts only that the calls went through; the figures are for reading.
 *
 * <p>The calls run in real time, recordings written as Asterisk writes them while the caller speaks: the service
 * decodes as the file grows, so only what is left when Asterisk replies counts as dead air, as on a real line. A
 * call takes about half a minute, hence fewer calls than the memory figures would like.
 */
class TurnLatencyBenchmarkIT {
  private static final int CALLS = Integer.getInteger("benchmark.calls", 4);

  @TempDir Path root;

  @Test
  void printsReflectionLatencyAndServerMemory() throws Exception {
    String jar = System.getProperty("empathyivr.jar");
    assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "no packaged jar (mvn verify builds it): " + jar);
    int port = 4573 + 1000 + (int) (ProcessHandle.current().pid() % 1000);
    Path config = root.resolve("empathy-ivr.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "agi.port = " + port,
            "media.mode = record",
            "spool.dir = " + root.resolve("spool"),
            "handoff.store-url = jdbc:sqlite:" + root.resolve("handoffs.db"),
            ""));
    ProcessBuilder builder =
        new ProcessBuilder(DeployedEnvironment.serviceCommand(jar, config))
            .redirectErrorStream(true);
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    Process server = builder.start();
    try {
      BufferedReader log = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      long started = System.nanoTime();
      String line;
      while ((line = log.readLine()) != null && !line.contains("ready: serving")) {}
      assumeTrue(line != null, "the server did not start");
      long startupMs = (System.nanoTime() - started) / 1_000_000;
      CompletableFuture.runAsync(() -> log.lines().forEach(l -> {}));
      long rssLoadedKib = status(server.pid(), "VmRSS");

      List<Long> reflectionMs = new ArrayList<>();
      List<Long> otherTurnsMs = new ArrayList<>();
      List<Long> rssMib = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        SessionResult call =
            SimulatedAsterisk.connectingTo("127.0.0.1", port)
                .callerId("5551234", "Maria Lopez")
                .realtime(true)
                .build()
                .call(List.of(
                    CallerTurn.parse(RunningSupportLine.fixture("internet-dropping.wav")),
                    CallerTurn.parse(RunningSupportLine.fixture("yes.wav"))));
        assertEquals("confirmed", call.variable("HANDOFF_REASON").orElse("unset"), call.wire().toString());
        List<Duration> afterRecordings = call.thinkTimesAfterRecordings();
        reflectionMs.add(afterRecordings.get(0).toMillis());
        for (Duration d : afterRecordings.subList(1, afterRecordings.size())) otherTurnsMs.add(d.toMillis());
        if ((i + 1) % 4 == 0) rssMib.add(status(server.pid(), "VmRSS") / 1024);
      }
      long rssAfterKib = status(server.pid(), "VmRSS");
      long peakKib = status(server.pid(), "VmHWM");
      System.out.printf(
          "BENCHMARK startup to ready %d ms; RSS with model loaded %d MiB; after %d calls %d MiB (peak %d MiB)%n",
          startupMs, rssLoadedKib / 1024, CALLS, rssAfterKib / 1024, peakKib / 1024);
      System.out.println("BENCHMARK RSS every 4 calls (MiB): " + rssMib);
      System.out.printf(
          "BENCHMARK end of issue recording -> reflection prompt ready: median %d ms, worst %d ms over %d turns%n",
          median(reflectionMs), Collections.max(reflectionMs), reflectionMs.size());
      System.out.printf(
          "BENCHMARK end of yes/no recording -> next prompt ready: median %d ms, worst %d ms over %d turns%n",
          median(otherTurnsMs), Collections.max(otherTurnsMs), otherTurnsMs.size());
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** A figure in kiB from /proc/PID/status. */
  private static long status(long pid, String field) throws Exception {
    for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (l.startsWith(field + ":")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
    }
    throw new IllegalStateException(field + " missing from /proc/" + pid + "/status");
  }
}
