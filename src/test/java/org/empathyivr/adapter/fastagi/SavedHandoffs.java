package org.empathyivr.adapter.fastagi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.empathyivr.domain.port.HandoffStore;
import org.empathyivr.domain.summary.Handoff;

/** Keeps handoffs in memory, for many call threads at once. */
final class SavedHandoffs implements HandoffStore {
  final List<Handoff> saved = new CopyOnWriteArrayList<>();

  @Override
  public void save(Handoff handoff) {
    saved.add(handoff);
  }
}
