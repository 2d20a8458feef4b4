package org.empathyivr.simulate;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A {@code RECORD FILE} recording written as Asterisk 22 writes it while the caller speaks, so a service that reads
 * the file before the reply sees what it would see on a real line.
 *
 * <p>{@code ast_writefile()} (main/file.c) creates the file at once and gives its {@code FILE} a 32 KiB buffer
 * ({@code setvbuf(..., 32768)}); {@code format_wav.c} puts a 44-byte header with RIFF and data sizes of zero into that
 * buffer, then each 20 ms frame. So the file stays empty until 32 KiB are due (about two seconds of 8 kHz audio) and
 * then grows in 32 KiB bursts, cut anywhere in a frame. On a silence end Asterisk rewinds over the silence it no longer
 * wants (flushing the buffer first), truncates the file there and writes the sizes; on any end, closing the file
 * flushes the rest and writes the sizes. Other formats are written whole when the recording ends.
 *
 * <p>A full disk does not stop the recording: {@code handle_recordfile()} (res/res_agi.c) ignores what {@code
 * ast_writestream()} returns, so Asterisk records on and answers as usual. Each 32 KiB burst that finds no room is
 * dropped (glibc empties the buffer of a failed write), and what reached the disk stays. At a silence or key end
 * Asterisk's rewind fails (the seek must flush first), the file is truncated where the disk stopped it, and {@code
 * endpos} is what {@code wav_tell()} says of that: {@code (position - 44) / 2}, below zero when not even the header got
 * in. At a time limit or hangup {@code endpos} is the last position after a frame, dropped bursts not counted. The
 * sizes in the header are written only where the header is on the disk. (Read from res_agi.c, format_wav.c and
 * glibc's libio; no capture of a real full disk backs it.)
 *
 * <p>Used by the session's thread only.
 */
final class GrowingRecording {
  /** The stdio buffer {@code ast_writefile()} gives every file it writes. */
  static final int WRITE_BUFFER_BYTES = 32768;
  private static final int HEADER_BYTES = 44;

  private final Path file;
  private final String format;
  private final short[] written;
  private final int keptSamples;
  private final long startsAfterMs;
  private final ByteBuffer buffer = ByteBuffer.allocate(WRITE_BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  private FileChannel out;
  private int samplesDue;
  private boolean finished;
  /** Whether a write found no room; from then on the reply's {@code endpos} is {@link #endpos}. */
  private boolean writeFailed;
  /** {@code ftello()} after the last frame: bytes on the disk plus bytes in the buffer. */
  private long positionAfterFrame;
  private long endpos;
  private boolean rewinds;

  /**
   * @param written every frame Asterisk writes, silence it later cuts off included
   * @param keptSamples how many samples the file holds in the end
   * @param startsAfterMs when the first frame is recorded, after the command arrived (the beep)
   */
  private GrowingRecording(Path file, String format, short[] written, int keptSamples, long startsAfterMs) {
    this.file = file;
    this.format = format;
    this.written = written;
    this.keptSamples = keptSamples;
    this.startsAfterMs = startsAfterMs;
  }

  /** Creates the file, empty, as {@code ast_writefile()} does; throws where Asterisk answers {@code (writefile)}. */
  static GrowingRecording create(Path file, String format, short[] written, int keptSamples, long startsAfterMs)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) throw new IOException("no directory for " + file);
    GrowingRecording recording = new GrowingRecording(file, format, written, keptSamples, startsAfterMs);
    recording.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
    if (format.equals("wav")) {
      recording.buffer.put("RIFF".getBytes(US_ASCII)).putInt(0);
      recording.buffer.put("WAVEfmt ".getBytes(US_ASCII)).putInt(16);
      recording.buffer.putShort((short) 1).putShort((short) 1).putInt(Recorder.RATE_HZ).putInt(Recorder.RATE_HZ * 2);
      recording.buffer.putShort((short) 2).putShort((short) 16);
      recording.buffer.put("data".getBytes(US_ASCII)).putInt(0);
    }
    return recording;
  }

  long startsAfterMs() {
    return startsAfterMs;
  }

  /** Writes the frames recorded in the first {@code ms} of the recording. */
  void advanceTo(long ms) throws IOException {
    if (finished || !format.equals("wav")) return;
    long frames = Math.min(Math.max(0, ms) / Recorder.FRAME_MS, written.length / Recorder.FRAME_SAMPLES + 1);
    int due = (int) Math.min(written.length, frames * Recorder.FRAME_SAMPLES);
    for (; samplesDue < due; samplesDue++) {
      buffer.putShort(written[samplesDue]);
      if (!buffer.hasRemaining()) flush();
      if ((samplesDue + 1) % Recorder.FRAME_SAMPLES == 0) positionAfterFrame = out.position() + buffer.position();
    }
  }

  /** Whether the disk refused some of the recording (Asterisk answers as usual all the same). */
  boolean writeFailed() {
    return writeFailed;
  }

  /** The recording ends on silence or a key: Asterisk rewinds, truncates, and reports the position after that. */
  GrowingRecording rewinding() {
    rewinds = true;
    return this;
  }

  /** What Asterisk reports as {@code endpos} after a failed write, once {@link #finish} has run. */
  long endposAfterWriteFailure() {
    return rewinds ? endpos : (positionAfterFrame - HEADER_BYTES) / 2;
  }

  /** Writes the rest, trims what Asterisk cuts off, writes the sizes and closes the file. Idempotent. */
  void finish() throws IOException {
    if (finished) return;
    advanceTo(Long.MAX_VALUE);
    finished = true;
    try (FileChannel channel = out) {
      if (!format.equals("wav")) {
        channel.close();
        RecordingFiles.write(file, format, Arrays.copyOf(written, keptSamples));
        return;
      }
      flush();
      if (writeFailed) {
        // The rewind's seek failed with the flush; ftruncate() at the position changes nothing; update_header().
        long onDisk = channel.size();
        endpos = (channel.position() - HEADER_BYTES) / 2;
        if (onDisk >= HEADER_BYTES) writeSizes(channel, onDisk - HEADER_BYTES);
        return;
      }
      long dataBytes = 2L * keptSamples;
      channel.truncate(HEADER_BYTES + dataBytes);
      writeSizes(channel, dataBytes);
    }
  }

  private static void writeSizes(FileChannel channel, long dataBytes) throws IOException {
    ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    channel.write(size.putInt(0, (int) (36 + dataBytes)), 4);
    channel.write(size.putInt(0, (int) dataBytes).rewind(), 40);
  }

  /** Writes the buffer as {@code fflush()} does; on a full disk what fitted stays and the rest is dropped. */
  private void flush() throws IOException {
    buffer.flip();
    try {
      while (buffer.hasRemaining()) out.write(buffer);
    } catch (IOException e) {
      if (!RecordingFiles.isNoSpace(e)) throw e;
      writeFailed = true;
    }
    buffer.clear();
  }
}
