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
import java.util.Optional;
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

    /** True: prompts and recordings take as long as on a real line. False (default): they take no time. */
    public Builder realtime(boolean realtime) {
      this.realtime = realtime;
      return this;
    }

    /** The caller hangs up when the service sends nothing this long while the channel is up (default 60 s). */
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

    Session(Socket socket, AgiRequest request, List<CallerTurn> turns, Builder settings) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.request = request;
      this.settings = settings;
      this.channel = new SimulatedChannel(request, turns, new SoundFiles(settings.soundsDirectory, request.language(),
          settings.fileSystemRoot),
          this::nowMs, settings.silentServiceLimit.toMillis(), this::record);
    }

    private void record(Event event) {
      events.add(event);
      settings.listener.accept(event);
    }

    private long nowMs() {
      return (System.nanoTime() - startNanos) / 1_000_000;
    }

    SessionResult run() throws IOException {
      LineReader in = new LineReader(socket);
      for (String line : request.lines()) send(line);
      long giveUpAt = startNanos + settings.giveUpAfter.toNanos();
      boolean closed = false;
      boolean gaveUp = false;
      while (true) {
        long now = System.nanoTime();
        if (now >= giveUpAt) {
          gaveUp = true;
          break;
        }
        long silentLimitAt = channel.isAlive() ? lastSentNanos + settings.silentServiceLimit.toNanos() : Long.MAX_VALUE;
        long wakeAt = Math.min(giveUpAt, Math.min(silentLimitAt, noticeDueNanos < 0 ? Long.MAX_VALUE : noticeDueNanos));
        LineReader.Read read = in.read(Math.max(1, (wakeAt - now) / 1_000_000));
        if (read instanceof LineReader.Closed) {
          closed = true;
          break;
        }
        if (read instanceof LineReader.TimedOut) {
          now = System.nanoTime();
          if (noticeDueNanos >= 0 && now >= noticeDueNanos) {
            sendHangupNotice();
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
      return new SessionResult(channel.variables(), channel.agiStatus(), events, thinkTimes,
          thinkTimesAfterRecordings, thinkTimesBetweenPrompts, wire, closed, gaveUp);
    }

    private void answer(String command, long giveUpAt) throws IOException {
      long receivedNanos = System.nanoTime();
      wire.add(">> " + command);
      if (awaitingCommandAfterReply) {
        Duration think = Duration.ofNanos(receivedNanos - lastReplyNanos);
        thinkTimes.add(think);
        if (lastReplyRecorded) thinkTimesAfterRecordings.add(think);
        if (lastReplyPlayedToTheEnd && isStreamFile(command)) thinkTimesBetweenPrompts.add(think);
      }
      if (noticeDueNanos >= 0) sendHangupNotice();
      Reply reply = channel.handle(command);
      long pauseMs = settings.realtime ? Math.max(reply.takesMs(), reply.waitsMs()) : reply.waitsMs();
      long pauseEnd = Math.min(giveUpAt, receivedNanos + pauseMs * 1_000_000);
      if (reply.recording().isPresent()) {
        writeWhileRecording(reply.recording().get(), receivedNanos, pauseEnd);
        reply = reply.afterWriting();
      } else {
        sleepUntil(pauseEnd);
      }
      channel.reportHangup();
      for (String line : reply.lines()) send(line);
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
      send("HANGUP");
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
