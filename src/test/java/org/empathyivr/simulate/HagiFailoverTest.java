package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.empathyivr.simulate.HagiFailover.SrvRecord;
import org.junit.jupiter.api.Test;

class HagiFailoverTest {
  @Test
  void triesLowerPriorityNumbersFirst() {
    SrvRecord backup = new SrvRecord(20, 0, 4574, "b.example");
    SrvRecord primary = new SrvRecord(10, 0, 4573, "a.example");
    SrvRecord last = new SrvRecord(30, 5, 4575, "c.example");

    assertEquals(List.of(primary, backup, last), HagiFailover.order(List.of(last, backup, primary), new Random(1)));
  }

  @Test
  void equalWeightsSendEveryCallToTheRecordListedFirst() {
    SrvRecord ivr1 = new SrvRecord(10, 50, 4573, "ivr1.example");
    SrvRecord ivr2 = new SrvRecord(10, 50, 4573, "ivr2.example");

    // As Asterisk 22.10.1 did with a DNS server answering in a fixed order: every call to the first node.
    assertEquals(Map.of("ivr1.example", 1000), firstTargets(List.of(ivr1, ivr2), 1000));
    // A DNS server that rotates its answers is what spreads the calls.
    assertEquals(Map.of("ivr2.example", 1000), firstTargets(List.of(ivr2, ivr1), 1000));
  }

  @Test
  void aWeightIsComparedWithTheDrawOnItsOwnNotAsARunningSum() {
    SrvRecord heavy = new SrvRecord(10, 60, 4573, "heavy.example");
    SrvRecord light = new SrvRecord(10, 20, 4574, "light.example");

    assertEquals(Map.of("heavy.example", 4000), firstTargets(List.of(heavy, light), 4000));
    // Draws of 1..80: listed first, light leads on 1..20, heavy on 21..60, above 60 is drawn again: 1 in 3.
    Map<String, Integer> first = firstTargets(List.of(light, heavy), 4000);
    assertEquals(1.0 / 3, first.get("light.example") / 4000.0, 0.03, first.toString());
  }

  private static Map<String, Integer> firstTargets(List<SrvRecord> answer, int lookups) {
    Random random = new Random(7);
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < lookups; i++) first.merge(HagiFailover.order(answer, random).get(0).target(), 1, Integer::sum);
    return first;
  }

  @Test
  void theCallGoesToTheFirstTargetThatAcceptsTheConnection() throws Exception {
    int closed = closedPort();
    List<String> lines = List.of("<< header", ">> SET VARIABLE \"__HANDOFF\" \"1\"", "<< reply");
    try (ScriptedFastAgiService service = new ScriptedFastAgiService(lines, c -> c)) {
      SrvRecord down = new SrvRecord(10, 0, closed, "127.0.0.1");
      SrvRecord up = new SrvRecord(20, 0, service.port(), "127.0.0.1");

      HagiFailover.Placed placed =
          new HagiFailover(List.of(up, down), new Random(1))
              .call(r -> SimulatedAsterisk.connectingTo(r.target(), r.port()).build(), List.of());

      assertEquals(up, placed.target());
      assertEquals(List.of(down), placed.unreachable());
      assertEquals("1", placed.result().variable("HANDOFF").orElseThrow());
      service.received();
    }
  }

  @Test
  void noReachableTargetFailsTheAgiLikeAsterisk() throws Exception {
    SrvRecord down = new SrvRecord(10, 0, closedPort(), "127.0.0.1");

    IOException e = assertThrows(IOException.class, () -> new HagiFailover(List.of(down), new Random(1))
        .call(r -> SimulatedAsterisk.connectingTo(r.target(), r.port()).build(), List.of()));
    assertTrue(e.getMessage().startsWith("no SRV target accepted the connection"), e.getMessage());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
