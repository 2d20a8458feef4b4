package org.empathyivr.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Asterisk's voice queue toward the caller (channel.c __ast_queue_frame, capture C). */
class VoiceQueueTest {
  @Test
  void aBurstOf150KeepsFrames64To149() {
    assertEquals(IntStream.range(64, 150).boxed().toList(), burst(150));
  }

  @Test
  void upTo96QueuedFramesPassWholeAndThe97thDiscardsTheOldest64() {
    assertEquals(IntStream.range(0, 95).boxed().toList(), burst(95));
    assertEquals(IntStream.range(0, 96).boxed().toList(), burst(96));
    assertEquals(IntStream.range(64, 97).boxed().toList(), burst(97));
  }

  private static List<Integer> burst(int frames) {
    VoiceQueue<Integer> queue = new VoiceQueue<>();
    for (int i = 0; i < frames; i++) queue.add(i);
    return queue.take();
  }
}
