package org.empathyivr.adapter.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills up in the middle of a line: the line is cut back, so the next one starts on a line of its own. */
class LineAppendTest {
  @TempDir Path dir;

  @Test
  void aLineTheDiskHadNoRoomForIsCutBackAndTheNextOneStartsCleanly() throws Exception {
    Path file = dir.resolve("handoffs-pending.jsonl");
    Files.writeString(file, "{\"id\":\"H-1\"}\n");
    try (FileChannel full = new RoomFor(10, FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND))) {
      IOException e = assertThrows(IOException.class,
          () -> JsonLines.appendWhole(full, "{\"id\":\"H-2\",\"issue\":\"long\"}\n".getBytes(StandardCharsets.UTF_8)));
      assertEquals("No space left on device", e.getMessage());
    }
    assertEquals("{\"id\":\"H-1\"}\n", Files.readString(file), "the 10 bytes that fitted are gone again");

    try (FileChannel room = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      JsonLines.appendWhole(room, "{\"id\":\"H-2\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("{\"id\":\"H-1\"}\n{\"id\":\"H-2\"}\n", Files.readString(file));
  }

  /** A file channel on a disk with room for {@code room} more bytes: writes take what fits, then fail as Linux's do. */
  private static final class RoomFor extends FileChannel {
    private final FileChannel file;
    private long room;

    RoomFor(long room, FileChannel file) {
      this.room = room;
      this.file = file;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      if (room == 0) throw new IOException("No space left on device");
      ByteBuffer part = src.slice();
      part.limit((int) Math.min(part.remaining(), room));
      int written = file.write(part);
      src.position(src.position() + written);
      room -= written;
      return written;
    }

    @Override public long size() throws IOException { return file.size(); }
    @Override public FileChannel truncate(long size) throws IOException { file.truncate(size); return this; }
    @Override public void force(boolean metaData) throws IOException { file.force(metaData); }
    @Override public int read(ByteBuffer dst) { throw new UnsupportedOperationException(); }
    @Override public long read(ByteBuffer[] dsts, int offset, int length) { throw new UnsupportedOperationException(); }
    @Override public long write(ByteBuffer[] srcs, int offset, int length) { throw new UnsupportedOperationException(); }
    @Override public long position() { throw new UnsupportedOperationException(); }
    @Override public FileChannel position(long newPosition) { throw new UnsupportedOperationException(); }
    @Override public long transferTo(long p, long c, WritableByteChannel t) { throw new UnsupportedOperationException(); }
    @Override public long transferFrom(ReadableByteChannel s, long p, long c) { throw new UnsupportedOperationException(); }
    @Override public int read(ByteBuffer dst, long position) { throw new UnsupportedOperationException(); }
    @Override public int write(ByteBuffer src, long position) { throw new UnsupportedOperationException(); }
    @Override public MappedByteBuffer map(MapMode mode, long p, long s) { throw new UnsupportedOperationException(); }
    @Override public FileLock lock(long p, long s, boolean shared) { throw new UnsupportedOperationException(); }
    @Override public FileLock tryLock(long p, long s, boolean shared) { throw new UnsupportedOperationException(); }
    @Override protected void implCloseChannel() throws IOException { file.close(); }
  }
}
