package org.empathyivr.adapter.audiosocket;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.Listening;
import org.empathyivr.domain.port.Played;
import org.empathyivr.domain.port.Recording;
import org.empathyivr.domain.port.TurnListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's audio over an AudioSocket connection, both ways, while the call's {@code EXEC AudioSocket} runs.
 *
 * <p><b>To the caller</b>, a pacer thread sends one 20 ms frame every 20 ms on an absolute schedule: the prompt
 * playing, or silence between prompts (so Asterisk's 2 s inactivity limit never ends a session while the caller is
 * silent). Never a burst: Asterisk plays frames as they come and drops the oldest 64 of a queue over 96.
 *
 * <p><b>From the caller</b>, a reader thread takes every frame as it comes, judges it ({@link SpeechDetector}) and
 * keeps the last {@value #KEPT_FRAMES} frames: listening never stops. While a prompt plays that the caller may
 * interrupt, speech that starts over it stops it at the next frame, and the caller's turn is kept from
 * {@value #PRE_ROLL_FRAMES} frames before the speech started, for {@link #listen}. Keys stop a prompt that takes
 * them; other keys wait for {@link #listen}.
 *
 * <p>{@link #play} and {@link #listen} are called by the call's thread, one at a time.
 */
public final class MediaSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MediaSession.class);
  static final int FRAME_SAMPLES = SpeechDetector.FRAME_SAMPLES;
  static final long FRAME_NANOS = 20_000_000L;
  /** A turn starts this many frames (200 ms) before the speech that started it: its first syllable is kept whole. */
  static final int PRE_ROLL_FRAMES = 10;
  /** The caller's audio kept: 5 s. */
  static final int KEPT_FRAMES = 250;
  /**
   * Frames of sound (100 ms) that make a turn that started in silence one the caller spoke in (not a click): from
   * then on their silence ends it.
   */
  static final int SOUND_FRAMES_TO_START = 5;
  /** A pacer this late resynchronizes rather than catching up in a burst. */
  private static final long RESYNC_NANOS = 100_000_000L;
  private static final short[] SILENCE = new short[FRAME_SAMPLES];
  private static final AtomicInteger SESSIONS = new AtomicInteger();
  /** Samples below this (about -54 dBFS) are the synthesizer's silence. */
  private static final int SOUND_SAMPLE = 64;

  private final UUID id;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final boolean bargeIn;
  private final SpeechDetector detector = new SpeechDetector();
  private final ArrayDeque<Heard> heard = new ArrayDeque<>();
  private final ArrayDeque<Character> keys = new ArrayDeque<>();
  private final ArrayDeque<short[]> toPlay = new ArrayDeque<>();
  private final Object writing = new Object();
  private long framesHeard;
  /** Whether {@link #listen} waits for the caller's next frame (a frame wakes the call's thread only then). */
  private boolean awaitingFrames;
  /** The first frame of a turn the caller started over a prompt and that is not heard yet; -1 for none. */
  private long pendingTurnFrom = -1;
  private boolean playing;
  private String interruptKeys = "";
  private boolean interruptible;
  private Played stoppedBy = Played.WHOLE;
  private String lost;
  private boolean ending;
  private Thread reader;
  private Thread pacer;

  /** One frame the caller sent, as judged when it came. */
  private record Heard(long index, long arrivalNanos, short[] samples, SpeechDetector.Frame judged) {}

  MediaSession(UUID id, Socket socket, boolean bargeIn) throws IOException {
    this.id = id;
    this.socket = socket;
    // Buffered: a message's header and payload in one read, not one system call for each header byte.
    this.in = new BufferedInputStream(socket.getInputStream(), 4 * AudioSocketMessage.MAX_PAYLOAD);
    this.out = socket.getOutputStream();
    this.bargeIn = bargeIn;
  }

  /** Starts reading and sending. */
  void start() {
    int n = SESSIONS.incrementAndGet();
    reader = new Thread(this::read, "audiosocket-in-" + n);
    pacer = new Thread(this::pace, "audiosocket-out-" + n);
    reader.setDaemon(true);
    pacer.setDaemon(true);
    pacer.setPriority(Thread.MAX_PRIORITY);
    reader.start();
    pacer.start();
  }

  public UUID id() {
    return id;
  }

  /**
   * Plays {@code audio} (8 kHz) to the end, or until the caller presses one of {@code interruptKeys} or, when {@code
   * interruptible}, starts speaking over it. With {@code atOnce}, the silence the audio starts with is not played (the
   * reply to a caller who just stopped speaking starts with its first word, not with the synthesizer's lead-in).
   *
   * @throws SessionLost when the session ends meanwhile
   */
  public Played play(Audio audio, String interruptKeys, boolean interruptible, boolean atOnce) throws SessionLost {
    if (audio.sampleRateHz() != Audio.TELEPHONY_RATE_HZ) {
      throw new IllegalArgumentException("AudioSocket plays " + Audio.TELEPHONY_RATE_HZ + " Hz audio, not " + audio);
    }
    short[] samples = audio.samples();
    if (atOnce) samples = Arrays.copyOfRange(samples, soundStart(samples), samples.length);
    synchronized (this) {
      if (lost != null) throw new SessionLost(lost, null);
      for (Character key : keys) {
        if (interruptKeys.indexOf(key) >= 0) {
          keys.remove(key);
          return Played.byKey(key);
        }
      }
      boolean mayStop = interruptible && bargeIn;
      if (mayStop && (pendingTurnFrom >= 0 || detector.speaking())) {
        if (pendingTurnFrom < 0) pendingTurnFrom = turnStartNow();
        return Played.CALLER_SPOKE;
      }
      for (int at = 0; at < samples.length; at += FRAME_SAMPLES) {
        toPlay.add(Arrays.copyOfRange(samples, at, at + FRAME_SAMPLES)); // the last one padded with silence
      }
      if (toPlay.isEmpty()) return Played.WHOLE;
      this.interruptKeys = interruptKeys;
      this.interruptible = mayStop;
      stoppedBy = Played.WHOLE;
      playing = true;
      while (playing && lost == null) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          toPlay.clear();
          playing = false;
          throw new SessionLost("interrupted while playing", null);
        }
      }
      if (playing) {
        toPlay.clear();
        playing = false;
        throw new SessionLost(lost, null);
      }
      return stoppedBy;
    }
  }

  /**
   * Hears the caller's next turn: from where they started speaking over the last prompt, if they did, else from a
   * moment ago; until {@link Listening#ending} says their silence after speech ends it, a stop key, the limit, or
   * {@link Listening#silenceSeconds} without speech.
   *
   * @throws SessionLost when the session ends meanwhile, with the turn's audio so far
   */
  public Recording listen(Listening listening, TurnListener listener) throws SessionLost {
    List<short[]> turn = new ArrayList<>();
    long startNanos = System.nanoTime();
    long cursor;
    boolean spoke;
    synchronized (this) {
      spoke = pendingTurnFrom >= 0;
      // A caller who started speaking just before: from there. Else from now: what came before is the end of the
      // prompt, and perhaps its echo.
      cursor = spoke ? pendingTurnFrom : detector.speechLately() ? turnStartNow() : framesHeard;
      pendingTurnFrom = -1;
    }
    int soundFrames = 0;
    long lastSoundNanos = startNanos;
    while (true) {
      List<Heard> fresh = new ArrayList<>();
      Character key = null;
      String gone;
      synchronized (this) {
        if (framesHeard <= cursor && keys.isEmpty() && lost == null) {
          awaitingFrames = true;
          try {
            wait(FRAME_NANOS / 1_000_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionLost("interrupted while listening", join(turn));
          } finally {
            awaitingFrames = false;
          }
        }
        for (Heard h : heard) if (h.index() >= cursor) fresh.add(h);
        cursor = framesHeard;
        key = keys.poll();
        gone = lost;
      }
      for (Heard h : fresh) {
        turn.add(h.samples());
        listener.hear(new Audio(Audio.TELEPHONY_RATE_HZ, h.samples()));
        if (h.judged().sound()) {
          soundFrames++;
          lastSoundNanos = Math.max(lastSoundNanos, h.arrivalNanos() + FRAME_NANOS);
        }
      }
      if (key != null && listening.stopKeys().indexOf(key) >= 0) return Recording.ofKey(join(turn), key);
      if (gone != null) throw new SessionLost(gone, join(turn));
      long now = System.nanoTime();
      spoke = spoke || soundFrames >= SOUND_FRAMES_TO_START;
      if (spoke) {
        Duration silence = Duration.ofNanos(Math.max(0, now - lastSoundNanos));
        if (listening.ending().ends(silence, listener.wordsSoFar())) {
          return new Recording(join(turn), Recording.End.SILENCE, (char) 0);
        }
      } else if (now - startNanos >= listening.silenceSeconds() * 1_000_000_000L && listening.silenceSeconds() > 0) {
        return new Recording(join(turn), Recording.End.SILENCE, (char) 0);
      }
      if (now - startNanos >= listening.maxMs() * 1_000_000L) {
        return new Recording(join(turn), Recording.End.TIME_LIMIT, (char) 0);
      }
    }
  }

  /** Where the first sound is: the first sample louder than the synthesizer's silence (about -54 dBFS). */
  private static int soundStart(short[] samples) {
    for (int i = 0; i < samples.length; i++) if (Math.abs(samples[i]) >= SOUND_SAMPLE) return i;
    return samples.length;
  }

  /**
   * Ends the session as the service: stops sending, sends AudioSocket's hangup message and closes the connection.
   * Asterisk's {@code EXEC AudioSocket} then returns 0 and the call goes on in the dialplan. Idempotent.
   */
  public void end() {
    synchronized (this) {
      if (ending) return;
      ending = true;
      if (lost == null) lost = "the service ended the session";
      toPlay.clear();
      playing = false;
      notifyAll();
    }
    try {
      if (pacer != null) pacer.join(1_000);
      synchronized (writing) {
        if (!socket.isClosed()) {
          out.write(AudioSocketMessage.hangup());
          out.flush();
        }
      }
    } catch (IOException e) {
      log.debug("AudioSocket session {}: the hangup message did not go out: {}", id, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeSocket();
    }
  }

  @Override
  public void close() {
    end();
  }

  private void read() {
    String why;
    try {
      while (true) {
        AudioSocketMessage message = AudioSocketMessage.read(in);
        if (message == null) {
          why = "Asterisk closed the AudioSocket connection";
          break;
        }
        switch (message.kind()) {
          case AudioSocketMessage.KIND_AUDIO -> heard(message.samples());
          case AudioSocketMessage.KIND_DTMF -> keyed(message.key());
          case AudioSocketMessage.KIND_UUID -> throw new AudioSocketMessage.Malformed("a second UUID message");
          case AudioSocketMessage.KIND_HANGUP -> throw new AudioSocketMessage.Malformed("a hangup message from Asterisk");
          default -> throw new AudioSocketMessage.Malformed(
              "an error message from Asterisk (" + Arrays.toString(message.payload()) + ")");
        }
      }
    } catch (AudioSocketMessage.Malformed e) {
      why = "AudioSocket protocol error: " + e.getMessage();
      log.error("AudioSocket session {}: {}; the session is closed", id, why);
    } catch (IOException e) {
      why = "the AudioSocket connection broke: " + e.getMessage();
    }
    synchronized (this) {
      if (lost == null) lost = why;
      notifyAll();
    }
    closeSocket();
  }

  private synchronized void heard(short[] samples) {
    SpeechDetector.Frame judged = detector.heard(samples, playing && interruptible);
    heard.add(new Heard(framesHeard++, System.nanoTime(), samples, judged));
    while (heard.size() > KEPT_FRAMES) heard.poll();
    if (playing && interruptible && detector.speaking()) {
      toPlay.clear();
      playing = false;
      stoppedBy = Played.CALLER_SPOKE;
      pendingTurnFrom = turnStartNow();
      notifyAll();
    } else if (awaitingFrames) {
      notifyAll();
    }
  }

  /** Where a turn the caller is starting now begins: before the first speech frame of the onset, with pre-roll. */
  private long turnStartNow() {
    long first = framesHeard;
    int back = 0;
    for (var it = heard.descendingIterator(); it.hasNext() && back < SpeechDetector.ONSET_WINDOW_FRAMES; back++) {
      Heard h = it.next();
      if (h.judged().speech()) first = h.index();
    }
    long oldest = heard.isEmpty() ? framesHeard : heard.peekFirst().index();
    return Math.max(oldest, first - PRE_ROLL_FRAMES);
  }

  private synchronized void keyed(char key) {
    if (playing && interruptKeys.indexOf(key) >= 0) {
      toPlay.clear();
      playing = false;
      stoppedBy = Played.byKey(key);
    } else {
      keys.add(key);
    }
    notifyAll();
  }

  private void pace() {
    long next = System.nanoTime();
    try {
      while (true) {
        long wait = next - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(wait);
        short[] frame;
        synchronized (this) {
          if (ending || lost != null) return;
          frame = toPlay.poll();
          if (frame == null) frame = SILENCE;
          detector.sent(frame);
        }
        synchronized (writing) {
          out.write(AudioSocketMessage.audio(frame));
          out.flush();
        }
        synchronized (this) {
          if (playing && toPlay.isEmpty()) {
            playing = false;
            notifyAll();
          }
        }
        next += FRAME_NANOS;
        long now = System.nanoTime();
        if (now - next > RESYNC_NANOS) next = now;
      }
    } catch (IOException e) {
      synchronized (this) {
        if (lost == null) lost = "the AudioSocket connection broke while sending: " + e.getMessage();
        notifyAll();
      }
    }
  }

  private void closeSocket() {
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("AudioSocket session {}: close failed: {}", id, e.toString());
    }
  }

  private static Audio join(List<short[]> frames) {
    int n = 0;
    for (short[] f : frames) n += f.length;
    short[] all = new short[n];
    int at = 0;
    for (short[] f : frames) {
      System.arraycopy(f, 0, all, at, f.length);
      at += f.length;
    }
    return new Audio(Audio.TELEPHONY_RATE_HZ, all);
  }
}
