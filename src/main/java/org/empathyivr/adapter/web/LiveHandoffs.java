package org.empathyivr.adapter.web;

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * New handoffs as they are stored, fanned out to every open agent page. Each subscriber has its own bounded queue; a
 * page too slow to keep up loses live events, never the handoffs (they are in the store, and a reload shows them).
 * Thread-safe.
 */
public final class LiveHandoffs {
  static final int QUEUE_LIMIT = 1000;

  private final Set<BlockingQueue<String>> subscribers = ConcurrentHashMap.newKeySet();

  /** Announces a stored handoff, given as its JSON record. Never blocks. */
  public void publish(String json) {
    for (BlockingQueue<String> q : subscribers) q.offer(json);
  }

  BlockingQueue<String> subscribe() {
    BlockingQueue<String> q = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    subscribers.add(q);
    return q;
  }

  void unsubscribe(BlockingQueue<String> q) {
    subscribers.remove(q);
  }

  int subscribers() {
    return subscribers.size();
  }
}
