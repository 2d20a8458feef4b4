package org.empathyivr.adapter.storage;

import static org.empathyivr.adapter.storage.HandoffTestData.handoff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.empathyivr.domain.port.HandoffStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesHandoffStoreTest {
  @TempDir Path dir;

  @Test
  void appendsOneJsonLinePerHandoff() throws Exception {
    JsonLinesHandoffStore store = new JsonLinesHandoffStore(dir.resolve("nested/handoffs.jsonl"));
    store.check();
    store.save(handoff("H-1", "my internet keeps dropping"));
    store.save(handoff("H-2", "line one\nline \"two\" \\ end"));

    List<String> lines = Files.readAllLines(dir.resolve("nested/handoffs.jsonl"));
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).startsWith("{\"id\":\"H-1\",\"at\":\"2026-11-23T10:00:00Z\""), lines.get(0));
    assertTrue(lines.get(0).contains("\"callerName\":\"Jörg \\\"J\\\" Ünal\""), lines.get(0));
    assertTrue(lines.get(0).contains("\"confidence\":0.870"), lines.get(0));
    assertTrue(lines.get(1).contains("\"issue\":\"line one\\nline \\\"two\\\" \\\\ end\""), lines.get(1));
  }

  @Test
  void anUnwritableFileIsAStoreFailureNamingTheHandoff() throws Exception {
    Path blocked = dir.resolve("a-directory");
    Files.createDirectories(blocked);
    HandoffStore.StoreFailure failure =
        assertThrows(HandoffStore.StoreFailure.class, () -> new JsonLinesHandoffStore(blocked).save(handoff("H-9", "x")));
    assertTrue(failure.getMessage().contains("H-9"), failure.getMessage());
  }
}
