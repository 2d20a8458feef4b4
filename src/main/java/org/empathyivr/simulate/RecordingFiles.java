package org.empathyivr.simulate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;

/**
 * Writes what {@code RECORD FILE} records, in the formats this simulator supports: {@code wav} (8 kHz mono 16-bit
 * PCM, as Asterisk writes it on an 8 kHz channel), {@code sln}/{@code raw} (8 kHz s16le), {@code ulaw} and
 * {@code alaw} (G.711). Asterisk also writes {@code gsm}, {@code g722} and others; here they count as unknown.
 */
final class RecordingFiles {
  private RecordingFiles() {}

  /** The file {@code RECORD FILE base format} writes, or empty for a format this simulator does not write. */
  static Optional<Path> target(Path base, String format) {
    return switch (format) {
      case "wav", "sln", "raw", "ulaw", "alaw" -> Optional.of(base.resolveSibling(base.getFileName() + "." + format));
      default -> Optional.empty();
    };
  }

  /** Writes the file; throws when Asterisk would answer {@code (writefile)} (for example a missing directory). */
  static void write(Path file, String format, short[] samples) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) throw new IOException("no directory for " + file);
    switch (format) {
      case "wav" -> WavFile.write(file, new Audio(Recorder.RATE_HZ, samples), Optional.empty());
      case "sln", "raw" -> {
        ByteBuffer buf = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) buf.putShort(s);
        Files.write(file, buf.array());
      }
      case "ulaw", "alaw" -> {
        byte[] bytes = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) bytes[i] = format.equals("ulaw") ? ulaw(samples[i]) : alaw(samples[i]);
        Files.write(file, bytes);
      }
      default -> throw new IOException("unknown format " + format);
    }
  }

  /** Whether a write failed for lack of space (ENOSPC, EDQUOT): Asterisk records on after those. */
  static boolean isNoSpace(IOException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("No space left on device") || message.contains("Disk quota exceeded");
  }

  static byte ulaw(short sample) {
    int pcm = sample;
    int sign = pcm < 0 ? 0x80 : 0;
    int magnitude = Math.min(Math.abs(pcm), 32635) + 0x84;
    int exponent = 7;
    for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
    int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  static byte alaw(short sample) {
    int pcm = sample >> 3;
    int mask;
    if (pcm >= 0) {
      mask = 0xD5;
    } else {
      mask = 0x55;
      pcm = -pcm - 1;
    }
    int segment = 0;
    while (segment < 8 && pcm > (0x20 << segment) - 1) segment++;
    if (segment >= 8) return (byte) (0x7F ^ mask);
    int value = segment << 4;
    value |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
    return (byte) (value ^ mask);
  }
}
