package org.empathyivr.adapter.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.dialog.Caller;
import org.empathyivr.domain.dialog.Turn;
import org.empathyivr.domain.port.HandoffStore;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.HandoffReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesHandoffStoreTest {
  @TempDir Path dir;

  static Handoff handoff(String id, String issue) {
    Instant at = Instant.parse("2026-11-23T10:00:00Z");
    return new Handoff(
        id, at, "1795458575.313361", "Local/s@caller-00000001;1",
        new Caller(Optional.of("5551234"), Optional.of("Jörg \"J\" Ünal"), Caller.NameSource.CALLER_ID),
        Optional.of(issue), Optional.of("your internet keeps dropping"), true, HandoffReason.CONFIRMED, "support", 5,
        Duration.ofSeconds(42), List.of(new Turn(at, Turn.Speaker.CALLER, issue, 0.87)));
  }

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
