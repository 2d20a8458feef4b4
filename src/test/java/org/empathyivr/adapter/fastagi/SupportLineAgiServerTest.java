package org.empathyivr.adapter.fastagi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.Test;

/** The FastAGI server lets in only the Asterisk servers it is told to trust. */
class SupportLineAgiServerTest {
  private static final String REQUEST =
      "agi_network: yes\nagi_network_script: support\nagi_request: agi://127.0.0.1/support\n"
          + "agi_channel: Local/s@caller-00000001;1\nagi_uniqueid: 1795458575.313361\n\n";

  private final List<String> served = new CopyOnWriteArrayList<>();
  private final AgiScript script = (request, channel) -> served.add(request.getUniqueId());

  @Test
  void closesAConnectionFromAnAddressNotInTheAllowlistWithoutRunningTheScript() throws Exception {
    InetAddress someoneElse = InetAddress.getByName("192.0.2.7");

    String reply = callWith(List.of(someoneElse));

    assertEquals("", reply, "nothing is sent to a stranger");
    assertEquals(List.of(), served);
  }

  @Test
  void servesAnAllowedAsterisk() throws Exception {
    callWith(List.of(InetAddress.getByName("192.0.2.7"), InetAddress.getLoopbackAddress()));

    assertEquals(List.of("1795458575.313361"), served);
  }

  @Test
  void servesAnyoneWhenNoAllowlistIsSet() throws Exception {
    callWith(List.of());

    assertEquals(List.of("1795458575.313361"), served);
  }

  /** Connects from loopback, sends a request and reads until the server closes the connection. */
  private String callWith(List<InetAddress> allowed) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    CountDownLatch listening = new CountDownLatch(1);
    SupportLineAgiServer server =
        new SupportLineAgiServer(
            "support", script, InetAddress.getLoopbackAddress(), port, 2, allowed,
            AgiLimits.withRequestTimeout(java.time.Duration.ofSeconds(5)), listening::countDown);
    Thread serving = new Thread(() -> {
      try {
        server.startup();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    serving.start();
    try {
      assertTrue(listening.await(10, TimeUnit.SECONDS), "server did not start");
      try (Socket asterisk = new Socket(InetAddress.getLoopbackAddress(), port)) {
        asterisk.setSoTimeout(10_000);
        OutputStream out = asterisk.getOutputStream();
        out.write(REQUEST.getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = asterisk.getInputStream();
        // asterisk-java sets AJ_AGISTATUS when a script ends and then closes; a refused client just sees the close.
        StringBuilder got = new StringBuilder();
        byte[] buffer = new byte[1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          got.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          if (got.toString().endsWith("\n")) {
            out.write("200 result=1\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
        }
        return got.toString();
      }
    } finally {
      server.stop();
      serving.join(10_000);
    }
  }
}
