package org.empathyivr.adapter.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.empathyivr.domain.port.Audio;

/**
 * RIFF/WAVE files of 16-bit linear PCM, as Asterisk records and plays them.
 *
 * <p>Writes mono 16-bit PCM with an optional {@code LIST/INFO/ICMT} comment chunk (Asterisk plays such files; we keep
 * the prompt's text there so tools can show what a prompt says). Reads any chunk order, skips unknown chunks, and
 * refuses what is not 16-bit PCM. A data chunk whose size field is unset or larger than the file (a recording still
 * being written) is read up to the end of the file.
 */
public final class WavFile {
  private static final int PCM = 1;
  private static final int EXTENSIBLE = 0xFFFE;
  private static final int HEADER_BYTES = 44;

  /** The audio and header facts of one file. */
  public record Contents(Audio audio, int channels, Optional<String> comment) {}

  private WavFile() {}

  /** Reads a mono file. Stereo files are refused: Asterisk does not play them either. */
  public static Audio read(Path path) throws IOException {
    Contents contents = readContents(path);
    if (contents.channels() != 1) {
      throw new IOException(path + ": not mono (" + contents.channels() + " channels)");
    }
    return contents.audio();
  }

  /** Reads a file with its header facts; multi-channel audio is returned as its first channel. */
  public static Contents readContents(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return parse(in.readAllBytes(), path.toString());
    }
  }

  /** Parses WAV bytes; {@code name} appears in error messages. */
  public static Contents parse(byte[] bytes, String name) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || buf.getInt(0) != 0x46464952 /* RIFF */ || buf.getInt(8) != 0x45564157 /* WAVE */) {
      throw new IOException(name + ": not a RIFF/WAVE file");
    }
    int format = -1;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    String comment = null;
    int pos = 12;
    while (pos + 8 <= bytes.length) {
      int id = buf.getInt(pos);
      long size = buf.getInt(pos + 4) & 0xFFFFFFFFL;
      int body = pos + 8;
      if (id == 0x20746d66 /* "fmt " */) {
        if (size < 16 || body + 16 > bytes.length) throw new IOException(name + ": truncated fmt chunk");
        format = buf.getShort(body) & 0xFFFF;
        channels = buf.getShort(body + 2) & 0xFFFF;
        rate = buf.getInt(body + 4);
        bits = buf.getShort(body + 14) & 0xFFFF;
        if (format == EXTENSIBLE && size >= 40) format = buf.getShort(body + 24) & 0xFFFF;
      } else if (id == 0x5453494c /* LIST */ && body + 4 <= bytes.length && buf.getInt(body) == 0x4f464e49 /* INFO */) {
        comment = readComment(buf, body + 4, (int) Math.min(bytes.length, body + size));
      } else if (id == 0x61746164 /* data */) {
        if (format != PCM || bits != 16 || channels < 1 || rate <= 0) {
          throw new IOException(
              name + ": not 16-bit PCM (format " + format + ", " + bits + " bits, " + channels + " channels)");
        }
        long available = bytes.length - body;
        int length = (int) (size == 0 || size > available ? available : size);
        int frameBytes = 2 * channels;
        short[] samples = new short[length / frameBytes];
        for (int i = 0; i < samples.length; i++) samples[i] = buf.getShort(body + i * frameBytes);
        return new Contents(new Audio(rate, samples), channels, Optional.ofNullable(comment));
      }
      pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
    }
    throw new IOException(name + ": no data chunk");
  }

  private static String readComment(ByteBuffer buf, int pos, int end) {
    while (pos + 8 <= end) {
      int id = buf.getInt(pos);
      int size = buf.getInt(pos + 4);
      int body = pos + 8;
      if (size < 0 || body + size > end) return null;
      if (id == 0x544d4349 /* ICMT */) {
        int length = size;
        while (length > 0 && buf.get(body + length - 1) == 0) length--;
        byte[] text = new byte[length];
        buf.get(body, text);
        return new String(text, StandardCharsets.UTF_8);
      }
      pos = body + size + (size & 1);
    }
    return null;
  }

  /** The WAV bytes for mono 16-bit PCM audio, with the comment in a LIST/INFO/ICMT chunk when given. */
  public static byte[] encode(Audio audio, Optional<String> comment) {
    byte[] list = comment.map(WavFile::listChunk).orElse(new byte[0]);
    int dataBytes = audio.sampleCount() * 2;
    ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + list.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(0x46464952).putInt(36 + list.length + dataBytes).putInt(0x45564157);
    buf.putInt(0x20746d66).putInt(16).putShort((short) PCM).putShort((short) 1);
    buf.putInt(audio.sampleRateHz()).putInt(audio.sampleRateHz() * 2).putShort((short) 2).putShort((short) 16);
    buf.put(list);
    buf.putInt(0x61746164).putInt(dataBytes);
    for (short s : audio.samples()) buf.putShort(s);
    return buf.array();
  }

  private static byte[] listChunk(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int icmtSize = utf8.length + 1; // NUL-terminated
    int padded = icmtSize + (icmtSize & 1);
    ByteBuffer buf = ByteBuffer.allocate(8 + 4 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(0x5453494c).putInt(4 + 8 + padded).putInt(0x4f464e49);
    buf.putInt(0x544d4349).putInt(icmtSize).put(utf8);
    return buf.array();
  }

  /** Writes the file atomically: readers never see a half-written prompt. */
  public static void write(Path path, Audio audio, Optional<String> comment) throws IOException {
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      out.write(encode(audio, comment));
    }
    try {
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
