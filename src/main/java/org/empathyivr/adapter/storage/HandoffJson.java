package org.empathyivr.adapter.storage;

import java.util.Locale;
import java.util.StringJoiner;
import org.empathyivr.domain.dialog.Turn;
import org.empathyivr.domain.frustration.Frustration;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.PhraseUse;

/**
 * The one JSON form of a handoff, written by every store and sent to webhooks: a single line (no raw line breaks),
 * strings escaped per RFC 8259, absent values as {@code null}. Besides the caller, the issue and the transcript it
 * carries what the agent page shows: everything the caller {@code said} that carries content, the {@code spoken} sentence, the {@code frustration} score with its cues, what
 * the assistant said ({@code assistantSaid}) and the empathy record ({@code phrasesUsed}).
 */
public final class HandoffJson {
  private HandoffJson() {}

  /** The whole record with its transcript, as one line of JSON. */
  public static String write(Handoff h) {
    StringJoiner turns = new StringJoiner(",", "[", "]");
    for (Turn t : h.transcript()) {
      turns.add(
          "{\"at\":" + quote(t.at().toString())
              + ",\"speaker\":" + quote(t.speaker().name().toLowerCase(Locale.ROOT))
              + ",\"text\":" + quote(t.text())
              + ",\"confidence\":" + String.format(Locale.ROOT, "%.3f", t.confidence()) + "}");
    }
    return idPrefix(h.id())
        + ",\"at\":" + quote(h.at().toString())
        + ",\"callId\":" + quote(h.callId())
        + ",\"channel\":" + quote(h.channel())
        + ",\"callerNumber\":" + h.caller().number().map(HandoffJson::quote).orElse("null")
        + ",\"callerName\":" + h.caller().name().map(HandoffJson::quote).orElse("null")
        + ",\"nameSource\":" + quote(h.caller().nameSource().label())
        + ",\"issue\":" + h.issue().map(HandoffJson::quote).orElse("null")
        + ",\"reflection\":" + h.reflection().map(HandoffJson::quote).orElse("null")
        + ",\"said\":" + strings(h.said())
        + ",\"confirmed\":" + h.confirmed()
        + ",\"reason\":" + quote(h.reason().label())
        + ",\"queue\":" + quote(h.queue())
        + ",\"priority\":" + h.priority()
        + ",\"secondsWithAssistant\":" + h.withAssistant().toSeconds()
        + ",\"summary\":" + quote(h.summaryLine())
        + ",\"spoken\":" + quote(h.spokenSummary())
        + ",\"frustration\":" + frustration(h.frustration())
        + ",\"assistantSaid\":" + assistantSaid(h)
        + ",\"phrasesUsed\":" + phrasesUsed(h)
        + ",\"transcript\":" + turns + "}";
  }

  private static String frustration(Frustration f) {
    StringJoiner cues = new StringJoiner(",", "[", "]");
    for (Frustration.Cue c : f.cues()) {
      cues.add("{\"id\":" + quote(c.id()) + ",\"explanation\":" + quote(c.explanation())
          + ",\"weight\":" + number(c.weight()) + "}");
    }
    return "{\"score\":" + number(f.score()) + ",\"cues\":" + cues + "}";
  }

  private static String strings(java.util.List<String> texts) {
    StringJoiner out = new StringJoiner(",", "[", "]");
    for (String t : texts) out.add(quote(t));
    return out.toString();
  }

  private static String assistantSaid(Handoff h) {
    StringJoiner said = new StringJoiner(",", "[", "]");
    for (Turn t : h.assistantTurns()) said.add(quote(t.text()));
    return said.toString();
  }

  private static String phrasesUsed(Handoff h) {
    StringJoiner used = new StringJoiner(",", "[", "]");
    for (PhraseUse p : h.phrasesUsed()) used.add("{\"at\":" + quote(p.at().toString()) + ",\"id\":" + quote(p.id()) + "}");
    return used.toString();
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** How every record with this id begins: the id is always the first member. */
  static String idPrefix(String id) {
    return "{\"id\":" + quote(id);
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }
}
