package org.empathyivr.adapter.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.empathyivr.domain.dialog.Turn;
import org.empathyivr.domain.frustration.Frustration;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.PhraseUse;
import org.empathyivr.json.Json;

/**
 * The one JSON form of a handoff, written by every store and sent to webhooks: a single line (no raw line breaks),
 * strings escaped as {@link Json} escapes them, absent values as {@code null}, scores and confidences with three
 * decimals. Besides the caller, the issue and the transcript it carries what the agent page shows: everything the
 * caller {@code said} that carries content, the {@code spoken} sentence, the {@code frustration} score with its cues,
 * what the assistant said ({@code assistantSaid}) and the empathy record ({@code phrasesUsed}).
 */
public final class HandoffJson {
  private HandoffJson() {}

  /** The whole record with its transcript, as one line of JSON. */
  public static String write(Handoff h) {
    return Json.generate(g -> {
      g.writeStartObject();
      g.writeStringField("id", h.id());
      g.writeStringField("at", h.at().toString());
      g.writeStringField("callId", h.callId());
      g.writeStringField("channel", h.channel());
      optional(g, "callerNumber", h.caller().number());
      optional(g, "callerName", h.caller().name());
      g.writeStringField("nameSource", h.caller().nameSource().label());
      optional(g, "issue", h.issue());
      optional(g, "reflection", h.reflection());
      strings(g, "said", h.said());
      g.writeBooleanField("confirmed", h.confirmed());
      g.writeStringField("reason", h.reason().label());
      g.writeStringField("queue", h.queue());
      g.writeNumberField("priority", h.priority());
      g.writeNumberField("secondsWithAssistant", h.withAssistant().toSeconds());
      g.writeStringField("summary", h.summaryLine());
      g.writeStringField("spoken", h.spokenSummary());
      frustration(g, h.frustration());
      strings(g, "assistantSaid", h.assistantTurns().stream().map(Turn::text).toList());
      g.writeArrayFieldStart("phrasesUsed");
      for (PhraseUse p : h.phrasesUsed()) {
        g.writeStartObject();
        g.writeStringField("at", p.at().toString());
        g.writeStringField("id", p.id());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("transcript");
      for (Turn t : h.transcript()) {
        g.writeStartObject();
        g.writeStringField("at", t.at().toString());
        g.writeStringField("speaker", t.speaker().name().toLowerCase(Locale.ROOT));
        g.writeStringField("text", t.text());
        threeDecimals(g, "confidence", t.confidence());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static void frustration(JsonGenerator g, Frustration f) throws IOException {
    g.writeObjectFieldStart("frustration");
    threeDecimals(g, "score", f.score());
    g.writeArrayFieldStart("cues");
    for (Frustration.Cue c : f.cues()) {
      g.writeStartObject();
      g.writeStringField("id", c.id());
      g.writeStringField("explanation", c.explanation());
      threeDecimals(g, "weight", c.weight());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String name, Optional<String> value) throws IOException {
    if (value.isPresent()) g.writeStringField(name, value.get());
    else g.writeNullField(name);
  }

  private static void strings(JsonGenerator g, String name, List<String> texts) throws IOException {
    g.writeArrayFieldStart(name);
    for (String t : texts) g.writeString(t);
    g.writeEndArray();
  }

  /** A number as {@code %.3f} writes it: the precision the scores have, kept in the text of every stored record. */
  private static void threeDecimals(JsonGenerator g, String name, double value) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(String.format(Locale.ROOT, "%.3f", value));
  }

  /** How every record with this id begins: the id is always the first member. */
  static String idPrefix(String id) {
    return "{\"id\":" + Json.write(id);
  }
}
