package org.empathyivr.simulate;

/**
 * One {@code EXEC AudioSocket} the service sent.
 *
 * @param arguments the application's argument as Asterisk got it (the AGI word after {@code AudioSocket})
 * @param startMs when the command arrived, in milliseconds since the FastAGI connection opened
 * @param connected whether Asterisk connected to the server (and so the server saw a connection)
 * @param endMs when Asterisk answered the command
 * @param end how the session ended
 * @param detail what Asterisk logs about the end, when it logs something (empty for a server's close or {@code 0x00})
 * @param reply the reply line ({@code 200 result=0} or {@code 200 result=-1})
 */
public record AudioSocketRun(String arguments, long startMs, boolean connected, long endMs, End end, String detail,
    String reply) {

  /** How an AudioSocket session ended, as the table in AUDIOSOCKET.md sorts them. */
  public enum End {
    /** The server closed the connection ({@code result=0}, channel up). */
    SERVER_CLOSED,
    /** The server sent kind {@code 0x00} ({@code result=0}, channel up). */
    SERVER_HANGUP,
    /** The caller hung up ({@code result=-1}, then {@code HANGUP}). */
    CALLER_HANGUP,
    /** 2000 ms without a frame either way ({@code result=-1}, channel up). */
    INACTIVITY,
    /** Anything else Asterisk treats as a failure: bad arguments, no server, a malformed message ({@code result=-1}). */
    ERROR,
    /** The simulator's own {@code giveUpAfter} limit cut it short. */
    GAVE_UP,
    /**
     * The connection broke while the caller was still on the line: the simulator's model of a network fault ({@link
     * SimulatedAsterisk.Builder#breakAudioSocketAfter}), not a captured scenario. The simulator resets the connection;
     * Asterisk's side then fails its next read as {@code res_audiosocket.c} does on {@code ECONNRESET} and goes on as
     * for any failed read or write (G, I): {@code result=-1}, channel up, no {@code HANGUP} line.
     */
    BROKEN
  }
}
