package org.empathyivr.adapter.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * Handoff records that neither the database nor the pending file took (the store down and the spool's disk full),
 * oldest first, at most {@code capacity}: the last place a handoff waits before it would be lost. Not thread-safe: its
 * owner holds a lock.
 */
final class MemoryBacklog {
  /** Where kept records go when it takes them; throws what it says when it does not. */
  interface Sink<E extends Exception> {
    void take(String json) throws E;
  }

  private final int capacity;
  private final List<String> records = new ArrayList<>();

  MemoryBacklog(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity < 1: " + capacity);
    this.capacity = capacity;
  }

  /** Keeps a record; false, keeping nothing, when {@code capacity} records wait already. */
  boolean keep(String json) {
    if (records.size() >= capacity) return false;
    records.add(json);
    return true;
  }

  /**
   * Gives every record to {@code sink}, oldest first, each forgotten once taken; stops at the first refusal, which it
   * throws, keeping that record and the newer ones.
   *
   * @return how many were taken
   */
  <E extends Exception> int moveTo(Sink<E> sink) throws E {
    int moved = 0;
    while (!records.isEmpty()) {
      sink.take(records.get(0));
      records.remove(0);
      moved++;
    }
    return moved;
  }

  int size() {
    return records.size();
  }

  boolean isEmpty() {
    return records.isEmpty();
  }

  /** The records, newest first. */
  List<String> newestFirst() {
    List<String> newest = new ArrayList<>(records);
    java.util.Collections.reverse(newest);
    return newest;
  }

  /** The handoff ids of the records, for a log line. */
  List<String> ids() {
    return records.stream().map(MemoryBacklog::idOf).toList();
  }

  private static String idOf(String json) {
    try {
      return HandoffRow.of(json).id();
    } catch (IllegalArgumentException e) {
      return "(unreadable record)";
    }
  }
}
