package org.empathyivr.adapter.vosk;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Optional;

/**
 * Hands the native memory Vosk's recognizers freed back to the system. glibc keeps freed memory in its arenas for
 * reuse, so a process that creates and closes a recognizer per utterance grows for hundreds of calls after its real
 * need has levelled off; {@code malloc_trim(0)} returns the free pages. Where there is no glibc (no
 * {@code malloc_trim}), nothing is done. Thread-safe.
 */
final class NativeHeap {
  private static final Optional<Function> MALLOC_TRIM = lookUp();

  private NativeHeap() {}

  /** Whether this process's C library can give memory back ({@code malloc_trim} exists). */
  static boolean canTrim() {
    return MALLOC_TRIM.isPresent();
  }

  /**
   * Gives free native memory back to the system.
   *
   * @return whether any was given back
   */
  static boolean trim() {
    return MALLOC_TRIM.map(f -> f.invokeInt(new Object[] {0}) == 1).orElse(false);
  }

  private static Optional<Function> lookUp() {
    try {
      return Optional.of(NativeLibrary.getInstance("c").getFunction("malloc_trim"));
    } catch (UnsatisfiedLinkError e) {
      return Optional.empty();
    }
  }
}
