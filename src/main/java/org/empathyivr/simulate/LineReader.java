package org.empathyivr.simulate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads {@code \n}-terminated UTF-8 lines from a socket with a per-read deadline, keeping a partial line across
 * timeouts. Like Asterisk, strips only the {@code \n}: a {@code \r} stays part of the line.
 */
final class LineReader {
  /** What one read produced. */
  sealed interface Read {}

  record Line(String text) implements Read {}

  record Closed() implements Read {}

  record TimedOut() implements Read {}

  private final Socket socket;
  private final InputStream in;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private long consumed;

  LineReader(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new java.io.BufferedInputStream(socket.getInputStream());
  }

  /** The next line, waiting at most {@code timeoutMs} (at least 1 ms) for more bytes. */
  Read read(long timeoutMs) throws IOException {
    socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMs)));
    try {
      while (true) {
        int b = in.read();
        if (b < 0) return new Closed();
        consumed++; // a partial last line without \n: Asterisk's fgets would see EOF too
        if (b == '\n') {
          String line = partial.toString(StandardCharsets.UTF_8);
          partial.reset();
          return new Line(line);
        }
        partial.write(b);
      }
    } catch (SocketTimeoutException e) {
      return new TimedOut();
    }
  }

  /** How many bytes the reads so far took from the connection. */
  long consumed() {
    return consumed;
  }

  /** How many bytes have arrived that no read has taken yet. */
  long available() throws IOException {
    return in.available();
  }

  Optional<String> pendingPartialLine() {
    return partial.size() == 0 ? Optional.empty() : Optional.of(partial.toString(StandardCharsets.UTF_8));
  }
}
