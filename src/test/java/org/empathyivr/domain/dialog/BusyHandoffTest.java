package org.empathyivr.domain.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.empathyivr.domain.port.CallerDirectory;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.HandoffReason;
import org.junit.jupiter.api.Test;

class BusyHandoffTest {
  private static final CallerDirectory DIRECTORY = new CallerDirectory() {
    private final Map<String, String> names = Map.of("5551234", "Dana Reyes");

    @Override
    public Optional<String> nameFor(String number) {
      return Optional.ofNullable(names.get(number));
    }

    @Override
    public Set<String> firstNames() {
      return Set.of("dana");
    }
  };

  @Test
  void busyCallerIsHandedOffAtOnceUnderTheCallsIdWithTheDirectorysName() {
    IncomingCall call = new IncomingCall("1795458575.42", "PJSIP/trunk-0001", Optional.of("5551234"), Optional.empty());

    Handoff handoff = Conversation.busy(call, DIRECTORY, new FixedClock(), DialogSettings.defaults());

    assertEquals("H-1795458575.42", handoff.id());
    assertEquals(Instant.parse("2026-11-23T10:00:00Z"), handoff.at());
    assertEquals("PJSIP/trunk-0001", handoff.channel());
    assertEquals(Optional.of("Dana Reyes"), handoff.caller().name());
    assertEquals(Caller.NameSource.DIRECTORY, handoff.caller().nameSource());
    assertEquals(HandoffReason.BUSY, handoff.reason());
    assertEquals(DialogSettings.defaults().queue(), handoff.queue());
    assertEquals(DialogSettings.defaults().priority(), handoff.priority());
    assertEquals(Duration.ZERO, handoff.withAssistant());
    assertTrue(handoff.issue().isEmpty() && handoff.said().isEmpty() && handoff.transcript().isEmpty());
  }

  @Test
  void busyCallerWithheldNumberIsUnknown() {
    IncomingCall call = new IncomingCall("1795458575.43", "PJSIP/trunk-0002", Optional.of(" "), Optional.empty());

    Handoff handoff = Conversation.busy(call, DIRECTORY, new FixedClock(), DialogSettings.defaults());

    assertEquals(Optional.empty(), handoff.caller().number());
    assertEquals(Caller.NameSource.NONE, handoff.caller().nameSource());
  }
}
