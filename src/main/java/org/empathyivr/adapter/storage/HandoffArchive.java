package org.empathyivr.adapter.storage;

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
}
