package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as systemd stops it: SIGTERM during a call. New callers are refused at once, the caller in
 * progress still gets the handoff variables, and the process then exits with 143 (SuccessExitStatus in the unit).
 */
class ServiceStopIT {
  @TempDir Path root;

  @Test
  void sigtermRefusesNewCallsAndLetsTheCallInProgressFinish() throws Exception {
    String jar = System.getProperty("empathyivr.jar");
    assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "no packaged jar (mvn verify builds it): " + jar);
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path config = root.resolve("empathy-ivr.properties");
    Files.writeString(config, "agi.port = " + port + "\nmedia.mode = record\nagi.stop-wait-seconds = 30\nspool.dir = " + root.resolve("spool")
        + "\nhandoff.store-url = jdbc:sqlite:" + root.resolve("handoffs.db") + "\n");
    Path log = root.resolve("service.log");
    Process service = new ProcessBuilder(List.of("java", "-jar", jar, "serve", "--config", config.toString()))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    try {
      assertTrue(logSays(log, "ready: serving", 120), "not ready: " + Files.readString(log));
      try (Socket call = new Socket(InetAddress.getLoopbackAddress(), port)) {
        call.setSoTimeout(20_000);
        OutputStream out = call.getOutputStream();
        out.write(("agi_network: yes\nagi_network_script: support\nagi_request: agi://127.0.0.1/support\n"
            + "agi_channel: Local/s@caller-00000001;1\nagi_uniqueid: 1795458575.888001\nagi_callerid: 5551234\n\n")
            .getBytes(StandardCharsets.US_ASCII));
        BufferedReader commands = new BufferedReader(new InputStreamReader(call.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ANSWER", commands.readLine());

        service.destroy(); // SIGTERM, as systemctl stop sends
        assertTrue(refusesConnections(port), "still accepting calls after SIGTERM: " + Files.readString(log));
        assertTrue(service.isAlive(), "exited with a call in progress");

        // The caller hangs up during the first recording; the service hands the call off all the same.
        List<String> sent = new ArrayList<>();
        out.write("200 result=0\n".getBytes(StandardCharsets.US_ASCII));
        for (String command; (command = commands.readLine()) != null; ) {
          sent.add(command);
          String reply = command.startsWith("STREAM FILE") ? "200 result=0 endpos=8000"
              : command.startsWith("RECORD FILE") ? "200 result=-1 (hangup) endpos=0\nHANGUP"
              : "200 result=1";
          out.write((reply + "\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
        assertTrue(sent.stream().anyMatch(c -> c.startsWith("SET VARIABLE \"__HANDOFF_REASON\"")), sent.toString());
        assertTrue(sent.stream().anyMatch(c -> c.startsWith("SET VARIABLE \"__HANDOFF\" \"1\"")), sent.toString());
      }
      assertTrue(service.waitFor(30, TimeUnit.SECONDS), "did not exit after the call: " + Files.readString(log));
      assertEquals(143, service.exitValue(), Files.readString(log));
      List<String> output = Files.readAllLines(log);
      assertTrue(output.stream().anyMatch(l -> l.contains("stopping: refusing new calls")), String.join("\n", output));
      assertTrue(output.stream().anyMatch(l -> l.contains("[1795458575.888001]") && l.contains("call ended")),
          String.join("\n", output));
    } finally {
      service.destroyForcibly();
    }
  }

  private static boolean logSays(Path log, String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) return true;
      Thread.sleep(100);
    }
    return false;
  }

  private static boolean refusesConnections(int port) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
        Thread.sleep(20);
      } catch (IOException refused) {
        return true;
      }
    }
    return false;
  }
}
