package org.empathyivr.adapter.vosk;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Structure;
import java.util.Optional;

/**
 * The C library's heap, where Vosk's recognizers live. glibc keeps freed memory in its arenas for reuse, so a process
 * that creates and closes a recognizer per utterance grows for hundreds of calls after its real need has levelled
 * off; {@link #trim()} ({@code malloc_trim(0)}) returns the free pages. {@link #usage()} says what the heap holds, for
 * the soak to tell a leak (memory in use growing) from memory held free: glibc's {@code mallinfo2}, or jemalloc's
 * statistics when jemalloc replaces it ({@code LD_PRELOAD}, as the systemd unit does). Where there is neither, nothing
 * is done and there is no usage. Thread-safe.
 */
public final class NativeHeap {
  private static final Optional<Function> MALLOC_TRIM = lookUp("malloc_trim");
  /** glibc 2.33 and later; {@code mallinfo}'s int fields would wrap above 2 GiB. */
  private static final Optional<Function> MALLINFO2 = lookUp("mallinfo2");
  /** jemalloc's control interface, when jemalloc is the process's allocator. */
  private static final Optional<Function> MALLCTL = lookUpInProcess("mallctl");

  private NativeHeap() {}

  /**
   * What the native heap holds, in all its arenas.
   *
   * @param allocator {@code glibc} or {@code jemalloc}
   * @param inUseBytes allocated and not freed
   * @param heldFreeBytes freed and kept by the allocator: for glibc, all the free space in its arenas, of which the
   *     part {@link #trim()} gave back is no longer resident; for jemalloc, what is resident beyond the allocations
   *     (its own bookkeeping included)
   */
  public record Usage(String allocator, long inUseBytes, long heldFreeBytes) {
    private static final long MIB = 1024 * 1024;

    @Override
    public String toString() {
      return allocator + " malloc in use " + inUseBytes / MIB + " MiB, held free " + heldFreeBytes / MIB + " MiB";
    }
  }

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

  /** What the heap holds now; empty without jemalloc or glibc 2.33 or later. */
  public static Optional<Usage> usage() {
    if (MALLCTL.isPresent()) return jemallocUsage(MALLCTL.get());
    return MALLINFO2.map(f -> {
      MallInfo2 info = (MallInfo2) f.invoke(MallInfo2.class, new Object[0]);
      return new Usage("glibc", info.uordblks + info.hblkhd, info.fordblks);
    });
  }

  private static Optional<Usage> jemallocUsage(Function mallctl) {
    Memory epoch = new Memory(Long.BYTES);
    epoch.setLong(0, 1);
    // Statistics are a snapshot taken when the epoch advances.
    if (mallctl.invokeInt(new Object[] {"epoch", null, null, epoch, (long) Long.BYTES}) != 0) return Optional.empty();
    Optional<Long> allocated = jemallocStatistic(mallctl, "stats.allocated");
    Optional<Long> resident = jemallocStatistic(mallctl, "stats.resident");
    return allocated.flatMap(a -> resident.map(r -> new Usage("jemalloc", a, Math.max(0, r - a))));
  }

  private static Optional<Long> jemallocStatistic(Function mallctl, String name) {
    Memory value = new Memory(Long.BYTES);
    Memory length = new Memory(Long.BYTES);
    length.setLong(0, Long.BYTES);
    if (mallctl.invokeInt(new Object[] {name, value, length, null, 0L}) != 0) return Optional.empty();
    return Optional.of(value.getLong(0));
  }

  /** glibc's {@code struct mallinfo2}: ten {@code size_t} fields, returned by value. */
  @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
      "fordblks", "keepcost"})
  public static final class MallInfo2 extends Structure implements Structure.ByValue {
    public long arena;
    public long ordblks;
    public long smblks;
    public long hblks;
    public long hblkhd;
    public long usmblks;
    public long fsmblks;
    public long uordblks;
    public long fordblks;
    public long keepcost;
  }

  private static Optional<Function> lookUpInProcess(String name) {
    try {
      return Optional.of(NativeLibrary.getProcess().getFunction(name));
    } catch (UnsatisfiedLinkError e) {
      return Optional.empty();
    }
  }

  /** A function of the C library, when this platform has it (also for {@link DecodingThreads}). */
  static Optional<Function> lookUp(String name) {
    try {
      return Optional.of(NativeLibrary.getInstance("c").getFunction(name));
    } catch (UnsatisfiedLinkError e) {
      return Optional.empty();
    }
  }
}
