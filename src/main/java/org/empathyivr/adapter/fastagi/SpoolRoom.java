package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the spool directory can take files: writable, and with space on its disk. Asked at startup ({@code serve}
 * refuses a spool it cannot use; {@code check-config} reports it) and after each recording, which Asterisk writes with
 * no word to the service when the disk fills up.
 */
public final class SpoolRoom {
  /**
   * Below this the spool counts as full: about 30 s of recordings, or two personal prompts. Calls would fail at once.
   */
  public static final long MIN_FREE_BYTES = 1 << 20;
  /**
   * Asterisk writes a recording in bursts of its stdio buffer ({@code setvbuf(..., 32768)} in {@code
   * ast_writefile()}); with less than this free, the last burst of a recording may have found no room.
   */
  static final long ASTERISK_WRITE_BURST_BYTES = 32768;

  private SpoolRoom() {}

  /** Whether an I/O failure, or one of its causes, is a full disk (ENOSPC) or an exceeded quota (EDQUOT). */
  public static boolean isNoSpace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) return true;
      for (Throwable s : t.getSuppressed()) if (isNoSpace(s)) return true;
    }
    return false;
  }

  /** Bytes free for this process on the disk holding {@code dir}. */
  static long freeBytes(Path dir) throws IOException {
    return Files.getFileStore(dir).getUsableSpace();
  }

  /**
   * Writes and deletes a probe file in the spool, and checks the free space.
   *
   * @throws IOException saying what is wrong: not writable, no space left, or less than {@link #MIN_FREE_BYTES} free
   */
  static void require(Path spoolDir) throws IOException {
    Path probe;
    try {
      probe = Files.createTempFile(spoolDir, ".probe-", ".tmp");
    } catch (IOException e) {
      throw new IOException(isNoSpace(e) ? "no space left on its disk" : "not writable: " + e, e);
    }
    try {
      Files.write(probe, new byte[4096]);
    } catch (IOException e) {
      throw new IOException(isNoSpace(e) ? "no space left on its disk" : "not writable: " + e, e);
    } finally {
      Files.deleteIfExists(probe);
    }
    long free = freeBytes(spoolDir);
    if (free < MIN_FREE_BYTES) throw new IOException(tooLittle(free));
  }

  /**
   * What stops a spool directory from taking files, without creating anything: empty when it exists, is writable by
   * this user and has {@link #MIN_FREE_BYTES} free. One that does not exist yet (the installer or {@code serve} makes
   * it) is judged by the free space where it will be.
   */
  public static Optional<String> problem(Path spoolDir) {
    Path existing = spoolDir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null) return Optional.empty();
    boolean exists = existing.equals(spoolDir.toAbsolutePath());
    String where = exists ? "" : " (not there yet; on the disk of " + existing + ")";
    if (!Files.isDirectory(existing)) return Optional.of("spool.dir " + spoolDir + ": " + existing + " is not a directory");
    if (exists && !Files.isWritable(existing)) {
      return Optional.of("spool.dir " + spoolDir + " is not writable by this user (or its file system is read-only)");
    }
    try {
      long free = freeBytes(existing);
      if (free < MIN_FREE_BYTES) return Optional.of("spool.dir " + spoolDir + where + ": " + tooLittle(free));
    } catch (IOException e) {
      return Optional.of("spool.dir " + spoolDir + where + ": cannot tell the free space: " + e);
    }
    return Optional.empty();
  }

  private static String tooLittle(long free) {
    return (free == 0 ? "no space left on its disk" : "only " + free + " bytes free on its disk")
        + ", less than the " + MIN_FREE_BYTES / 1024 + " KiB calls need; free some space or point spool.dir elsewhere";
  }
}
