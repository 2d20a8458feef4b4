package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as an admin starts it: it refuses to start on a bad setup and names what to fix. */
class StartupIT {
  @TempDir Path root;
  private String jar;

  @BeforeEach
  void findTheJar() {
    jar = System.getProperty("empathyivr.jar");
    assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "no packaged jar (mvn verify builds it): " + jar);
  }

  @Test
  void namesAnUnknownKeyAndExitsWithAUsageError() throws Exception {
    Result r = start("agi.prot = 4573\n");

    assertEquals(2, r.exit, r.output);
    assertTrue(r.output.contains("'agi.prot' is not a known key; did you mean 'agi.port'?"), r.output);
  }

  @Test
  void namesABadValue() throws Exception {
    Result r = start("agi.port = eighty\n");

    assertEquals(2, r.exit, r.output);
    assertTrue(r.output.contains("'agi.port' must be a whole number from 1 to 65535, got 'eighty'"), r.output);
  }

  @Test
  void namesAMissingModel() throws Exception {
    Result r = start("speech.model-dir = " + root.resolve("no-model") + "\n");

    assertEquals(3, r.exit, r.output);
    assertTrue(r.output.contains("speech.model-dir"), r.output);
    assertTrue(r.output.contains("no-model"), r.output);
  }

  @Test
  void namesATakenPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result r = start("agi.port = " + taken.getLocalPort() + "\n");

      assertEquals(3, r.exit, r.output);
      assertTrue(r.output.contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.output);
      assertTrue(r.output.contains("agi.port"), r.output);
    }
  }

  @Test
  void namesATakenAudioSocketPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result r = start("media.port = " + taken.getLocalPort() + "\n");

      assertEquals(3, r.exit, r.output);
      assertTrue(r.output.contains("cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (media.bind-address,"
          + " media.port)"), r.output);
    }
  }

  @Test
  void namesAHandoffStoreThatCannotBeOpened() throws Exception {
    Files.createDirectories(root.resolve("handoffs.db")); // where start() puts the database
    Result r = start("");

    assertEquals(3, r.exit, r.output);
    assertTrue(r.output.contains("handoff.store-url"), r.output);
    assertTrue(r.output.contains(root.resolve("handoffs.db").toString()), r.output);
  }

  private Result start(String properties) throws Exception {
    Path config = root.resolve("empathy-ivr.properties");
    Files.writeString(
        config,
        "spool.dir = " + root.resolve("spool") + "\nhandoff.store-url = jdbc:sqlite:" + root.resolve("handoffs.db") + "\n"
            + properties);
    Process p =
        new ProcessBuilder(List.of("java", "-jar", jar, "--config", config.toString()))
            .redirectErrorStream(true)
            .start();
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    if (!ended) p.destroyForcibly();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(ended, "still running after 60 s: " + output);
    return new Result(p.exitValue(), output);
  }

  private record Result(int exit, String output) {}
}
