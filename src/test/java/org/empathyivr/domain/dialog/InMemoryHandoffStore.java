package org.empathyivr.domain.dialog;

import java.util.ArrayList;
import java.util.List;
import org.empathyivr.domain.port.HandoffStore;
import org.empathyivr.domain.summary.Handoff;

/** Keeps handoffs in a list; can be told to be unreachable. */
final class InMemoryHandoffStore implements HandoffStore {
  private final List<Handoff> saved = new ArrayList<>();
  private boolean down;

  void goDown() {
    down = true;
  }

  @Override
  public void save(Handoff handoff) throws StoreFailure {
    if (down) throw new StoreFailure("store is down", new java.io.IOException("connection refused"));
    saved.add(handoff);
  }

  List<Handoff> saved() {
    return saved;
  }
}
