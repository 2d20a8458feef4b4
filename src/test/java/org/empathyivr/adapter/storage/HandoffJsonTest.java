package org.empathyivr.adapter.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.empathyivr.domain.frustration.Frustration;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.json.Json;
import org.junit.jupiter.api.Test;

class HandoffJsonTest {
  @Test
  void carriesEverythingTheAgentIsShownOnOneLine() {
    Handoff base = HandoffTestData.handoff("H-7", "my internet keeps dropping\nevery evening");
    Handoff h = new Handoff(base.id(), base.at(), base.callId(), base.channel(), base.caller(), base.issue(),
        base.reflection(), base.said(), base.confirmed(), base.reason(), base.queue(), base.priority(), base.withAssistant(),
        base.transcript(),
        new Frustration(0.75, List.of(new Frustration.Cue("words.repeat", "said \"third time\"", 0.5))),
        base.phrasesUsed());

    String json = HandoffJson.write(h);

    assertFalse(json.contains("\n"), json);
    @SuppressWarnings("unchecked")
    Map<String, Object> read = (Map<String, Object>) Json.read(json);
    assertEquals("H-7", read.get("id"));
    assertEquals("2026-11-23T10:00:00Z", read.get("at"));
    assertEquals("1795458575.313361", read.get("callId"));
    assertEquals("Local/s@caller-00000001;1", read.get("channel"));
    assertEquals("5551234", read.get("callerNumber"));
    assertEquals("Jörg \"J\" Ünal", read.get("callerName"));
    assertEquals("caller-id", read.get("nameSource"));
    assertEquals("my internet keeps dropping\nevery evening", read.get("issue"));
    assertEquals("your internet keeps dropping", read.get("reflection"));
    assertEquals(true, read.get("confirmed"));
    assertEquals("confirmed", read.get("reason"));
    assertEquals(42, read.get("secondsWithAssistant"));
    assertEquals(h.spokenSummary(), read.get("spoken"));
    assertEquals(Map.of("score", 0.75, "cues",
            List.of(Map.of("id", "words.repeat", "explanation", "said \"third time\"", "weight", 0.5))),
        read.get("frustration"));
    assertEquals(List.of("Hi Jörg, how can I help?"), read.get("assistantSaid"));
    assertEquals(List.of(Map.of("at", "2026-11-23T10:00:00Z", "id", "greeting.named")), read.get("phrasesUsed"));
    assertEquals(
        List.of(
            Map.of("at", "2026-11-23T10:00:00Z", "speaker", "assistant", "text", "Hi Jörg, how can I help?",
                "confidence", 1.0),
            Map.of("at", "2026-11-23T10:00:03Z", "speaker", "caller",
                "text", "my internet keeps dropping\nevery evening", "confidence", 0.87)),
        read.get("transcript"));
  }

  @Test
  void writesTheMembersInTheirDocumentedOrderWithScoresToThreeDecimals() {
    Handoff base = HandoffTestData.handoff("H-8", "my phone is dead");
    Handoff h = new Handoff(base.id(), base.at(), base.callId(), base.channel(), base.caller(), base.issue(),
        base.reflection(), base.said(), base.confirmed(), base.reason(), base.queue(), base.priority(), base.withAssistant(),
        base.transcript(), new Frustration(0.75, List.of(new Frustration.Cue("words.repeat", "x", 0.5))),
        base.phrasesUsed());

    String json = HandoffJson.write(h);

    @SuppressWarnings("unchecked")
    Map<String, Object> read = (Map<String, Object>) Json.read(json);
    assertEquals(
        List.of("id", "at", "callId", "channel", "callerNumber", "callerName", "nameSource", "issue", "reflection",
            "said", "confirmed", "reason", "queue", "priority", "secondsWithAssistant", "summary", "spoken",
            "frustration", "assistantSaid", "phrasesUsed", "transcript"),
        List.copyOf(read.keySet()));
    assertTrue(json.startsWith("{\"id\":\"H-8\",\"at\":\"2026-11-23T10:00:00Z\","), json);
    assertTrue(json.contains("\"frustration\":{\"score\":0.750,\"cues\":[{\"id\":\"words.repeat\",\"explanation\":\"x\",\"weight\":0.500}]}"), json);
    assertTrue(json.contains("\"confidence\":1.000}"), json);
  }

  @Test
  void escapesLineAndParagraphSeparatorsThatWouldEndALineInTheAgentPagesScript() {
    String json = HandoffJson.write(HandoffTestData.handoff("H-9", "one\u2028two\u2029three ünïcode"));

    assertTrue(json.contains("\"issue\":\"one\\u2028two\\u2029three ünïcode\""), json);
    assertFalse(json.contains("\u2028") || json.contains("\u2029"), json);
    assertEquals("one\u2028two\u2029three ünïcode", ((Map<?, ?>) Json.read(json)).get("issue"));
  }
}
