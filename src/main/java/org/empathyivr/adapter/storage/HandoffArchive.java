package org.empathyivr.adapter.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.port.HandoffStore;

/**
 * A handoff store as the service runs it: opened and checked at startup, read by agents, closed at the end.
 *
 * <p>{@link #save} is idempotent: saving a handoff whose id is already stored changes nothing. Records are read back
 * as the JSON {@link HandoffJson} writes. Thread-safe.
 */
public interface HandoffArchive extends HandoffStore, AutoCloseable {
  /** Opens the store, creating what is missing, so that a bad location stops startup rather than a call. */
  void check() throws StoreFailure;

  /**
   * Saves a handoff given as the JSON {@link HandoffJson#write} made of it (a record kept elsewhere while this store
   * was down). Idempotent like {@link #save}.
   *
   * @throws IllegalArgumentException when {@code json} is not such a record
   */
  void saveRecord(String json) throws StoreFailure;

  /** The latest handoffs, newest first, at most {@code limit}. */
  List<String> newest(int limit) throws StoreFailure;

  /** The handoff with this id, as JSON. */
  Optional<String> find(String id) throws StoreFailure;

  @Override
  void close();

  /**
   * The store a {@code handoff.store-url} names: {@code jsonl:/path} for a JSON-lines file, any other {@code jdbc:}
   * URL for a database (SQLite and PostgreSQL are the tested ones). Nothing is opened until {@link #check}.
   *
   * @param webhooks where each new handoff is to be delivered; needs a database, which holds the outbox
   */
  static HandoffArchive forUrl(String url, List<URI> webhooks) {
    if (url.startsWith(JsonLinesHandoffStore.SCHEME)) {
      if (!webhooks.isEmpty()) throw new IllegalArgumentException("webhooks need a jdbc: store, not " + url);
      return new JsonLinesHandoffStore(Path.of(url.substring(JsonLinesHandoffStore.SCHEME.length())));
    }
    if (url.startsWith("jdbc:")) return new JdbcHandoffStore(url, webhooks);
    throw new IllegalArgumentException("not a jsonl: or jdbc: URL: " + url);
  }
}
