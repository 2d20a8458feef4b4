package org.empathyivr.adapter.fastagi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.empathyivr.adapter.storage.HandoffArchive;
import org.empathyivr.adapter.storage.HandoffArchives;
import org.empathyivr.domain.port.HandoffStore;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.HandoffReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With every line taken, the next caller goes straight to a human: HANDOFF_REASON busy, the handoff stored, no
 * speech work. Prints how long Asterisk waits for that over real sockets (BENCHMARK lines); asserts only behaviour.
 */
class BusyLineIT {
  private static final int MAX_CALLS = 2;
  private static final int BUSY_CALLS = 500;

  @TempDir Path spool;

  @Test
  void theCallerAfterMaxCallsIsHandedToAHumanAsBusyWithoutSpeechWork() throws Exception {
    ScriptedSpeech speech = new ScriptedSpeech("my internet keeps dropping every evening", "yes");
    SavedHandoffs saved = new SavedHandoffs();
    // Stored in SQLite as deployed; the caller does not wait for it.
    HandoffArchive sqlite = HandoffArchives.forUrl("jdbc:sqlite:" + spool.resolve("handoffs.db"), List.of());
    sqlite.check();
    HandoffStore store = handoff -> {
      sqlite.save(handoff);
      saved.save(handoff);
    };
    BusyHandoffs busyHandoffs = new BusyHandoffs(store);
    SupportLineAgiScript script = Scripts.supportLine(spool, speech, store, MAX_CALLS, busyHandoffs);
    try (sqlite; ServedLine line = ServedLine.start(script, MAX_CALLS, AgiLimits.withRequestTimeout(Duration.ofSeconds(5)))) {
      List<Socket> inProgress = new ArrayList<>();
      for (int i = 0; i < MAX_CALLS; i++) inProgress.add(holdACall(line.port, "1795458575." + i));
      assertEquals(MAX_CALLS, script.callsInProgress());
      int synthesesBefore = speech.syntheses.get();
      int recognitionsBefore = speech.recognitions.get();

      long[] micros = new long[BUSY_CALLS];
      for (int i = 0; i < BUSY_CALLS; i++) {
        String id = "1795458600." + i;
        long started = System.nanoTime();
        Map<String, String> variables = call(line.port, id);
        micros[i] = (System.nanoTime() - started) / 1_000;
        assertEquals("busy", variables.get("__HANDOFF_REASON"), variables.toString());
        assertEquals("H-" + id, variables.get("__HANDOFF_ID"));
        assertEquals("1", variables.get("__HANDOFF"));
        assertEquals("SUCCESS", variables.get("AJ_AGISTATUS"));
        assertTrue(variables.get("__HANDOFF_SUMMARY").endsWith("reason: busy"), variables.toString());
      }

      assertEquals(synthesesBefore, speech.syntheses.get(), "no synthesis for a busy caller");
      assertEquals(recognitionsBefore, speech.recognitions.get(), "no recognition for a busy caller");
      assertTrue(busyHandoffs.finish(Duration.ofSeconds(30)), "busy handoffs stored after the callers went on");
      assertEquals(BUSY_CALLS, saved.saved.size());
      assertTrue(sqlite.find("H-1795458600.0").orElseThrow().contains("\"reason\":\"busy\""));
      Handoff first = saved.saved.get(0);
      assertEquals(HandoffReason.BUSY, first.reason());
      assertEquals(java.util.Optional.of("5551234"), first.caller().number());
      assertTrue(first.transcript().isEmpty());

      for (Socket call : inProgress) call.close(); // the held callers hang up; their calls end with a handoff
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (script.callsInProgress() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
      assertEquals(0, script.callsInProgress());
      try (Socket next = holdACall(line.port, "1795458700.1")) {
        assertEquals(1, script.callsInProgress(), "a line is free again: the next caller talks to the assistant");
      }

      Arrays.sort(micros);
      System.out.printf(
          "BENCHMARK busy handoff over loopback FastAGI (%d calls, %d lines taken): median %.2f ms, p99 %.2f ms,"
              + " max %.2f ms (connect to the service closing, 6 variables set; stored in SQLite after)%n",
          BUSY_CALLS, MAX_CALLS, micros[BUSY_CALLS / 2] / 1000.0, micros[BUSY_CALLS * 99 / 100] / 1000.0,
          micros[BUSY_CALLS - 1] / 1000.0);
    }
  }

  /** A call that has started: its request sent, and the service's ANSWER left unanswered. */
  private static Socket holdACall(int port, String id) throws Exception {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    socket.getOutputStream().write(request(id));
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ANSWER", in.readLine());
    return socket;
  }

  /** Places a call answering every command with success; returns the variables the service set. */
  private static Map<String, String> call(int port, String id) throws Exception {
    Map<String, String> variables = new LinkedHashMap<>();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request(id));
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      for (String command; (command = in.readLine()) != null; ) {
        assertTrue(command.startsWith("SET VARIABLE "), "a busy caller gets variables only: " + command);
        String[] parts = command.substring("SET VARIABLE ".length()).split(" ", 2);
        variables.put(parts[0].replace("\"", ""), parts[1].replaceAll("^\"|\"$", ""));
        out.write("200 result=1\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    }
    return variables;
  }

  private static byte[] request(String id) {
    return AsteriskSide.REQUEST.replace("1795458575.313361", id).getBytes(StandardCharsets.UTF_8);
  }
}
