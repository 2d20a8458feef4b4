package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;

/**
 * The per-call part of the spool: {@code <spool>/calls/<id>/} for a call's prompts and recordings while it runs, and
 * {@code <spool>/recordings/<id>/} for recordings kept after transcription when {@code spool.keep-recordings-hours}
 * asks for it (by default none are kept: a recording is deleted as soon as it is transcribed).
 *
 * <p>The id comes from Asterisk's request, that is from the network: it names a directory only when it is a plain
 * name ({@code 1795458575.313361}); anything else ({@code ../../etc}, slashes, NUL, a megabyte) is named by its hash,
 * so no input steers a path out of the spool. Thread-safe.
 */
public final class CallSpool {
  /** Letters, digits, dots, dashes and underscores, not starting with a dot: never "..", never a path. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");
  /** How often kept recordings are looked through for expired ones while the line runs. */
  private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(10);

  private final Path spoolDir;
  private final Path callsDir;
  private final Path recordingsDir;
  private final Duration keepRecordings;
  private final SpoolAlarm alarm;
  private final java.util.concurrent.atomic.AtomicReference<Instant> nextSweep =
      new java.util.concurrent.atomic.AtomicReference<>(Instant.MIN);

  /** @param keepRecordings how long a recording is kept after transcription; zero deletes it at once */
  public CallSpool(Path spoolDir, Duration keepRecordings) {
    if (keepRecordings.isNegative()) throw new IllegalArgumentException("keepRecordings < 0: " + keepRecordings);
    this.spoolDir = spoolDir;
    this.alarm = new SpoolAlarm(spoolDir);
    this.callsDir = spoolDir.resolve("calls");
    this.recordingsDir = spoolDir.resolve("recordings");
    this.keepRecordings = keepRecordings;
  }

  /** Creates the directories; fails, saying why, when the spool is not writable or its disk is (nearly) full. */
  void prepare() throws IOException {
    Files.createDirectories(callsDir);
    if (!keepRecordings.isZero()) Files.createDirectories(recordingsDir);
    SpoolRoom.require(spoolDir);
  }

  /** Where the calls report that the spool's disk is full. */
  SpoolAlarm alarm() {
    return alarm;
  }

  /** Whether the spool's disk has less free than one burst of Asterisk's writes (so a recording may be cut short). */
  boolean tooFullForRecordings() {
    try {
      return SpoolRoom.freeBytes(spoolDir) < SpoolRoom.ASTERISK_WRITE_BURST_BYTES;
    } catch (IOException e) {
      return false; // the recording itself tells whether it is whole
    }
  }

  Path callsDir() {
    return callsDir;
  }

  /** The directory of the call with this id: always a direct child of {@code <spool>/calls}. */
  Path callDir(String callId) {
    return callsDir.resolve(dirName(callId));
  }

  /** A directory name for any id: the id itself when it is a plain name, else {@code id-} and its hash. */
  static String dirName(String callId) {
    if (PLAIN_NAME.matcher(callId).matches()) return callId;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(callId.getBytes(StandardCharsets.UTF_8));
      return "id-" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /**
   * A recording is transcribed: delete it, or keep it in {@code <spool>/recordings/<id>/} for the retention time.
   * A file that is not there (Asterisk wrote none) is no error.
   */
  void transcribed(Path wav, String callId) throws IOException {
    if (keepRecordings.isZero() || !Files.exists(wav)) {
      Files.deleteIfExists(wav);
      return;
    }
    Path kept = recordingsDir.resolve(dirName(callId));
    Files.createDirectories(kept);
    Files.move(wav, kept.resolve(wav.getFileName()), StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * A turn heard over AudioSocket, which Asterisk never wrote to disk: written to {@code <spool>/recordings/<id>/} as
   * {@code name}.wav when recordings are kept, so the retention the admin set holds on every line; nothing is written
   * otherwise.
   *
   * @return whether it was written
   */
  boolean keep(String callId, String name, Audio audio) throws IOException {
    if (keepRecordings.isZero() || audio.isEmpty()) return false;
    Path kept = recordingsDir.resolve(dirName(callId));
    Files.createDirectories(kept);
    WavFile.write(kept.resolve(name + ".wav"), audio, Optional.empty());
    return true;
  }

  /** Deletes the call's directory with whatever is left in it (prompts, a recording cut short). */
  void callEnded(String callId) throws IOException {
    deleteTree(callDir(callId));
  }

  /**
   * Deletes kept recordings older than the retention time, by file modification time, and the directories they leave
   * empty.
   *
   * @return how many recordings were deleted
   */
  int deleteExpired(Instant now) throws IOException {
    if (!Files.isDirectory(recordingsDir)) return 0;
    Instant oldest = now.minus(keepRecordings);
    int deleted = 0;
    List<Path> calls;
    try (Stream<Path> dirs = Files.list(recordingsDir)) {
      calls = dirs.filter(Files::isDirectory).toList();
    }
    for (Path call : calls) {
      List<Path> files;
      try (Stream<Path> listed = Files.list(call)) {
        files = listed.toList();
      }
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(oldest) && Files.deleteIfExists(file)) deleted++;
      }
      try (Stream<Path> left = Files.list(call)) {
        if (left.findAny().isEmpty()) Files.deleteIfExists(call);
      }
    }
    return deleted;
  }

  /** {@link #deleteExpired} when recordings are kept and the last sweep is {@link #SWEEP_INTERVAL} ago. */
  int sweep(Instant now) throws IOException {
    Instant due = nextSweep.get();
    if (keepRecordings.isZero() || now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
      return 0;
    }
    return deleteExpired(now);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
