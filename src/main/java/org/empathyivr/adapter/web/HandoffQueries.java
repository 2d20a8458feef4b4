package org.empathyivr.adapter.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.empathyivr.adapter.storage.HandoffArchive;
import org.empathyivr.json.Json;
import org.empathyivr.domain.port.HandoffStore.StoreFailure;

/**
 * What the agent page asks of the store: today's handoffs, a search by caller number or name, one by id. Answers are
 * the stored JSON records (arrays of them for lists), newest first. Thread-safe.
 */
public final class HandoffQueries {
  /** The most records a list looks through: a busy day, or a week of a small line. */
  static final int SCAN_LIMIT = 2000;
  /** The most records a list returns. */
  static final int LIST_LIMIT = 500;

  private final HandoffArchive store;
  private final Clock clock;

  /** @param clock its zone says where "today" begins */
  public HandoffQueries(HandoffArchive store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Today's handoffs in the clock's zone, newest first, as a JSON array. */
  public String today() throws StoreFailure {
    LocalDate today = LocalDate.now(clock);
    ZoneId zone = clock.getZone();
    StringJoiner out = new StringJoiner(",", "[", "]");
    int n = 0;
    for (String json : store.newest(SCAN_LIMIT)) {
      Map<?, ?> h = read(json);
      if (!(h.get("at") instanceof String at) || !Instant.parse(at).atZone(zone).toLocalDate().equals(today)) continue;
      out.add(json);
      if (++n == LIST_LIMIT) break;
    }
    return out.toString();
  }

  /**
   * Handoffs whose caller number contains the digits of {@code q} (when it has any: "555-1234" finds "+15551234"),
   * or whose caller name contains {@code q} ignoring case, newest first, as a JSON array.
   */
  public String search(String q) throws StoreFailure {
    String digits = q.replaceAll("[^0-9]", "");
    String words = q.strip().toLowerCase(Locale.ROOT);
    StringJoiner out = new StringJoiner(",", "[", "]");
    int n = 0;
    for (String json : store.newest(SCAN_LIMIT)) {
      Map<?, ?> h = read(json);
      boolean byNumber = !digits.isEmpty() && h.get("callerNumber") instanceof String number
          && number.replaceAll("[^0-9]", "").contains(digits);
      boolean byName = !words.isEmpty() && h.get("callerName") instanceof String name
          && name.toLowerCase(Locale.ROOT).contains(words);
      if (!byNumber && !byName) continue;
      out.add(json);
      if (++n == LIST_LIMIT) break;
    }
    return out.toString();
  }

  public Optional<String> find(String id) throws StoreFailure {
    return store.find(id);
  }

  private static Map<?, ?> read(String json) {
    return Json.read(json) instanceof Map<?, ?> m ? m : Map.of();
  }
}
