package org.empathyivr.adapter.fastagi;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One FastAGI connection, read within {@link AgiLimits}, under asterisk-java's reader (which has no bounds of its
 * own). The request is read whole on the first {@link #readLine()}: it must end with its blank line within the
 * request timeout, with no line too long and not too many lines, and carry the {@code agi_request} line Asterisk
 * always sends. A request that does not is refused: logged once,
 * the connection closed, and the reader sees an empty request (asterisk-java then runs the script, which finds no
 * unique id and does no call work). Once the call runs, each read waits at most the reply timeout, and a reply may not
 * run past a bound number of lines (asterisk-java reads a usage reply until its end marker and a run of hangup
 * notices by recursion).
 *
 * <p>Used by one call thread at a time, as asterisk-java uses its connections.
 */
final class BoundedConnection implements SocketConnectionFacade {
  private static final Logger log = LoggerFactory.getLogger(BoundedConnection.class);

  private final Endpoint endpoint;
  private final AgiLimits limits;
  private final long requestDeadlineNanos;
  private final AgiLineReader reader;
  private final Writer writer;
  private final Deque<String> request = new ArrayDeque<>();
  private boolean requestRead;
  private boolean readingRequest = true;
  private boolean refused;
  /** A reply did not come within the reply timeout: the peer is gone, and no later read waits for it again. */
  private boolean timedOut;
  private int linesSinceWrite;

  BoundedConnection(Endpoint endpoint, AgiLimits limits) throws IOException {
    this.endpoint = endpoint;
    this.limits = limits;
    this.requestDeadlineNanos = System.nanoTime() + limits.requestTimeout().toNanos();
    this.reader = new AgiLineReader(new DeadlineInput(endpoint.input()), limits.maxLineBytes());
    this.writer = new BufferedWriter(new OutputStreamWriter(endpoint.output(), StandardCharsets.UTF_8));
  }

  /** Whether the request broke a limit and the connection was closed for it. */
  boolean refused() {
    return refused;
  }

  @Override
  public String readLine() throws IOException {
    if (!requestRead) readRequest();
    if (refused) return null;
    if (!request.isEmpty()) return request.poll();
    if (timedOut) throw new SocketTimeoutException("an earlier reply did not come within the reply timeout");
    if (++linesSinceWrite > limits.maxLinesPerReply()) {
      throw new IOException("more than " + limits.maxLinesPerReply() + " lines without a command");
    }
    try {
      return reader.readLine();
    } catch (SocketTimeoutException e) {
      timedOut = true;
      throw e;
    }
  }

  private void readRequest() throws IOException {
    requestRead = true;
    try {
      while (true) {
        String line = reader.readLine();
        if (line == null && request.isEmpty()) throw new ClosedUnused();
        if (line == null) throw new IOException("the request ended before its blank line");
        request.add(line);
        if (line.isEmpty()) {
          if (request.stream().noneMatch(l -> l.startsWith("agi_request:"))) {
            throw new IOException("not a FastAGI request: no agi_request line");
          }
          break;
        }
        if (request.size() > limits.maxRequestLines()) {
          throw new IOException("a request longer than " + limits.maxRequestLines() + " lines");
        }
      }
      readingRequest = false;
      tagLogLines();
      endpoint.setReadTimeoutMs(Math.toIntExact(Math.min(Integer.MAX_VALUE, limits.replyTimeout().toMillis())));
    } catch (IOException e) {
      refused = true;
      request.clear();
      if (e instanceof ClosedUnused) {
        log.debug("a FastAGI connection from {} closed without a request (a port check?)", remote());
      } else {
        log.warn("dropped a FastAGI connection from {}: {}", remote(), e.getMessage());
      }
      close();
    }
  }

  /**
   * Puts the call's unique id in the MDC for the rest of this connection on this thread, so asterisk-java's lines
   * about the call carry it too; {@link #close()} takes it out again.
   */
  private void tagLogLines() {
    for (String line : request) {
      if (!line.startsWith("agi_uniqueid: ")) continue;
      String id = line.substring("agi_uniqueid: ".length());
      if (SupportLineAgiScript.isUniqueId(id)) MDC.put(SupportLineAgiScript.MDC_CALL, id);
    }
  }

  private String remote() {
    InetAddress address = endpoint.remoteAddress();
    return address == null ? "?" : address.getHostAddress() + ":" + endpoint.remotePort();
  }

  @Override
  public void write(String s) throws IOException {
    if (refused) throw new IOException("connection refused for a bad request");
    if (timedOut) throw new SocketTimeoutException("an earlier reply did not come within the reply timeout");
    linesSinceWrite = 0;
    writer.write(s);
  }

  @Override
  public void flush() throws IOException {
    if (refused) throw new IOException("connection refused for a bad request");
    writer.flush();
  }

  @Override
  public void close() throws IOException {
    MDC.remove(SupportLineAgiScript.MDC_CALL);
    endpoint.close();
  }

  @Override
  public boolean isConnected() {
    return !refused && endpoint.isConnected();
  }

  @Override
  public InetAddress getLocalAddress() {
    return endpoint.localAddress();
  }

  @Override
  public int getLocalPort() {
    return endpoint.localPort();
  }

  @Override
  public InetAddress getRemoteAddress() {
    return endpoint.remoteAddress();
  }

  @Override
  public int getRemotePort() {
    return endpoint.remotePort();
  }

  /** The peer connected and closed without a byte, as port checks do: not worth a warning. */
  private static final class ClosedUnused extends IOException {
    ClosedUnused() {
      super("closed without a request");
    }
  }

  /** Until the request is read, each read waits only for what is left of the request timeout. */
  private final class DeadlineInput extends InputStream {
    private final InputStream in;

    DeadlineInput(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (!readingRequest) return in.read(b, off, len);
      long leftMs = (requestDeadlineNanos - System.nanoTime()) / 1_000_000;
      if (leftMs <= 0) throw timedOut();
      endpoint.setReadTimeoutMs((int) Math.min(Integer.MAX_VALUE, leftMs));
      try {
        return in.read(b, off, len);
      } catch (SocketTimeoutException e) {
        throw timedOut();
      }
    }

    private SocketTimeoutException timedOut() {
      return new SocketTimeoutException("no complete request within " + limits.requestTimeout().toMillis() + " ms");
    }
  }
}
