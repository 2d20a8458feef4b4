package org.empathyivr.adapter.storage;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.empathyivr.json.Json;

/**
 * The searchable columns of a handoff, read back from its JSON record, so a record kept aside while the database was
 * down is stored exactly as it would have been. Nullable members are the JSON's {@code null}s.
 */
record HandoffRow(
    String id,
    Instant at,
    String callerNumber,
    String callerName,
    String nameSource,
    String issue,
    String reflection,
    boolean confirmed,
    String reason,
    String queue,
    int priority,
    String summary) {

  /**
   * @throws IllegalArgumentException naming the member when {@code json} is not a handoff record
   */
  static HandoffRow of(String json) {
    if (!(Json.read(json) instanceof Map<?, ?> m)) throw new IllegalArgumentException("not a JSON object");
    try {
      return new HandoffRow(
          text(m, "id", false), Instant.parse(text(m, "at", false)), text(m, "callerNumber", true),
          text(m, "callerName", true), text(m, "nameSource", false), text(m, "issue", true),
          text(m, "reflection", true), (Boolean) m.get("confirmed"), text(m, "reason", false), text(m, "queue", false),
          ((Number) m.get("priority")).intValue(), text(m, "summary", false));
    } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
      throw new IllegalArgumentException("not a handoff record: " + e.getMessage(), e);
    }
  }

  private static String text(Map<?, ?> m, String name, boolean nullable) {
    Object value = m.get(name);
    if (value == null && nullable) return null;
    if (value instanceof String s) return s;
    throw new IllegalArgumentException("handoff record without text '" + name + "'");
  }
}
