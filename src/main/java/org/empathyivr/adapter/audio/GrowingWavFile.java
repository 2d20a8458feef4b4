package org.empathyivr.adapter.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.empathyivr.domain.port.Audio;

/**
 * A WAV file read while another process is still writing it, as Asterisk writes a {@code RECORD FILE} recording.
 *
 * <p>Asterisk ({@code format_wav.c}) writes the 44-byte header with its RIFF and data sizes set to zero, appends the
 * audio through a 32 KiB stdio buffer (so the file grows in bursts, and stays empty for the first two seconds), and
 * fills in the sizes only when it truncates or closes the file. On a silence end it also cuts the trailing silence
 * off, so the file can shrink at the very end. So while the file grows, sizes in the header are ignored and
 * everything after the data chunk's header, in whole samples, is audio; {@link #finish()} reads the closed file and
 * trusts its sizes. A missing file, or one too short to hold its header yet, simply has no new audio.
 *
 * <p>Each sample is handed out once: {@link #readNew()} gives what was added since the last call, and
 * {@link #finish()} the rest of the final file. Audio handed out that the writer later cut off stays handed out.
 * Used by one thread at a time.
 */
public final class GrowingWavFile {
  /** A header longer than this (a very long LIST chunk) is not a recording Asterisk wrote. */
  private static final int MAX_HEADER_BYTES = 64 * 1024;

  private final Path path;
  private long dataStart = -1;
  private int rateHz;
  private int channels;
  private long samplesRead;

  public GrowingWavFile(Path path) {
    if (path == null) throw new IllegalArgumentException("path == null");
    this.path = path;
  }

  /** The audio written since the last call, or empty when there is none yet. */
  public Optional<Audio> readNew() throws IOException {
    try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = file.size();
      if (dataStart < 0 && !readHeader(file, size)) return Optional.empty();
      long available = (size - dataStart) / (2L * channels) - samplesRead;
      if (available <= 0) return Optional.empty();
      Audio added = readSamples(file, available);
      return added.isEmpty() ? Optional.empty() : Optional.of(added);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * The audio of the closed file that was not handed out yet, and all of the file's audio.
   *
   * @throws NoSuchFileException when the file was never written
   */
  public Finished finish() throws IOException {
    Audio whole = WavFile.read(path);
    short[] all = whole.samples();
    int from = (int) Math.min(samplesRead, all.length);
    short[] rest = new short[all.length - from];
    System.arraycopy(all, from, rest, 0, rest.length);
    samplesRead = Math.max(samplesRead, all.length);
    return new Finished(new Audio(whole.sampleRateHz(), rest), whole);
  }

  /**
   * What {@link #finish()} gives.
   *
   * @param rest the audio not handed out before (empty when the file ended before what was handed out)
   * @param whole the file's audio, as the writer left it
   */
  public record Finished(Audio rest, Audio whole) {}

  /** How many samples were handed out. */
  public long samplesRead() {
    return samplesRead;
  }

  private boolean readHeader(FileChannel file, long size) throws IOException {
    int length = (int) Math.min(size, MAX_HEADER_BYTES);
    ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buf.hasRemaining() && file.read(buf, buf.position()) > 0) {}
    buf.flip();
    if (buf.limit() < 12) return false;
    if (buf.getInt(0) != 0x46464952 /* RIFF */ || buf.getInt(8) != 0x45564157 /* WAVE */) {
      throw new IOException(path + ": not a RIFF/WAVE file");
    }
    int format = -1;
    int bits = 0;
    int pos = 12;
    while (pos + 8 <= buf.limit()) {
      int id = buf.getInt(pos);
      long chunkSize = buf.getInt(pos + 4) & 0xFFFFFFFFL;
      int body = pos + 8;
      if (id == 0x20746d66 /* "fmt " */) {
        if (body + 16 > buf.limit()) return false;
        format = buf.getShort(body) & 0xFFFF;
        channels = buf.getShort(body + 2) & 0xFFFF;
        rateHz = buf.getInt(body + 4);
        bits = buf.getShort(body + 14) & 0xFFFF;
      } else if (id == 0x61746164 /* data */) {
        if (format != 1 || bits != 16 || channels < 1 || rateHz <= 0) {
          throw new IOException(path + ": not 16-bit PCM (format " + format + ", " + bits + " bits)");
        }
        dataStart = body;
        return true;
      }
      if (body + chunkSize > MAX_HEADER_BYTES) throw new IOException(path + ": no data chunk in the first 64 KiB");
      pos = (int) (body + chunkSize + (chunkSize & 1));
    }
    return false;
  }

  private Audio readSamples(FileChannel file, long count) throws IOException {
    int frameBytes = 2 * channels;
    ByteBuffer buf = ByteBuffer.allocate((int) (count * frameBytes)).order(ByteOrder.LITTLE_ENDIAN);
    long at = dataStart + samplesRead * frameBytes;
    while (buf.hasRemaining()) {
      int n = file.read(buf, at + buf.position());
      if (n <= 0) break; // cut short by the writer since we measured it
    }
    buf.flip();
    short[] samples = new short[buf.limit() / frameBytes];
    for (int i = 0; i < samples.length; i++) samples[i] = buf.getShort(i * frameBytes);
    samplesRead += samples.length;
    return new Audio(rateHz, samples);
  }
}
