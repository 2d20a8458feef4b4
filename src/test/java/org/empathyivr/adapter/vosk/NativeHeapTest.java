package org.empathyivr.adapter.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

class NativeHeapTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void givesFreedNativeMemoryBackOnTheLinuxTheServiceRunsOn() {
    assertTrue(NativeHeap.canTrim(), "malloc_trim found in the C library");
    // A large block freed sits in glibc's heap until trimmed; whether pages come back depends on the heap's layout,
    // so only that the call works is certain.
    NativeHeap.trim();
  }

  @Test
  void seesNativeMemoryTakenAndGivenBack() {
    NativeHeap.Usage before = NativeHeap.usage().orElseThrow(() -> new AssertionError("no usage from the C library"));
    // Many small blocks (below any mmap threshold) from the allocator's heap, as a recognizer takes them: 64 MiB, so
    // that what other threads of the JVM take or give back meanwhile (once 2 MiB of 16) cannot hide it.
    long[] blocks = new long[64 * 64];
    for (int i = 0; i < blocks.length; i++) blocks[i] = Native.malloc(16 * 1024);
    NativeHeap.Usage holding = NativeHeap.usage().orElseThrow();
    for (long block : blocks) Native.free(block);
    NativeHeap.Usage after = NativeHeap.usage().orElseThrow();

    assertEquals("glibc", before.allocator(), "the tests run on glibc's allocator");
    assertTrue(holding.inUseBytes() - before.inUseBytes() >= 56 * MIB, before + " then " + holding);
    assertTrue(holding.inUseBytes() - after.inUseBytes() >= 56 * MIB, holding + " then " + after);
  }
}
