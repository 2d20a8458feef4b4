package org.empathyivr.adapter.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.summary.Handoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store that keeps working while its database is down: a handoff the database refuses is appended to a local
 * JSON-lines file (forced to disk) and moved into the database when it answers again, by a background thread every
 * {@code retry} and before every later save. {@link #save} fails only when both the database and the file refuse.
 *
 * <p>Pending records survive restarts: the file is read again at {@link #check}. The webhook outbox rows of a
 * pending handoff are written when it reaches the database. While records are pending, {@link #newest} and
 * {@link #find} include them. Thread-safe.
 *
 * <p>When the file cannot be written either (its disk is full), a handoff waits in memory, at most
 * {@link #MAX_IN_MEMORY} of them (a few KiB each for a short call: a few MiB in all); it goes to the database when
 * that answers, or to the file when its disk has room again, whichever comes first. Only past that bound, or when the
 * process ends before either returns, is a handoff lost, and {@link #save} then fails.
 */
public final class FallbackHandoffStore implements HandoffArchive {
  private static final Logger log = LoggerFactory.getLogger(FallbackHandoffStore.class);
  /** The most handoffs kept in memory while both the database and the file refuse them. */
  public static final int MAX_IN_MEMORY = 1_000;

  private final HandoffArchive database;
  private final Path pendingFile;
  private final Duration retry;
  private final Runnable onDrained;
  private final Object lock = new Object();
  /** Handoffs neither the database nor the file took, oldest first; guarded by {@link #lock}. */
  private final MemoryBacklog inMemory = new MemoryBacklog(MAX_IN_MEMORY);
  private volatile Runnable onNoSpace = () -> {};
  private Thread drainer;
  private volatile boolean running;

  /**
   * @param pendingFile where refused handoffs wait, one JSON record a line
   * @param onDrained run after pending records reached the database (to wake the webhook deliverer)
   */
  public FallbackHandoffStore(HandoffArchive database, Path pendingFile, Duration retry, Runnable onDrained) {
    this.database = database;
    this.pendingFile = pendingFile;
    this.retry = retry;
    this.onDrained = onDrained;
  }

  /** Checks the database and the pending file, then starts moving pending records to the database. */
  @Override
  public void check() throws StoreFailure {
    database.check();
    try {
      Files.createDirectories(pendingFile.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new StoreFailure("cannot create the directory of " + pendingFile + ": " + e, e);
    }
    synchronized (lock) {
      if (drainer != null) return;
      running = true;
      drainer = new Thread(this::drainEvery, "handoff-fallback");
      drainer.setDaemon(true);
      drainer.start();
    }
  }

  @Override
  public void save(Handoff handoff) throws StoreFailure {
    saveRecord(HandoffJson.write(handoff));
  }

  @Override
  public void saveRecord(String json) throws StoreFailure {
    synchronized (lock) {
      try {
        drain();
        database.saveRecord(json);
        return;
      } catch (StoreFailure down) {
        try {
          spillMemory();
          append(json);
        } catch (IOException e) {
          keepInMemory(json, down, e);
          return;
        }
        log.error("handoff kept in {} until the store answers again: {}", pendingFile, down.getMessage());
      }
    }
  }

  /** Runs {@code counter} each time a handoff finds no space in the pending file (for metrics). */
  public void countNoSpace(Runnable counter) {
    this.onNoSpace = counter;
  }

  /** Keeps a handoff that neither the database nor the file took; called with the lock held. */
  private void keepInMemory(String json, StoreFailure down, IOException fileFailure) throws StoreFailure {
    boolean noSpace = isNoSpace(fileFailure);
    if (noSpace) onNoSpace.run();
    if (!inMemory.keep(json)) {
      fileFailure.addSuppressed(down);
      throw new StoreFailure("the database refused the handoff, " + pendingFile + " too (" + fileFailure
          + "), and " + MAX_IN_MEMORY + " handoffs already wait in memory: this one is lost", fileFailure);
    }
    // Once when the first one is kept, then at every hundred: not a line a call while the outage lasts.
    if (inMemory.size() == 1 || inMemory.size() % 100 == 0) {
      log.error("{} handoffs kept in memory (at most {}) until the store answers or {} can be written again: {}"
              + " refused it ({}) and the store is down ({}); they are lost if the service stops first",
          inMemory.size(), MAX_IN_MEMORY, pendingFile, pendingFile, noSpace ? "its disk is full" : fileFailure,
          down.getMessage());
    }
  }

  /** Moves the handoffs kept in memory to the file, oldest first; called with the lock held. */
  private void spillMemory() throws IOException {
    if (inMemory.isEmpty()) return;
    inMemory.moveTo(this::append);
    log.info("{} has room again: the handoffs kept in memory are in it", pendingFile);
  }

  private static boolean isNoSpace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) return true;
    }
    return false;
  }

  /** Whether the database answers now: throws what it says when it does not. */
  public void checkDatabase() throws StoreFailure {
    database.newest(1);
  }

  /** How many handoffs wait for the database. */
  public int pending() throws StoreFailure {
    synchronized (lock) {
      return readPending().size() + inMemory.size();
    }
  }

  /** How many of those wait in memory because the file had no room. */
  public int pendingInMemory() {
    synchronized (lock) {
      return inMemory.size();
    }
  }

  @Override
  public List<String> newest(int limit) throws StoreFailure {
    List<String> all = new ArrayList<>();
    synchronized (lock) {
      List<String> pending = readPending();
      for (String json : inMemory.newestFirst()) if (all.size() < limit) all.add(json);
      for (int i = pending.size() - 1; i >= 0 && all.size() < limit; i--) all.add(pending.get(i));
    }
    if (all.size() < limit) all.addAll(database.newest(limit - all.size()));
    return all;
  }

  @Override
  public Optional<String> find(String id) throws StoreFailure {
    String prefix = HandoffJson.idPrefix(id) + ",";
    synchronized (lock) {
      for (String line : inMemory.newestFirst()) if (line.startsWith(prefix)) return Optional.of(line);
      for (String line : readPending()) if (line.startsWith(prefix)) return Optional.of(line);
    }
    return database.find(id);
  }

  @Override
  public void close() {
    Thread t;
    synchronized (lock) {
      running = false;
      t = drainer;
      drainer = null;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (lock) {
      try {
        drain();
      } catch (StoreFailure down) {
        try {
          spillMemory();
        } catch (IOException e) {
          if (!inMemory.isEmpty()) {
            log.error("{} handoffs kept in memory are lost: the store is down ({}) and {} still refuses them ({}): {}",
                inMemory.size(), down.getMessage(), pendingFile, e.toString(),
                inMemory.ids());
          }
        }
      }
    }
    database.close();
  }

  private void drainEvery() {
    while (running) {
      try {
        Thread.sleep(retry.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      synchronized (lock) {
        try {
          drain();
        } catch (StoreFailure e) {
          log.debug("store still down: {}", e.getMessage());
          try {
            spillMemory(); // the disk may have room again before the store answers
          } catch (IOException stillFull) {
            log.debug("{} still refuses the handoffs kept in memory: {}", pendingFile, stillFull.toString());
          }
        }
      }
    }
  }

  /**
   * Moves every pending record to the database, then empties the file, then the memory (the file's records are the
   * older ones: a record goes to memory only when the file refuses it, and memory empties into the file first);
   * called with the lock held.
   */
  private void drain() throws StoreFailure {
    drainFile();
    if (inMemory.isEmpty()) return;
    int stored = inMemory.moveTo(database::saveRecord);
    log.info("the store answers again: {} handoffs kept in memory stored", stored);
    onDrained.run();
  }

  private void drainFile() throws StoreFailure {
    List<String> pending = readPending();
    if (pending.isEmpty()) return;
    for (String json : pending) {
      try {
        database.saveRecord(json);
      } catch (IllegalArgumentException e) {
        // A line cut short by a crash while it was written: keep it for an operator rather than block the rest.
        setAside(json, e);
      }
    }
    try {
      Files.delete(pendingFile);
    } catch (IOException e) {
      // Every record is in the database: saving them again is harmless, so the next drain retries the delete.
      log.warn("cannot delete {} after storing its records: {}", pendingFile, e.toString());
      return;
    }
    log.info("the store answers again: {} kept handoffs stored", pending.size());
    onDrained.run();
  }

  private List<String> readPending() throws StoreFailure {
    try {
      List<String> lines = new ArrayList<>();
      for (String line : Files.readAllLines(pendingFile, StandardCharsets.UTF_8)) if (!line.isBlank()) lines.add(line);
      return lines;
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new StoreFailure("cannot read " + pendingFile + ": " + e, e);
    }
  }

  private void setAside(String json, IllegalArgumentException why) {
    Path bad = pendingFile.resolveSibling(pendingFile.getFileName() + ".unreadable");
    try {
      JsonLines.append(bad, json);
      log.error("a kept handoff line is unreadable ({}); moved to {}", why.getMessage(), bad);
    } catch (IOException e) {
      log.error("a kept handoff line is unreadable ({}) and cannot be moved to {}: {}", why.getMessage(), bad, e);
    }
  }

  private void append(String json) throws IOException {
    JsonLines.append(pendingFile, json);
  }
}
