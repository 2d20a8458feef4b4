package org.empathyivr.adapter.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 */
public final class FallbackHandoffStore implements HandoffArchive {
  private static final Logger log = LoggerFactory.getLogger(FallbackHandoffStore.class);

  private final HandoffArchive database;
  private final Path pendingFile;
  private final Duration retry;
  private final Runnable onDrained;
  private final Object lock = new Object();
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
          append(json);
        } catch (IOException e) {
          e.addSuppressed(down);
          throw new StoreFailure("the database refused the handoff and " + pendingFile + " too: " + e, e);
        }
        log.error("handoff kept in {} until the store answers again: {}", pendingFile, down.getMessage());
      }
    }
  }

  /** Whether the database answers now: throws what it says when it does not. */
  public void checkDatabase() throws StoreFailure {
    database.newest(1);
  }

  /** How many handoffs wait for the database. */
  public int pending() throws StoreFailure {
    synchronized (lock) {
      return readPending().size();
    }
  }

  @Override
  public List<String> newest(int limit) throws StoreFailure {
    List<String> all = new ArrayList<>();
    synchronized (lock) {
      List<String> pending = readPending();
      for (int i = pending.size() - 1; i >= 0 && all.size() < limit; i--) all.add(pending.get(i));
    }
    if (all.size() < limit) all.addAll(database.newest(limit - all.size()));
    return all;
  }

  @Override
  public Optional<String> find(String id) throws StoreFailure {
    String prefix = HandoffJson.idPrefix(id) + ",";
    synchronized (lock) {
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
        }
      }
    }
  }

  /** Moves every pending record to the database, then empties the file; called with the lock held. */
  private void drain() throws StoreFailure {
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
      append(bad, json);
      log.error("a kept handoff line is unreadable ({}); moved to {}", why.getMessage(), bad);
    } catch (IOException e) {
      log.error("a kept handoff line is unreadable ({}) and cannot be moved to {}: {}", why.getMessage(), bad, e);
    }
  }

  private void append(String json) throws IOException {
    append(pendingFile, json);
  }

  private static void append(Path file, String json) throws IOException {
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) out.write(buf);
      out.force(true);
    }
  }
}
