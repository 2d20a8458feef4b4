package org.empathyivr.adapter.fastagi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the lines of the FastAGI text protocol, refusing any line longer than a bound instead of buffering it. Lines
 * end at {@code \n}; a {@code \r} before it is dropped; bytes are UTF-8 (invalid sequences become U+FFFD, as in
 * asterisk-java's reader). Not thread-safe: one per connection.
 */
final class AgiLineReader {
  private final InputStream in;
  private final int maxLineBytes;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
  private final byte[] buffer = new byte[4096];
  private int position;
  private int limit;

  AgiLineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * The next line without its line break, or null at the end of the stream before any byte of a line. A last line
   * without a line break is returned as a line.
   *
   * @throws LineTooLong when the line has more than maxLineBytes bytes; the rest of it is not read
   */
  String readLine() throws IOException {
    line.reset();
    while (true) {
      if (position == limit) {
        int n = in.read(buffer);
        if (n < 0) return line.size() == 0 ? null : decode();
        position = 0;
        limit = n;
      }
      while (position < limit) {
        byte b = buffer[position++];
        if (b == '\n') return decode();
        if (line.size() == maxLineBytes + 1) throw new LineTooLong(maxLineBytes);
        line.write(b);
      }
    }
  }

  private String decode() throws LineTooLong {
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') length--;
    if (length > maxLineBytes) throw new LineTooLong(maxLineBytes);
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  /** A peer sent a line longer than the bound. */
  static final class LineTooLong extends IOException {
    LineTooLong(int maxLineBytes) {
      super("a line longer than " + maxLineBytes + " bytes");
    }
  }
}
