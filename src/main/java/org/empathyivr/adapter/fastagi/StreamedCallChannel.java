package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiNetworkException;
import org.asteriskjava.fastagi.command.ChannelStatusCommand;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.empathyivr.adapter.audiosocket.MediaServer;
import org.empathyivr.adapter.audiosocket.MediaSession;
import org.empathyivr.adapter.audiosocket.SessionLost;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.domain.port.CallFailure;
import org.empathyivr.domain.port.CallerHungUp;
import org.empathyivr.domain.port.Listening;
import org.empathyivr.domain.port.Played;
import org.empathyivr.domain.port.Recording;
import org.empathyivr.domain.port.SpokenPrompt;
import org.empathyivr.domain.port.TurnListener;
import org.empathyivr.domain.summary.Handoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call whose audio streams over AudioSocket while FastAGI stays the control channel: after {@code ANSWER} the
 * script runs {@code EXEC AudioSocket UUID,HOST:PORT} (on a thread of its own: Asterisk answers it only when the
 * session ends), and the dialog plays and listens over the {@link MediaSession}. At the handoff the service ends the
 * session, the {@code EXEC} returns, and the handoff variables are set over FastAGI as on any call.
 *
 * <p>Without a session the call goes on as a {@code RECORD FILE} call ({@link AgiCallChannel}): when Asterisk does not
 * connect (no AudioSocket module, a wrong address: {@code EXEC} answers -1 at once), and after a session broke while
 * the caller is still on the line. A session that breaks mid-call ends the dialog with an apology and a handoff
 * ({@link CallFailure}) carrying what was heard; when the caller hung up, {@link CallerHungUp} with their last words.
 *
 * <p>One per call, used by the call's thread; FastAGI is used by one thread at a time (the {@code EXEC} thread is
 * joined before the next command).
 */
final class StreamedCallChannel implements LineChannel {
  private static final Logger log = LoggerFactory.getLogger(StreamedCallChannel.class);
  /** Asterisk connects within about a millisecond of the EXEC; a refused connection answers the EXEC at once. */
  static final Duration CONNECT_WAIT = Duration.ofSeconds(3);
  /** Asterisk answers the EXEC within a few milliseconds of the session's end. */
  static final Duration EXEC_RETURN_WAIT = Duration.ofSeconds(10);

  private final AgiChannel agi;
  private final AgiCallChannel line;
  private final MediaServer media;
  private final CallObserver observer;
  private final TurnTiming turns;
  private MediaSession session;
  private Thread exec;
  private volatile AgiReply execReply;
  private volatile Exception execFailure;
  private String brokenSession;
  private long turnEndedNanos = -1;

  StreamedCallChannel(AgiChannel agi, AgiCallChannel line, MediaServer media, CallObserver observer, TurnTiming turns) {
    this.agi = agi;
    this.line = line;
    this.media = media;
    this.observer = observer;
    this.turns = turns;
  }

  @Override
  public void answer() throws CallerHungUp, CallFailure {
    line.answer();
    if (session == null && exec == null) startSession();
  }

  private void startSession() throws CallFailure {
    MediaServer.Expected expected = media.expect();
    String arguments = expected.execArguments();
    exec = new Thread(() -> {
      try {
        execReply = agi.sendCommand(new ExecCommand("AudioSocket", arguments));
      } catch (AgiException | RuntimeException e) {
        execFailure = e;
      }
    }, Thread.currentThread().getName() + "-audiosocket");
    exec.setDaemon(true);
    exec.start();
    long deadline = System.nanoTime() + CONNECT_WAIT.toNanos();
    try {
      while (session == null && exec.isAlive() && System.nanoTime() < deadline) {
        session = expected.await(Duration.ofMillis(20)).orElse(null);
      }
      if (session == null) session = expected.await(Duration.ZERO).orElse(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (session != null) {
      log.info("call audio streams over AudioSocket (session {})", session.id());
      return;
    }
    expected.close();
    awaitExec();
    log.warn("Asterisk did not connect to the AudioSocket listener at {} (EXEC AudioSocket answered {}): this call"
        + " goes on with RECORD FILE; check media.connect-address, media.port and that app_audiosocket is loaded",
        arguments.substring(arguments.indexOf(',') + 1), execOutcome());
    observer.error("audiosocket");
  }

  @Override
  public Played play(SpokenPrompt prompt, String interruptKeys) throws CallerHungUp, CallFailure {
    if (brokenSession != null) {
      String why = brokenSession;
      brokenSession = null;
      throw new CallFailure("the call's AudioSocket session broke: " + why);
    }
    if (session == null) return line.play(prompt, interruptKeys);
    if (turnEndedNanos >= 0) observer.turnTime(Duration.ofNanos(System.nanoTime() - turnEndedNanos));
    turnEndedNanos = -1;
    turns.end();
    try {
      // A line's first words go out at once; the parts after them keep their lead-in, the pause between the two.
      return session.play(prompt.audio(), interruptKeys, !prompt.heardWhole(), !prompt.continuesLine());
    } catch (SessionLost lost) {
      sessionLost(lost);
      throw new CallFailure("the call's AudioSocket session broke while a prompt played: " + lost.getMessage());
    }
  }

  @Override
  public Recording record(Listening listening, TurnListener listener) throws CallerHungUp, CallFailure {
    if (session == null) return line.record(listening, listener);
    try {
      Recording recording = session.listen(listening, listener);
      turnEndedNanos = System.nanoTime();
      turns.begin();
      line.keepStreamed(recording.audio());
      return recording;
    } catch (SessionLost lost) {
      Optional<Recording> heard = sessionLost(lost);
      brokenSession = lost.getMessage();
      if (heard.isPresent()) return heard.get();
      throw new CallFailure("the call's AudioSocket session broke while the caller spoke: " + lost.getMessage());
    }
  }

  /**
   * The session ended under the call: the caller hung up ({@link CallerHungUp}, with their last words), or the
   * connection broke with the caller still there (what they said in this turn, if anything, to be heard; the call
   * goes on without a session).
   */
  private Optional<Recording> sessionLost(SessionLost lost) throws CallerHungUp {
    session = null;
    awaitExec();
    lost.partial().ifPresent(line::keepStreamed);
    if (callerGone()) throw new CallerHungUp("caller hung up (" + lost.getMessage() + ")", lost.partial().orElse(null));
    log.error("the call's AudioSocket session broke ({}; EXEC AudioSocket answered {}): the caller is handed to a"
        + " person with what was heard", lost.getMessage(), execOutcome());
    observer.error("audiosocket");
    return lost.partial().map(audio -> new Recording(audio, Recording.End.SILENCE, (char) 0));
  }

  /** Whether the channel is gone: Asterisk sends HANGUP, or refuses CHANNEL STATUS on a dead channel (511). */
  private boolean callerGone() {
    try {
      AgiReply reply = agi.sendCommand(new ChannelStatusCommand());
      return reply.getStatus() == 511;
    } catch (AgiHangupException | AgiNetworkException e) {
      return true;
    } catch (AgiException e) {
      return false;
    }
  }

  @Override
  public void handOff(Handoff handoff) throws CallFailure {
    if (session != null) {
      session.end();
      session = null;
    }
    awaitExec();
    line.handOff(handoff);
  }

  private void awaitExec() {
    if (exec == null) return;
    try {
      exec.join(EXEC_RETURN_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (exec.isAlive()) log.error("EXEC AudioSocket has not returned {} s after the session ended", EXEC_RETURN_WAIT.toSeconds());
  }

  private String execOutcome() {
    if (execReply != null) return execReply.getFirstLine();
    if (execFailure != null) return execFailure.toString();
    return "nothing yet";
  }

  @Override
  public void close() throws IOException {
    if (session != null) session.end();
    session = null;
    awaitExec();
    line.close();
  }
}
