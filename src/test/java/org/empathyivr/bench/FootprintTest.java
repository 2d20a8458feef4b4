package org.empathyivr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FootprintTest {
  @Test
  void theJavaHeapsResidentPagesArePartOfTheRssAndHoldWhatIsAllocated() {
    byte[][] held = new byte[32][];
    for (int i = 0; i < held.length; i++) {
      held[i] = new byte[1024 * 1024];
      Arrays.fill(held[i], (byte) 1);
    }

    long heapKib = Footprint.javaHeapResident().orElseThrow(() -> new AssertionError("no heap range or /proc"));
    long rssKib = Memory.now().rssKib().orElseThrow();

    assertTrue(heapKib >= 32 * 1024, "32 MiB held, " + heapKib + " kiB resident");
    assertTrue(heapKib < rssKib, heapKib + " kiB of the heap resident, RSS " + rssKib + " kiB");
    assertEquals(1, held[31][1024 * 1024 - 1]);
  }
}
