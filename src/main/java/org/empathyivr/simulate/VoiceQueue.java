package org.empathyivr.simulate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The voice frames Asterisk queues toward the caller's channel, as {@code __ast_queue_frame()} (main/channel.c) keeps
 * them: Asterisk writes every frame it reads from the AudioSocket server at once, without pacing, and when a frame
 * would make more than 96 voice frames wait on the queue it first discards the oldest 64 (keeping the newest one
 * queued). A 150-frame burst so reaches the caller as frames #64 to #149, a 95-frame burst whole (capture:
 * audiosocket-burst.txt, C). The caller's side takes what waits when the burst is over.
 */
final class VoiceQueue<T> {
  static final int MAX_VOICE = 96;
  static final int DISCARDED = 64;

  private final Deque<T> queued = new ArrayDeque<>();
  private int discarded;

  /** Queues one frame; returns how many older frames this discarded (0 or up to 64). */
  int add(T frame) {
    int dropped = 0;
    if (queued.size() + 1 > MAX_VOICE) {
      while (dropped < DISCARDED && queued.size() > 1) {
        queued.pollFirst();
        dropped++;
      }
    }
    queued.addLast(frame);
    discarded += dropped;
    return dropped;
  }

  boolean isEmpty() {
    return queued.isEmpty();
  }

  /** The frames waiting, oldest first; the queue is empty afterwards. */
  List<T> take() {
    List<T> out = new ArrayList<>(queued);
    queued.clear();
    return out;
  }

  /** How many frames this queue has discarded so far. */
  int discarded() {
    return discarded;
  }
}
