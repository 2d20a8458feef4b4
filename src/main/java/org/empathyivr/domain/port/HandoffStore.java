package org.empathyivr.domain.port;

import org.empathyivr.domain.summary.Handoff;

/**
 * Durable storage of handoffs: once {@link #save} returns, the handoff survives a crash. Thread-safe.
 */
public interface HandoffStore {
  void save(Handoff handoff) throws StoreFailure;

  /** The store could not write. The cause says why. */
  final class StoreFailure extends Exception {
    public StoreFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
