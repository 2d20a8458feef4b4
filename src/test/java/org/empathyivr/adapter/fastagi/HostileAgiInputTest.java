package org.empathyivr.adapter.fastagi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each kind of hostile or broken FastAGI peer costs its own connection: the server closes it without running the
 * script, and the next well-formed call is served as usual.
 */
class HostileAgiInputTest {
  private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);

  private final List<String> served = new CopyOnWriteArrayList<>();
  private final AgiScript script = (request, channel) -> {
    channel.answer();
    served.add(request.getUniqueId());
  };
  private ServedLine line;

  @BeforeEach
  void startTheServer() throws Exception {
    line = ServedLine.start(script, 2, AgiLimits.withRequestTimeout(REQUEST_TIMEOUT));
  }

  @AfterEach
  void stopTheServer() throws Exception {
    line.close();
  }

  @Test
  void aClientThatConnectsAndSendsNothingIsClosedAfterTheRequestTimeout() throws Exception {
    long started = System.nanoTime();
    try (Socket idle = connect()) {
      assertEquals(-1, readUntilClosed(idle.getInputStream()).eof());
    }
    long waitedMs = (System.nanoTime() - started) / 1_000_000;
    assertTrue(waitedMs >= REQUEST_TIMEOUT.toMillis() - 20 && waitedMs < 3_000, "closed after " + waitedMs + " ms");
    assertAWellFormedCallIsServed();
  }

  @Test
  void aRequestTrickledOneLineAtATimePastTheTimeoutIsClosed() throws Exception {
    try (Socket slow = connect()) {
      long started = System.nanoTime();
      boolean closed = false;
      for (int i = 0; i < 50 && !closed; i++) {
        try {
          slow.getOutputStream().write(("agi_x" + i + ": y\n").getBytes(StandardCharsets.US_ASCII));
          slow.getOutputStream().flush();
          Thread.sleep(50);
        } catch (IOException e) {
          closed = true;
        }
        closed |= slow.getInputStream().available() < 0;
      }
      assertEquals(-1, readUntilClosed(slow.getInputStream()).eof());
      long waitedMs = (System.nanoTime() - started) / 1_000_000;
      assertTrue(waitedMs < 2_000, "the request timeout is a deadline, not an idle timeout: " + waitedMs + " ms");
    }
    assertAWellFormedCallIsServed();
  }

  @Test
  void aRequestWithoutItsBlankLineIsNeverServed() throws Exception {
    String withoutBlankLine = AsteriskSide.REQUEST.substring(0, AsteriskSide.REQUEST.length() - 1);
    try (Socket halfClosed = connect()) {
      halfClosed.getOutputStream().write(withoutBlankLine.getBytes(StandardCharsets.UTF_8));
      halfClosed.shutdownOutput();
      assertEquals("", readUntilClosed(halfClosed.getInputStream()).text());
    }
    try (Socket keptOpen = connect()) {
      keptOpen.getOutputStream().write(withoutBlankLine.getBytes(StandardCharsets.UTF_8));
      assertEquals("", readUntilClosed(keptOpen.getInputStream()).text());
    }
    assertEquals(List.of(), served);
    assertAWellFormedCallIsServed();
  }

  @Test
  void anEndlessLineIsCutOffAtTheLineLimit() throws Exception {
    byte[] megabyte = new byte[1 << 20];
    java.util.Arrays.fill(megabyte, (byte) 'A');
    assertClosedUnserved(("agi_network: yes\nagi_request: ").getBytes(StandardCharsets.US_ASCII), megabyte);
  }

  @Test
  void aHugeHeaderIsCutOffAtTheLineCountLimit() throws Exception {
    StringBuilder header = new StringBuilder(AsteriskSide.REQUEST.substring(0, AsteriskSide.REQUEST.length() - 1));
    for (int i = 0; i < 20_000; i++) header.append("agi_arg_").append(i).append(": x\n");
    assertClosedUnserved(header.toString().getBytes(StandardCharsets.US_ASCII), new byte[0]);
  }

  @Test
  void binaryNoiseIsClosedUnserved() throws Exception {
    byte[] noise = new byte[256 * 1024];
    new Random(7).nextBytes(noise);
    assertClosedUnserved(noise, new byte[0]);
  }

  @Test
  void aClientThatDisconnectsMidRequestCostsOnlyItsConnection() throws Exception {
    try (Socket gone = connect()) {
      gone.getOutputStream().write(AsteriskSide.REQUEST.substring(0, 60).getBytes(StandardCharsets.UTF_8));
      gone.setSoLinger(true, 0); // a reset, as from a crashed peer
    }
    assertAWellFormedCallIsServed();
    assertEquals(1, served.size());
  }

  @Test
  void endlessRepliesAfterACommandEndTheCallNotTheServer() throws Exception {
    // A usage reply (520-) is read by asterisk-java until its end marker: here there is none, ever.
    StringBuilder replies = new StringBuilder(AsteriskSide.REQUEST).append("520-Invalid command syntax.\n");
    for (int i = 0; i < 5_000; i++) replies.append("usage line ").append(i).append('\n');
    try (Socket socket = connect()) {
      try {
        socket.getOutputStream().write(replies.toString().getBytes(StandardCharsets.US_ASCII));
      } catch (IOException e) {
        // the service closed while we were still sending
      }
      readUntilClosed(socket.getInputStream());
    }
    assertAWellFormedCallIsServed();
  }

  private void assertClosedUnserved(byte[] first, byte[] rest) throws Exception {
    try (Socket socket = connect()) {
      try {
        socket.getOutputStream().write(first);
        socket.getOutputStream().write(rest);
        socket.getOutputStream().flush();
      } catch (IOException e) {
        // the service closed while we were still sending: the point
      }
      Received got = readUntilClosed(socket.getInputStream());
      assertEquals("", got.text(), "nothing is sent back to a bad request");
    }
    assertEquals(List.of(), served);
    assertAWellFormedCallIsServed();
  }

  private void assertAWellFormedCallIsServed() throws IOException {
    int before = served.size();
    String commands = AsteriskSide.call(line.port, AsteriskSide.REQUEST);
    assertTrue(commands.startsWith("ANSWER\n"), commands);
    assertEquals(before + 1, served.size());
    assertEquals("1795458575.313361", served.get(before));
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), line.port);
    socket.setSoTimeout(5_000);
    return socket;
  }

  private record Received(String text, int eof) {}

  private static Received readUntilClosed(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    try {
      for (int b; (b = in.read()) >= 0; ) text.append((char) b);
    } catch (java.net.SocketException reset) {
      // closed with unread data: a reset, still a close
    }
    return new Received(text.toString(), -1);
  }
}
