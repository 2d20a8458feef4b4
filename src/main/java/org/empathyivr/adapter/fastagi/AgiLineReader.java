package org.empathyivr.adapter.fastagi;

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
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  /** The line so far; it may hold one byte more than the bound, for the {@code \r} before the {@code \n}. */
  private byte[] line = new byte[256];
  private int length;

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
    length = 0;
    while (true) {
      if (position == limit) {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) return length == 0 ? null : decode();
        position = 0;
        limit = n;
      }
      int end = position;
      while (end < limit && buffer[end] != '\n') end++;
      append(end - position);
      boolean found = end < limit;
      position = found ? end + 1 : end;
      if (found) return decode();
    }
  }

  private void append(int count) throws LineTooLong {
    if (length + count > maxLineBytes + 1) throw new LineTooLong(maxLineBytes);
    if (length + count > line.length) {
      line = java.util.Arrays.copyOf(line, Math.min(maxLineBytes + 1, Math.max(line.length * 2, length + count)));
    }
    System.arraycopy(buffer, position, line, length, count);
    length += count;
  }

  private String decode() throws LineTooLong {
    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    if (end > maxLineBytes) throw new LineTooLong(maxLineBytes);
    return new String(line, 0, end, StandardCharsets.UTF_8);
  }

  /** A peer sent a line longer than the bound. */
  static final class LineTooLong extends IOException {
    LineTooLong(int maxLineBytes) {
      super("a line longer than " + maxLineBytes + " bytes");
    }
  }
}
