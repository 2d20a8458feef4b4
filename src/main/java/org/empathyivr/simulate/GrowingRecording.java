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
    }
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
      long dataBytes = 2L * keptSamples;
      channel.truncate(HEADER_BYTES + dataBytes);
      ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      channel.write(size.putInt(0, (int) (36 + dataBytes)), 4);
      channel.write(size.putInt(0, (int) dataBytes).rewind(), 40);
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) out.write(buffer);
    buffer.clear();
  }
}
