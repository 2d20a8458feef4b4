package org.empathyivr.adapter.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.StringJoiner;
import org.empathyivr.domain.dialog.Turn;
import org.empathyivr.domain.port.HandoffStore;
import org.empathyivr.domain.summary.Handoff;

/**
 * Handoffs appended to a file, one JSON object per line, each forced to disk before {@link #save} returns.
 *
 * <p>Thread-safe: lines from concurrent calls never interleave. The file is opened per write, so an admin may rotate
 * it at any time.
 */
public final class JsonLinesHandoffStore implements HandoffStore {
  private final Path file;

  public JsonLinesHandoffStore(Path file) {
    this.file = file;
  }

  /** Creates the directory and checks the file can be appended to, so a bad path stops startup, not a call. */
  public void check() throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) Files.createDirectories(dir);
    try (FileChannel ignored = open()) {
      // opened for append: writable
    }
  }

  @Override
  public synchronized void save(Handoff handoff) throws StoreFailure {
    byte[] line = (toJson(handoff) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel out = open()) {
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) out.write(buf);
      out.force(true);
    } catch (IOException e) {
      throw new StoreFailure("cannot append handoff " + handoff.id() + " to " + file, e);
    }
  }

  private FileChannel open() throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  static String toJson(Handoff h) {
    StringJoiner turns = new StringJoiner(",", "[", "]");
    for (Turn t : h.transcript()) {
      turns.add(
          "{\"at\":" + Json.quote(t.at().toString())
              + ",\"speaker\":" + Json.quote(t.speaker().name().toLowerCase())
              + ",\"text\":" + Json.quote(t.text())
              + ",\"confidence\":" + String.format(java.util.Locale.ROOT, "%.3f", t.confidence()) + "}");
    }
    return "{\"id\":" + Json.quote(h.id())
        + ",\"at\":" + Json.quote(h.at().toString())
        + ",\"callId\":" + Json.quote(h.callId())
        + ",\"channel\":" + Json.quote(h.channel())
        + ",\"callerNumber\":" + h.caller().number().map(Json::quote).orElse("null")
        + ",\"callerName\":" + h.caller().name().map(Json::quote).orElse("null")
        + ",\"nameSource\":" + Json.quote(h.caller().nameSource().label())
        + ",\"issue\":" + h.issue().map(Json::quote).orElse("null")
        + ",\"reflection\":" + h.reflection().map(Json::quote).orElse("null")
        + ",\"confirmed\":" + h.confirmed()
        + ",\"reason\":" + Json.quote(h.reason().label())
        + ",\"queue\":" + Json.quote(h.queue())
        + ",\"priority\":" + h.priority()
        + ",\"secondsWithAssistant\":" + h.withAssistant().toSeconds()
        + ",\"summary\":" + Json.quote(h.summaryLine())
        + ",\"transcript\":" + turns + "}";
  }
}
