package org.empathyivr.adapter.vosk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeHeapTest {
  @Test
  void givesFreedNativeMemoryBackOnTheLinuxTheServiceRunsOn() {
    assertTrue(NativeHeap.canTrim(), "malloc_trim found in the C library");
    // A large block freed sits in glibc's heap until trimmed; whether pages come back depends on the heap's layout,
    // so only that the call works is certain.
    NativeHeap.trim();
  }
}
