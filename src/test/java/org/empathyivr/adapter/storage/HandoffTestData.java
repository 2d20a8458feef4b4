package org.empathyivr.adapter.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.dialog.Caller;
import org.empathyivr.domain.dialog.Turn;
import org.empathyivr.domain.frustration.Frustration;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.PhraseUse;
import org.empathyivr.domain.summary.HandoffReason;

/** Handoffs for storage and delivery tests, with the awkward characters real callers' names and words bring. */
public final class HandoffTestData {
  public static final Instant MORNING = Instant.parse("2026-11-23T10:00:00Z");

  private HandoffTestData() {}

  public static Handoff handoff(String id, String issue) {
    return handoff(id, MORNING, issue);
  }

  public static Handoff handoff(String id, Instant at, String issue) {
    return new Handoff(
        id, at, "1795458575.313361", "Local/s@caller-00000001;1",
        new Caller(Optional.of("5551234"), Optional.of("Jörg \"J\" Ünal"), Caller.NameSource.CALLER_ID),
        Optional.of(issue), Optional.of("your internet keeps dropping"), List.of(issue), true, HandoffReason.CONFIRMED, "support", 5,
        Duration.ofSeconds(42),
        List.of(new Turn(at, Turn.Speaker.ASSISTANT, "Hi Jörg, how can I help?", 1.0),
            new Turn(at.plusSeconds(3), Turn.Speaker.CALLER, issue, 0.87)),
        Frustration.NONE,
        List.of(new PhraseUse(at, "greeting.named")));
  }
}
