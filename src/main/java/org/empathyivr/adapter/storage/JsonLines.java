package org.empathyivr.adapter.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appending one JSON record a line to a file, each line whole and forced to disk, or not there at all. */
final class JsonLines {
  private JsonLines() {}

  /** Appends {@code json} and a line break to {@code file}, creating it, as {@link #appendWhole} does. */
  static void append(Path file, String json) throws IOException {
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      appendWhole(out, (json + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Appends a whole line and forces it to disk, or nothing: a disk that fills up part way through takes the start of a
   * line, and the next line appended (once there is room) would run on from it, both unreadable. Cut back to where it
   * was instead; shrinking a file needs no space.
   */
  static void appendWhole(FileChannel out, byte[] line) throws IOException {
    long before = out.size();
    try {
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) out.write(buf);
      out.force(true);
    } catch (IOException e) {
      try {
        out.truncate(before);
      } catch (IOException notCut) {
        e.addSuppressed(notCut);
      }
      throw e;
    }
  }
}
