package org.empathyivr.adapter.fastagi;

import java.time.Duration;

/**
 * How much a FastAGI peer may send and how long it may take, enforced by {@link BoundedConnection} below
 * asterisk-java, whose reader has no bounds: it reads a line of any length, a request of any number of lines, and
 * waits three hours for a request that never comes.
 *
 * @param requestTimeout the time from connecting to the request's blank line
 * @param replyTimeout the longest wait for one reply once the call runs (longer than any prompt or recording)
 * @param maxLineBytes the longest line, request or reply, without its line break
 * @param maxRequestLines the most lines in a request before its blank line
 * @param maxLinesPerReply the most lines read between two commands (a usage reply is about 20, a hangup notice 1)
 */
public record AgiLimits(
    Duration requestTimeout, Duration replyTimeout, int maxLineBytes, int maxRequestLines, int maxLinesPerReply) {
  /** The reply timeout: a recording lasts at most dialog.issue.max-seconds (300 at most) plus its silence. */
  public static final Duration REPLY_TIMEOUT = Duration.ofMinutes(10);
  /** Asterisk's longest request line is an agi_arg or agi_request carrying the dialplan's arguments. */
  public static final int MAX_LINE_BYTES = 8192;
  /** About 22 variables and up to 128 agi_arg_N lines. */
  public static final int MAX_REQUEST_LINES = 256;
  public static final int MAX_LINES_PER_REPLY = 256;

  public AgiLimits {
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout <= 0: " + requestTimeout);
    }
    if (replyTimeout.isNegative() || replyTimeout.isZero()) {
      throw new IllegalArgumentException("replyTimeout <= 0: " + replyTimeout);
    }
    if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes < 1: " + maxLineBytes);
    if (maxRequestLines < 1) throw new IllegalArgumentException("maxRequestLines < 1: " + maxRequestLines);
    if (maxLinesPerReply < 1) throw new IllegalArgumentException("maxLinesPerReply < 1: " + maxLinesPerReply);
  }

  /** The product's limits with the configured request timeout. */
  public static AgiLimits withRequestTimeout(Duration requestTimeout) {
    return new AgiLimits(requestTimeout, REPLY_TIMEOUT, MAX_LINE_BYTES, MAX_REQUEST_LINES, MAX_LINES_PER_REPLY);
  }
}
