package org.empathyivr.simulate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.Audio;

/**
 * Plays Asterisk's side of one FastAGI session against a service, as Asterisk 22.10.1 does: the request header, the
 * replies, and the unsolicited {@code HANGUP} line where Asterisk sends it. It never closes the connection itself
 * (except at the {@code giveUpAfter} safety limit); the session ends when the service closes it.
 *
 * <pre>{@code
 * SessionResult call = SimulatedAsterisk.connectingTo("127.0.0.1", 4573)
 *     .callerId("5551234", "Maria Lopez")
 *     .build()
 *     .call(List.of(CallerTurn.says(Path.of("problem.wav")), CallerTurn.parse("silence")));
 * }</pre>
 *
 * <p>Not real time by default: prompts and recordings take no time, everything else is as on a real line. One instance
 * can place several calls, one at a time.
 *
 * <p>{@code EXEC AudioSocket uuid,host:port} connects to the service's AudioSocket server as Asterisk does and runs
 * the caller's side of the audio in real time, whatever {@link Builder#realtime} says ({@link AudioSocketSession},
 * {@link AudioSocketCaller}); the result then also holds what the caller heard and when, and how fast the assistant
 * answered and stopped for a barge-in.
 */
public final class SimulatedAsterisk {
  private static final AtomicLong COUNTER = new AtomicLong(310_000 + (System.nanoTime() & 0xFFFF));
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  /** Asterisk sends {@code HANGUP} about this long after a {@code RECORD FILE ... (hangup)} reply. */
  static final long HANGUP_AFTER_RECORD_MS = 40;
  /**
   * After a hangup during {@code STREAM FILE}, Asterisk sends {@code HANGUP} just before the reply to the next
   * command; a service that sends none gets it after this long (an assumption: no capture shows that case).
   */
  static final long HANGUP_AFTER_STREAM_FALLBACK_MS = 1_000;
  /**
   * Asterisk's AGI socket keeps Nagle's algorithm on: a line it writes while its previous one is not yet acknowledged
   * waits for the service's delayed ACK, about 42 ms (capture: audiosocket-syntax.txt, J, a NOOP sent during EXEC
   * AudioSocket answered 43 ms after the EXEC reply; audiosocket-caller-hangup.txt, D, the reply after HANGUP 42 ms
   * late). Modelled after an {@code EXEC AudioSocket} reply only, until the service's next command acknowledges all.
   */
  static final long DELAYED_ACK_MS = 42;

  private final Builder b;

  private SimulatedAsterisk(Builder builder) {
    this.b = builder;
  }

  public static Builder connectingTo(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (port <= 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    return new Builder(host, port);
  }

  /**
   * Places one call: connects, sends the request, answers commands until the service closes the connection.
   *
   * @throws IOException when the connection cannot be made or breaks
   * @throws IllegalArgumentException when a caller turn's audio is not a readable 8 kHz mono WAV
   */
  public SessionResult call(List<CallerTurn> turns) throws IOException {
    checkCallerAudio(turns);
    AgiRequest request = new AgiRequest(b.script, b.host, b.port, b.channel, b.language,
        b.uniqueId.orElseGet(SimulatedAsterisk::nextUniqueId), b.callerId, b.callerName, b.callingPres, b.context,
        b.extension, b.priority, b.threadId.orElseGet(() -> String.valueOf(140_221_000_000_000L
            + (COUNTER.get() * 7919L) % 1_000_000_000L)), b.args);
    try (Socket socket = new Socket()) {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(b.host, b.port), CONNECT_TIMEOUT_MS);
      return new Session(socket, request, turns, b).run();
    }
  }

  private static String nextUniqueId() {
    return System.currentTimeMillis() / 1000 + "." + COUNTER.incrementAndGet();
  }

  private static void checkCallerAudio(List<CallerTurn> turns) {
    for (CallerTurn turn : turns) {
      Path audio = turn.spokenAudio().orElse(null);
      if (audio == null) continue;
      try {
        Audio a = WavFile.read(audio);
        if (a.sampleRateHz() != Audio.TELEPHONY_RATE_HZ) {
          throw new IllegalArgumentException(audio + ": caller audio must be 8 kHz, is " + a.sampleRateHz() + " Hz");
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("caller audio unreadable: " + e.getMessage(), e);
      }
    }
  }

  /** Settings of the simulated channel; defaults are those of the captured lab calls. */
  public static final class Builder {
    private final String host;
    private final int port;
    private String script = "support";
    private Optional<String> uniqueId = Optional.empty();
    private String callerId = "unknown";
    private String callerName = "unknown";
    private int callingPres = 67;
    private String channel = "Local/s@caller-00000001;1";
    private String language = "en";
    private String context = "ivr";
    private String extension = "s";
    private int priority = 12;
    private Optional<String> threadId = Optional.empty();
    private List<String> args = List.of();
    private Optional<Path> soundsDirectory = Optional.empty();
    private Optional<Path> fileSystemRoot = Optional.empty();
    private boolean realtime;
    private Duration silentServiceLimit = Duration.ofSeconds(60);
    private Duration giveUpAfter = Duration.ofSeconds(120);
    private Consumer<Event> listener = event -> {};
    private Duration politeGap = Duration.ofMillis(600);
    private CallerSilence callerSilence = CallerSilence.ZERO_FRAMES;
    private OptionalDouble echoDb = OptionalDouble.empty();
    private OptionalLong breakAudioSocketAfterNanos = OptionalLong.empty();

    private Builder(String host, int port) {
      this.host = host;
      this.port = port;
    }

    /** The script path after the host, query string included ({@code support?x=1}). */
    public Builder script(String script) {
      this.script = Objects.requireNonNull(script, "script");
      return this;
    }

    public Builder uniqueId(String uniqueId) {
      this.uniqueId = Optional.of(uniqueId);
      return this;
    }

    /** A presented caller ID ({@code agi_callingpres: 0}); without one the call has none, as Asterisk reports it. */
    public Builder callerId(String number, String name) {
      this.callerId = Objects.requireNonNull(number, "number");
      this.callerName = Objects.requireNonNull(name, "name");
      this.callingPres = number.equals("unknown") && name.equals("unknown") ? 67 : 0;
      return this;
    }

    public Builder channel(String channel) {
      this.channel = Objects.requireNonNull(channel, "channel");
      return this;
    }

    /** {@code agi_context}, {@code agi_extension}, {@code agi_priority}; default {@code ivr}, {@code s}, 12. */
    public Builder dialplanPosition(String context, String extension, int priority) {
      this.context = context;
      this.extension = extension;
      this.priority = priority;
      return this;
    }

    /** {@code agi_threadid}; by default a number shaped like Asterisk's pthread ids. */
    public Builder threadId(String threadId) {
      this.threadId = Optional.of(threadId);
      return this;
    }

    /** Arguments the dialplan passes ({@code agi_arg_1} ...). */
    public Builder args(List<String> args) {
      this.args = List.copyOf(args);
      return this;
    }

    /** Where relative {@code STREAM FILE} names (and relative {@code RECORD FILE} paths) resolve. */
    public Builder soundsDirectory(Path soundsDirectory) {
      this.soundsDirectory = Optional.of(soundsDirectory);
      return this;
    }

    /**
     * Where Asterisk's file system root is seen from this process: absolute paths in commands resolve under it. For a
     * service in a mount namespace of its own (its spool on a file system only it sees), {@code /proc/PID/root} of
     * the service shows this simulator what the service sees, as a real Asterisk sharing the spool would.
     */
    public Builder fileSystemRoot(Path root) {
      this.fileSystemRoot = Optional.of(root);
      return this;
    }

    /**
     * True: prompts and recordings take as long as on a real line. False (default): they take no time. Audio over
     * {@code EXEC AudioSocket} always runs in real time.
     */
    public Builder realtime(boolean realtime) {
      this.realtime = realtime;
      return this;
    }

    /**
     * The caller hangs up when the service sends nothing this long while the channel is up (default 60 s); during
     * {@code EXEC AudioSocket}, when the caller, with nothing to do, hears no frame with sound this long.
     */
    public Builder hangUpWhenServiceSilentFor(Duration limit) {
      if (limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("limit <= 0: " + limit);
      this.silentServiceLimit = limit;
      return this;
    }

    /** The simulator ends the session (closing the connection) after this long (default 120 s). */
    public Builder giveUpAfter(Duration limit) {
      if (limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("limit <= 0: " + limit);
      this.giveUpAfter = limit;
      return this;
    }

    /**
     * On an AudioSocket call, how long the assistant must have been quiet before a polite caller ({@link
     * CallerTurn.Says}, {@link CallerTurn.HangUpAfter}) speaks (default 600 ms).
     */
    public Builder politeGap(Duration gap) {
      if (gap.isNegative()) throw new IllegalArgumentException("gap < 0: " + gap);
      this.politeGap = gap;
      return this;
    }

    /**
     * On an AudioSocket call, what the caller's channel sends while the caller is not speaking: all-zero frames every
     * 20 ms (default: a phone keeps sending) or nothing (Asterisk's 2 s inactivity limit then ends a session in which
     * the service sends nothing either).
     */
    public Builder callerSilence(CallerSilence silence) {
      this.callerSilence = Objects.requireNonNull(silence, "silence");
      return this;
    }

    /**
     * On an AudioSocket call, a line without echo cancellation: what the caller hears comes back in the caller's audio
     * {@code dB} below (e.g. -20), one frame (20 ms) later; the caller's channel then sends frames all the time.
     */
    public Builder echo(double dB) {
      if (!Double.isFinite(dB)) throw new IllegalArgumentException("echo level not finite: " + dB);
      this.echoDb = OptionalDouble.of(dB);
      return this;
    }

    /**
     * A network fault: each AudioSocket connection breaks this long after it was made, while the caller is still on
     * the line (the simulator's model, not a captured scenario). The simulator drops the connection as a broken network
     * does ({@code SO_LINGER} 0, then close: the server sees a reset, or an EOF); Asterisk's side fails its read as on
     * any failed read or write on the socket: it logs it, answers the {@code EXEC} with {@code 200 result=-1}, the
     * channel stays up ({@code CHANNEL STATUS} gives {@code 200 result=6}), no {@code HANGUP} line, and the FastAGI
     * session goes on; the caller's remaining turns go to the commands that follow. A session that ends before the
     * time is not affected. Recorded as {@link AudioSocketRun.End#BROKEN}.
     */
    public Builder breakAudioSocketAfter(Duration after) {
      if (after.isNegative()) throw new IllegalArgumentException("after < 0: " + after);
      this.breakAudioSocketAfterNanos = OptionalLong.of(after.toNanos());
      return this;
    }

    /** Told of each event as it happens, on the session's thread: keep it quick, or think times grow. */
    public Builder onEvent(Consumer<Event> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public SimulatedAsterisk build() {
      return new SimulatedAsterisk(this);
    }
  }

  /** One connection's conversation. */
  private static final class Session {
    private final Socket socket;
    private final OutputStream out;
    private final AgiRequest request;
    private final Builder settings;
    private final long startNanos = System.nanoTime();
    private final List<String> wire = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Duration> thinkTimes = new ArrayList<>();
    private final List<Duration> thinkTimesAfterRecordings = new ArrayList<>();
    private final List<Duration> thinkTimesBetweenPrompts = new ArrayList<>();
    private final SimulatedChannel channel;
    private long lastSentNanos;
    private long lastReplyNanos;
    private boolean lastReplyRecorded;
    private boolean lastReplyPlayedToTheEnd;
    private boolean awaitingCommandAfterReply;
    private long noticeDueNanos = -1;
    private final AudioSocketCaller caller;
    private final List<AudioSocketRun> audioSockets = new ArrayList<>();
    private long giveUpAt;
    private LineReader in;
    /** Whether the reply about to be sent ends an {@code EXEC AudioSocket}. */
    private boolean audioSocketReply;
    /** The Nagle model after an AudioSocket reply: on, the last write not yet acknowledged (or -1), and from which byte the service's data acknowledges it. */
    private boolean nagle;
    private long unackedSinceNanos = -1;
    private long ackAfterByte;

    Session(Socket socket, AgiRequest request, List<CallerTurn> turns, Builder settings) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.request = request;
      this.settings = settings;
      this.channel = new SimulatedChannel(request, turns, new SoundFiles(settings.soundsDirectory, request.language(),
          settings.fileSystemRoot),
          this::nowMs, settings.silentServiceLimit.toMillis(), this::record);
      this.caller = new AudioSocketCaller(channel, new AudioSocketCaller.Settings(settings.politeGap,
          settings.callerSilence, settings.echoDb, settings.silentServiceLimit));
      channel.audioSocket(this::audioSocket);
    }

    /** Runs {@code EXEC AudioSocket}; the AGI side reads nothing meanwhile, as Asterisk does. */
    private Reply audioSocket(String args) {
      try {
        boolean wasAlive = channel.isAlive();
        AudioSocketSession.Outcome outcome = new AudioSocketSession(channel, caller, startNanos, giveUpAt,
            settings.breakAudioSocketAfterNanos).run(args);
        audioSockets.add(outcome.run());
        audioSocketReply = true;
        Reply reply = Reply.of(outcome.run().reply());
        return wasAlive && !channel.isAlive() ? reply.withNotice(Reply.HangupNotice.SOON) : reply;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void record(Event event) {
      events.add(event);
      settings.listener.accept(event);
    }

    private long nowMs() {
      return (System.nanoTime() - startNanos) / 1_000_000;
    }

    SessionResult run() throws IOException {
      in = new LineReader(socket);
      for (String line : request.lines()) send(line);
      giveUpAt = startNanos + settings.giveUpAfter.toNanos();
      boolean closed = false;
      boolean gaveUp = false;
      while (true) {
        long now = System.nanoTime();
        if (now >= giveUpAt) {
          gaveUp = true;
          break;
        }
        long silentLimitAt = channel.isAlive() ? lastSentNanos + settings.silentServiceLimit.toNanos() : Long.MAX_VALUE;
        OptionalLong callerHangsUp = channel.isAlive() ? caller.hangUpDueMs() : OptionalLong.empty();
        long callerHangsUpAt = callerHangsUp.isPresent() ? startNanos + callerHangsUp.getAsLong() * 1_000_000
            : Long.MAX_VALUE;
        long wakeAt = Math.min(Math.min(giveUpAt, callerHangsUpAt),
            Math.min(silentLimitAt, noticeDueNanos < 0 ? Long.MAX_VALUE : noticeDueNanos));
        LineReader.Read read = in.read(Math.max(1, (wakeAt - now) / 1_000_000));
        if (read instanceof LineReader.Closed) {
          closed = true;
          break;
        }
        if (read instanceof LineReader.TimedOut) {
          now = System.nanoTime();
          if (noticeDueNanos >= 0 && now >= noticeDueNanos) {
            sendHangupNotice();
          } else if (channel.isAlive() && now >= callerHangsUpAt) {
            // A timed hangup the caller set up during an AudioSocket session that has ended since.
            caller.catchUp(nowMs());
            if (!channel.isAlive()) {
              channel.reportHangup();
              sendHangupNotice();
            }
          } else if (channel.isAlive() && now >= silentLimitAt) {
            if (channel.turns.peek() instanceof CallerTurn.HangUp) channel.turns.poll();
            channel.hangUp();
            channel.reportHangup();
            sendHangupNotice();
          }
          continue;
        }
        answer(((LineReader.Line) read).text(), giveUpAt);
      }
      long endMs = nowMs();
      Optional<Duration> callTime = events.stream().filter(e -> e instanceof Event.Answered).findFirst()
          .map(e -> Duration.ofMillis(endMs - ((Event.Answered) e).whenMs()));
      return new SessionResult(channel.variables(), channel.agiStatus(), events, thinkTimes,
          thinkTimesAfterRecordings, thinkTimesBetweenPrompts, wire, closed, gaveUp, audioSockets,
          caller.speeches(), caller.replyLatencies(), caller.bargeInStopTimes(), caller.ear(), callTime);
    }

    private void answer(String command, long giveUpAt) throws IOException {
      long receivedNanos = System.nanoTime();
      wire.add(">> " + command);
      if (nagle && in.consumed() > ackAfterByte) unackedSinceNanos = -1; // sent after Asterisk's write: it ACKs it
      if (awaitingCommandAfterReply) {
        Duration think = Duration.ofNanos(receivedNanos - lastReplyNanos);
        thinkTimes.add(think);
        if (lastReplyRecorded) thinkTimesAfterRecordings.add(think);
        if (lastReplyPlayedToTheEnd && isStreamFile(command)) thinkTimesBetweenPrompts.add(think);
      }
      boolean media = isCallerMedia(command);
      if (media) {
        caller.catchUp(nowMs());
        if (!channel.isAlive() && noticeDueNanos < 0 && caller.hungUp()) {
          channel.reportHangup();
          sendHangupNotice();
        }
      }
      if (noticeDueNanos >= 0) sendHangupNotice();
      int turnsBefore = channel.turns.size();
      int promptsBefore = events.size();
      Reply reply;
      try {
        reply = channel.handle(command);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      boolean promptPlayed = events.subList(promptsBefore, events.size()).stream()
          .anyMatch(e -> e instanceof Event.PromptPlayed);
      long pauseMs = settings.realtime ? Math.max(reply.takesMs(), reply.waitsMs()) : reply.waitsMs();
      long pauseEnd = Math.min(giveUpAt, receivedNanos + pauseMs * 1_000_000);
      if (reply.recording().isPresent()) {
        writeWhileRecording(reply.recording().get(), receivedNanos, pauseEnd);
        reply = reply.afterWriting();
      } else {
        sleepUntil(pauseEnd);
      }
      channel.reportHangup();
      sendReply(reply.lines());
      if (media) caller.tookPart(nowMs(), turnsBefore != channel.turns.size(), promptPlayed);
      if (audioSocketReply) {
        audioSocketReply = false;
        nagle = true;
        unackedSinceNanos = lastSentNanos;
        ackAfterByte = in.consumed() + in.available();
      }
      lastReplyNanos = lastSentNanos;
      awaitingCommandAfterReply = true;
      lastReplyRecorded = reply.recordedCallerAudio();
      lastReplyPlayedToTheEnd = isStreamFile(command) && reply.notice() == Reply.HangupNotice.NONE
          && reply.lines().size() == 1 && reply.lines().get(0).startsWith("200 result=0 ");
      switch (reply.notice()) {
        case IMMEDIATELY -> sendHangupNotice();
        case SOON -> noticeDueNanos = lastSentNanos + HANGUP_AFTER_RECORD_MS * 1_000_000;
        case BEFORE_NEXT_REPLY -> noticeDueNanos = lastSentNanos + HANGUP_AFTER_STREAM_FALLBACK_MS * 1_000_000;
        case NONE -> {}
      }
    }

    /** The commands in which the caller takes part, and whose time an AudioSocket caller does not live through. */
    private static boolean isCallerMedia(String command) {
      List<String> argv = AgiArguments.parse(command);
      if (argv.isEmpty()) return false;
      String first = argv.get(0).toLowerCase(java.util.Locale.ROOT);
      String two = argv.size() > 1 ? first + " " + argv.get(1).toLowerCase(java.util.Locale.ROOT) : first;
      return two.equals("stream file") || two.equals("record file") || two.equals("get data")
          || two.equals("wait for") || two.equals("control stream") || two.equals("get option");
    }

    private static boolean isStreamFile(String command) {
      return command.regionMatches(true, 0, "STREAM FILE ", 0, "STREAM FILE ".length());
    }

    /** Writes a recording frame by frame as time passes until {@code endNanos}, then the rest at once. */
    private static void writeWhileRecording(GrowingRecording recording, long receivedNanos, long endNanos) throws IOException {
      long frameNanos = Recorder.FRAME_MS * 1_000_000L;
      long firstFrameEnd = receivedNanos + recording.startsAfterMs() * 1_000_000 + frameNanos;
      for (long tick = firstFrameEnd; tick <= endNanos; tick += frameNanos) {
        sleepUntil(tick);
        recording.advanceTo((tick - receivedNanos) / 1_000_000 - recording.startsAfterMs());
      }
      sleepUntil(endNanos);
      recording.finish();
    }

    private void sendHangupNotice() throws IOException {
      noticeDueNanos = -1;
      holdForAck();
      send("HANGUP");
      acked(true);
    }

    private void sendReply(List<String> lines) throws IOException {
      holdForAck();
      for (String line : lines) send(line);
      acked(false);
    }

    /** Nagle: a write waits while the previous one is unacknowledged, until the service's delayed ACK. */
    private void holdForAck() {
      if (nagle && unackedSinceNanos >= 0) sleepUntil(unackedSinceNanos + DELAYED_ACK_MS * 1_000_000);
    }

    /** After a write: it is unacknowledged now; a reply to an acknowledged exchange ends the model. */
    private void acked(boolean notice) throws IOException {
      if (!nagle) return;
      if (unackedSinceNanos < 0 && !notice) {
        nagle = false;
        return;
      }
      unackedSinceNanos = lastSentNanos;
      ackAfterByte = in.consumed() + in.available();
    }

    private void send(String line) throws IOException {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      lastSentNanos = System.nanoTime();
      wire.add("<< " + line);
    }

    private static void sleepUntil(long nanos) {
      long left;
      while ((left = nanos - System.nanoTime()) > 0) {
        try {
          Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
