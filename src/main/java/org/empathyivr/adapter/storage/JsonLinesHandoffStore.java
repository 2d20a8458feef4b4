package org.empathyivr.adapter.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.summary.Handoff;

/**
 * Handoffs appended to a file, one JSON object per line, each forced to disk before {@link #save} returns. A handoff
 * already in the file is not appended again (the file is scanned for its id, so saving slows as the file grows: this
 * store suits small sites and tests; the database stores suit the rest).
 *
 * <p>Thread-safe: lines from concurrent calls never interleave. The file is opened per write, so an admin may rotate
 * it at any time.
 */
public final class JsonLinesHandoffStore implements HandoffArchive {
  /** How a {@code handoff.store-url} names a JSON-lines file: {@code jsonl:/var/lib/empathy-ivr/handoffs.jsonl}. */
  public static final String SCHEME = "jsonl:";

  private final Path file;

  public JsonLinesHandoffStore(Path file) {
    this.file = file;
  }

  /** Creates the directory and checks the file can be appended to, so a bad path stops startup, not a call. */
  @Override
  public void check() throws StoreFailure {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) Files.createDirectories(dir);
      try (FileChannel ignored = open()) {
        // opened for append: writable
      }
    } catch (IOException e) {
      throw new StoreFailure("cannot append to " + file + ": " + e, e);
    }
  }

  @Override
  public void save(Handoff handoff) throws StoreFailure {
    saveRecord(HandoffJson.write(handoff));
  }

  @Override
  public synchronized void saveRecord(String json) throws StoreFailure {
    String id = HandoffRow.of(json).id();
    byte[] line = (json + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      if (find(id).isPresent()) return;
      try (FileChannel out = open()) {
        JsonLines.appendWhole(out, line);
      }
    } catch (IOException | StoreFailure e) {
      throw new StoreFailure("cannot append handoff " + id + " to " + file, e);
    }
  }

  /** The last lines of the file, last first: calls save their handoffs in the order they end. */
  @Override
  public synchronized List<String> newest(int limit) throws StoreFailure {
    if (limit < 0) throw new IllegalArgumentException("limit < 0: " + limit);
    Deque<String> latest = new ArrayDeque<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank()) continue;
        latest.addFirst(line);
        if (latest.size() > limit) latest.removeLast();
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new StoreFailure("cannot read " + file + ": " + e, e);
    }
    return new ArrayList<>(latest);
  }

  @Override
  public synchronized Optional<String> find(String id) throws StoreFailure {
    String prefix = HandoffJson.idPrefix(id) + ",";
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) if (line.startsWith(prefix)) return Optional.of(line);
      return Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreFailure("cannot read " + file + ": " + e, e);
    }
  }

  @Override
  public void close() {
    // nothing held open between writes
  }

  private FileChannel open() throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }
}
