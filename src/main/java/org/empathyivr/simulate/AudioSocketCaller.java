package org.empathyivr.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.simulate.CallerSpeech.Kind;

/**
 * The caller on a call whose media go over {@code EXEC AudioSocket}: hears the frames Asterisk passes on, acts on the
 * {@link CallerTurn}s, and produces what its channel sends, on Asterisk's 20 ms frame clock. One per call, kept across
 * AudioSocket sessions; time runs on while no session is open, and what the caller says then is lost (capture:
 * audiosocket-syntax.txt, I: "Audio the caller plays before the AudioSocket connection exists is lost").
 *
 * <p>Time is in milliseconds since the FastAGI connection opened. The caller's channel produces a frame at every
 * multiple of 20 ms (an absolute schedule: no drift), and a frame is sent when its audio starts, as Asterisk's
 * Playback sends it. What the caller hears plays one 20 ms slot after another: a frame that arrives plays from the next
 * slot on, after whatever still waits to be played (so a burst plays for as long as its audio lasts, though it arrived
 * at once).
 *
 * <p>Stays inert until the call's first {@code EXEC AudioSocket}, so a call that never uses it is not changed: its
 * turns are taken by {@code RECORD FILE} and the other commands only.
 *
 * <p>Used by the session's thread only.
 */
final class AudioSocketCaller {
  static final int FRAME_MS = 20;
  static final int FRAME_SAMPLES = 160;
  /** The assistant is speaking while what the caller hears has a peak of at least this. */
  static final int SPEAKING_PEAK = 300;
  /** A caller frame has sound at this peak, as the captures count "sound". */
  static final int SOUND_PEAK = 500;
  /** The assistant starts a new prompt when it speaks after at least this much quiet. */
  static final long PROMPT_QUIET_MS = 100;
  /** How long a barge-in must leave the assistant quiet to count as stopped. */
  static final long QUIET_RUN_MS = 100;
  /** A key is down this long; the service hears of it when it comes up (capture: audiosocket-dtmf.txt, E). */
  static final long DIGIT_MS = 100;
  /** SendDTMF's key-to-key spacing (capture E: 351 ms). */
  static final long DIGIT_SPACING_MS = 351;
  /**
   * A WAV's last frame, shorter than 320 bytes, went out as one message of at most 88 bytes (capture: A and B, a
   * 132-byte tail arrived as its first 88 bytes and the rest never came).
   */
  static final int LAST_FRAME_MAX_SAMPLES = 44;

  /** Where the caller's channel delivers its frames while an AudioSocket connection is open. */
  interface Line {
    /** A voice frame: Asterisk sends it on as a {@code 0x10} message. */
    void audio(short[] samples) throws IOException;

    /** A key came up: Asterisk sends a {@code 0x03} message. */
    void digit(char key) throws IOException;

    /** A frame Asterisk reads from the channel but does not forward (a key going down). */
    void activity();
  }

  /** The caller's settings from the builder. */
  record Settings(Duration politeGap, CallerSilence silence, OptionalDouble echoDb, Duration patience) {}

  private final SimulatedChannel channel;
  private final long politeGapMs;
  private final CallerSilence silence;
  private final OptionalDouble echoGain;
  private final long patienceMs;

  private boolean active;
  private long nextSlot;
  private Line line;
  private long sessionStartMs;

  // What the caller hears.
  private final Deque<short[]> playout = new ArrayDeque<>();
  private int playoutOffset;
  private short[] playedLastSlot;
  private boolean assistantSpeaking;
  /** The end of the last slot in which the assistant was speaking, or of a STREAM FILE prompt. */
  private long spokeUntilMs = Long.MIN_VALUE;
  private long quietSinceMs = Long.MIN_VALUE;
  private long promptStartMs = Long.MIN_VALUE;
  /** Where the assistant's speech before the current prompt ended ({@link #spokeUntilMs} as the prompt started). */
  private long spokeBeforePromptUntilMs = Long.MIN_VALUE;

  // What the caller does.
  private long turnSinceMs;
  private long anchorMs = Long.MIN_VALUE;
  private Speech speech;
  private final Deque<Digit> digits = new ArrayDeque<>();
  private long busyUntilMs = Long.MIN_VALUE;
  private long hangUpAtMs = Long.MAX_VALUE;
  private long idleSinceMs;
  private boolean hungUp;

  // Figures.
  private final List<HeardFrame> ear = new ArrayList<>();
  private final List<CallerSpeech> speeches = new ArrayList<>();
  private final List<Duration> replyLatencies = new ArrayList<>();
  private final List<Duration> bargeInStopTimes = new ArrayList<>();
  private final List<PendingReply> pendingReplies = new ArrayList<>();
  private final List<CallerSpeech> pendingBarges = new ArrayList<>();

  AudioSocketCaller(SimulatedChannel channel, Settings settings) {
    this.channel = channel;
    this.politeGapMs = settings.politeGap().toMillis();
    this.silence = settings.silence();
    this.echoGain = settings.echoDb().isPresent()
        ? OptionalDouble.of(Math.pow(10, settings.echoDb().getAsDouble() / 20)) : OptionalDouble.empty();
    this.patienceMs = settings.patience().toMillis();
  }

  // --- the session's view

  /**
   * {@code EXEC AudioSocket} arrived at {@code nowMs}: from now on this is an AudioSocket call, and the caller has lived
   * through the time since the last command it took part in (what it said meanwhile went nowhere).
   */
  void execArrived(long nowMs) throws IOException {
    active = true;
    advance(nowMs, false);
  }

  /**
   * An AudioSocket connection opened at {@code nowMs}: what the caller did before it is lost, from now on its frames
   * go to {@code line}.
   */
  void connected(long nowMs, Line line) throws IOException {
    active = true;
    advance(nowMs, false);
    this.line = line;
    sessionStartMs = nowMs;
    playout.clear();
    playoutOffset = 0;
    playedLastSlot = null;
  }

  /** The connection closed at {@code nowMs}: what the caller hears and says from now on goes nowhere. */
  void disconnected(long nowMs) {
    line = null;
    playout.clear();
    playoutOffset = 0;
    playedLastSlot = null;
    if (assistantSpeaking) quietSinceMs = nowMs;
    assistantSpeaking = false;
    resolveFigures(nowMs, true);
  }

  /** The frames Asterisk passed on to the caller's channel at {@code atMs}, oldest first. */
  void heard(List<HeardFrame> frames) {
    for (HeardFrame f : frames) {
      ear.add(f);
      if (f.samples().length > 0) playout.addLast(f.samples());
    }
  }

  /** When the caller next does something (a frame, a key, a hangup), in ms. */
  long nextDueMs() {
    return Math.min(nextSlot * FRAME_MS, nextEventMs());
  }

  /** Does everything due up to {@code nowMs}: frames go to the line when one is open, else they are lost. */
  void advance(long nowMs) throws IOException {
    advance(nowMs + 1, true);
  }

  boolean hungUp() {
    return hungUp;
  }

  /** When the caller will hang up, while no AudioSocket session runs: a timed hangup or the end of a last speech. */
  OptionalLong hangUpDueMs() {
    if (!active || hungUp) return OptionalLong.empty();
    if (hangUpAtMs != Long.MAX_VALUE) return OptionalLong.of(hangUpAtMs);
    if (speech != null && speech.kind == Kind.HANG_UP_AFTER) return OptionalLong.of(speech.endMs());
    return OptionalLong.empty();
  }

  // --- the AGI side's view

  /** An AGI command in which the caller takes part (STREAM FILE, RECORD FILE, ...) arrives at {@code nowMs}. */
  void catchUp(long nowMs) throws IOException {
    if (active) advance(nowMs, false);
  }

  /**
   * Such a command was answered at {@code nowMs}: its time belonged to it, not to this caller.
   *
   * @param turnTaken whether it took one of the caller's turns
   * @param promptPlayed whether the assistant spoke in it (a prompt that played)
   */
  void tookPart(long nowMs, boolean turnTaken, boolean promptPlayed) {
    nextSlot = Math.max(nextSlot, (nowMs + FRAME_MS - 1) / FRAME_MS);
    if (turnTaken) {
      turnSinceMs = nowMs;
      anchorMs = Long.MIN_VALUE;
    }
    if (promptPlayed) {
      spokeUntilMs = nowMs;
      quietSinceMs = nowMs;
      assistantSpeaking = false;
    }
    idleSinceMs = Math.max(idleSinceMs, nowMs);
  }

  // --- figures

  List<HeardFrame> ear() {
    return ear;
  }

  List<CallerSpeech> speeches() {
    return speeches;
  }

  List<Duration> replyLatencies() {
    return replyLatencies;
  }

  List<Duration> bargeInStopTimes() {
    return bargeInStopTimes;
  }

  // --- the clock

  private long nextEventMs() {
    long next = hangUpAtMs;
    Digit d = digits.peek();
    if (d != null) next = Math.min(next, d.down ? d.downMs + DIGIT_MS : d.downMs);
    return next;
  }

  /** Processes events and slots due before {@code untilMs}; events first when they fall on a slot. */
  private void advance(long untilMs, boolean online) throws IOException {
    Line saved = line;
    if (!online) line = null;
    try {
      while (!hungUp) {
        long slotMs = nextSlot * FRAME_MS;
        long eventMs = nextEventMs();
        if (Math.min(slotMs, eventMs) >= untilMs) break;
        if (eventMs <= slotMs) event(eventMs);
        else slot(nextSlot++);
      }
    } finally {
      line = saved;
    }
  }

  private void event(long atMs) throws IOException {
    if (hangUpAtMs <= atMs) {
      hungUp = true;
      hangUpAtMs = Long.MAX_VALUE;
      channel.hangUp();
      return;
    }
    Digit d = digits.peek();
    if (!d.down) {
      d.down = true;
      channel.emit(new Event.KeyPressed(d.key));
      if (line != null) line.activity();
    } else {
      digits.poll();
      if (line != null) line.digit(d.key);
    }
  }

  private void slot(long k) throws IOException {
    long t = k * FRAME_MS;
    short[] played = takePlayout();
    boolean speakingNow = played != null && HeardFrame.peak(played) >= SPEAKING_PEAK;
    if (speakingNow) {
      if (!assistantSpeaking && (quietSinceMs == Long.MIN_VALUE || t - quietSinceMs >= PROMPT_QUIET_MS)) {
        promptStartMs = t;
        spokeBeforePromptUntilMs = spokeUntilMs;
      }
      spokeUntilMs = t + FRAME_MS;
    } else if (assistantSpeaking) {
      quietSinceMs = t;
    }
    assistantSpeaking = speakingNow;

    takeTurns(k, t);

    short[] own = speech != null ? speech.frame(k) : null;
    short[] frame = null;
    if (!digitDown(t)) {
      if (own != null) frame = own.clone();
      else if (silence == CallerSilence.ZERO_FRAMES || echoGain.isPresent()) frame = new short[FRAME_SAMPLES];
      if (frame != null && echoGain.isPresent() && playedLastSlot != null) mix(frame, playedLastSlot);
    }
    if (frame != null && line != null) {
      line.audio(frame);
      if (own != null && HeardFrame.peak(own) >= SOUND_PEAK) speech.soundSent(t, own.length);
    }
    if (speech != null && speech.isLast(k)) finishSpeech();
    playedLastSlot = played;
    if (line != null) {
      resolveFigures(t, false);
      loseThePatience(t);
    }
  }

  // --- hearing

  /** The next 20 ms of what waits to be played, zero-padded; null when nothing waits. */
  private short[] takePlayout() {
    if (playout.isEmpty()) return null;
    short[] out = new short[FRAME_SAMPLES];
    int n = 0;
    while (n < FRAME_SAMPLES && !playout.isEmpty()) {
      short[] head = playout.peekFirst();
      int take = Math.min(FRAME_SAMPLES - n, head.length - playoutOffset);
      System.arraycopy(head, playoutOffset, out, n, take);
      n += take;
      playoutOffset += take;
      if (playoutOffset == head.length) {
        playout.pollFirst();
        playoutOffset = 0;
      }
    }
    return out;
  }

  /** What the caller heard one frame ago, at the echo's level, added to what it sends (a line without cancellation). */
  private void mix(short[] frame, short[] heard) {
    double gain = echoGain.getAsDouble();
    for (int i = 0; i < frame.length && i < heard.length; i++) {
      long sum = frame[i] + Math.round(heard[i] * gain);
      frame[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
    }
  }

  // --- acting

  private void takeTurns(long k, long t) {
    if (busyUntilMs != Long.MIN_VALUE && t >= busyUntilMs) {
      turnSinceMs = Math.max(turnSinceMs, busyUntilMs);
      idleSinceMs = Math.max(idleSinceMs, busyUntilMs);
      busyUntilMs = Long.MIN_VALUE;
    }
    while (speech == null && busyUntilMs == Long.MIN_VALUE && hangUpAtMs == Long.MAX_VALUE) {
      CallerTurn turn = channel.turns.peek();
      if (turn == null) return;
      if (turn instanceof CallerTurn.Says || turn instanceof CallerTurn.HangUpAfter) {
        boolean spokeSince = spokeUntilMs != Long.MIN_VALUE && spokeUntilMs > turnSinceMs;
        if (spokeSince && !assistantSpeaking && t >= spokeUntilMs + politeGapMs) {
          take();
          startSpeech(k, turn.spokenAudio().orElseThrow(),
              turn instanceof CallerTurn.Says ? Kind.POLITE : Kind.HANG_UP_AFTER);
        }
        return;
      }
      boolean fresh = promptStartMs != Long.MIN_VALUE && promptStartMs >= turnSinceMs;
      if (turn instanceof CallerTurn.Silence) {
        // The cue passes unanswered: the prompt that uses the turn up follows speech heard while it was current.
        boolean again = spokeBeforePromptUntilMs != Long.MIN_VALUE && spokeBeforePromptUntilMs > turnSinceMs;
        if (!fresh || !again) return;
        take();
        turnSinceMs = promptStartMs;
        continue;
      }
      if (anchorMs == Long.MIN_VALUE) {
        if (!fresh) return;
        anchorMs = promptStartMs;
      }
      if (turn instanceof CallerTurn.Keys key) {
        long down = anchorMs + key.at().toMillis();
        take();
        digits.add(new Digit(key.key(), down));
        while (channel.turns.peek() instanceof CallerTurn.Keys next) {
          take();
          down += Math.max(next.at().toMillis(), DIGIT_SPACING_MS);
          digits.add(new Digit(next.key(), down));
        }
        busyUntilMs = down + DIGIT_MS;
        return;
      }
      if (turn instanceof CallerTurn.HangUp h) {
        long at = Math.max(t, anchorMs + h.at().toMillis());
        take();
        hangUpAtMs = at;
        return;
      }
      if (turn instanceof CallerTurn.Interrupts i) {
        if (t < anchorMs + i.at().toMillis()) return;
        take();
        startSpeech(k, i.audio(), Kind.BARGE_IN);
        return;
      }
      throw new IllegalStateException("unknown turn " + turn);
    }
  }

  private void take() {
    channel.turns.poll();
    anchorMs = Long.MIN_VALUE;
  }

  private void startSpeech(long k, Path audio, Kind kind) {
    short[] samples;
    try {
      samples = WavFile.read(audio).samples();
    } catch (IOException e) {
      throw new IllegalStateException("caller audio unreadable: " + audio, e); // checked before the call starts
    }
    channel.emit(new Event.CallerSpoke(audio));
    speech = new Speech(audio, kind, samples, k);
    if (speech.frames == 0) finishSpeech();
  }

  private void finishSpeech() {
    Speech done = speech;
    speech = null;
    long end = done.endMs();
    turnSinceMs = end;
    idleSinceMs = end;
    if (done.kind == Kind.HANG_UP_AFTER) hangUpAtMs = end;
    if (done.firstSoundMs == Long.MIN_VALUE) return;
    CallerSpeech spoken = new CallerSpeech(done.audio, done.kind, done.firstSoundMs, done.lastSoundEndMs);
    speeches.add(spoken);
    channel.emit(new Event.CallerSpeechSent(spoken));
    if (done.kind == Kind.POLITE) pendingReplies.add(new PendingReply(spoken.endMs()));
    if (done.kind == Kind.BARGE_IN) pendingBarges.add(spoken);
  }

  private boolean digitDown(long t) {
    Digit d = digits.peek();
    return d != null && d.down && t < d.downMs + DIGIT_MS;
  }

  /** The service's silence: with nothing to do, the caller hangs up after hearing no sound for the limit. */
  private void loseThePatience(long t) {
    if (speech != null || busyUntilMs != Long.MIN_VALUE || hangUpAtMs != Long.MAX_VALUE || !digits.isEmpty()) return;
    long since = Math.max(Math.max(spokeUntilMs, idleSinceMs), sessionStartMs);
    if (t - since >= patienceMs) hangUpAtMs = t;
  }

  // --- figures from the ear

  private void resolveFigures(long nowMs, boolean over) {
    for (Iterator<PendingReply> it = pendingReplies.iterator(); it.hasNext(); ) {
      PendingReply p = it.next();
      for (; p.cursor < ear.size(); p.cursor++) {
        HeardFrame f = ear.get(p.cursor);
        if (f.atMs() >= p.speechEndMs && f.peak() >= SPEAKING_PEAK) {
          long latency = f.atMs() - p.speechEndMs;
          replyLatencies.add(Duration.ofMillis(latency));
          channel.emit(new Event.AssistantReplied(f.atMs(), latency));
          it.remove();
          break;
        }
      }
    }
    for (Iterator<CallerSpeech> it = pendingBarges.iterator(); it.hasNext(); ) {
      CallerSpeech barge = it.next();
      Optional<OptionalLong> stop = bargeStop(barge.startMs(), nowMs, over);
      if (stop.isEmpty()) continue;
      it.remove();
      stop.get().ifPresent(ms -> bargeInStopTimes.add(Duration.ofMillis(ms)));
      channel.emit(new Event.BargedIn(barge.audio(), barge.startMs(), stop.get()));
    }
  }

  /**
   * How long after {@code s} the assistant's audio went quiet: at the first frame of a run of at least 100 ms without
   * sound that began after {@code s} (or, when no frame followed the last one with sound within 20 ms, where that
   * frame's audio ended). Empty when not known yet; present but empty when the assistant was not speaking at {@code s}.
   */
  private Optional<OptionalLong> bargeStop(long s, long nowMs, boolean over) {
    int j = -1;
    for (int i = 0; i < ear.size() && ear.get(i).atMs() <= s; i++) {
      if (ear.get(i).peak() >= SPEAKING_PEAK) j = i;
    }
    if (j < 0) return Optional.of(OptionalLong.empty());
    for (int i = j; i < ear.size(); i++) {
      HeardFrame f = ear.get(i);
      if (f.peak() < SPEAKING_PEAK) continue;
      long end = f.atMs() + f.durationMs();
      int nextSound = i + 1;
      while (nextSound < ear.size() && ear.get(nextSound).peak() < SPEAKING_PEAK) nextSound++;
      if (nextSound < ear.size() && ear.get(nextSound).atMs() < end + QUIET_RUN_MS) continue;
      if (nextSound >= ear.size() && !over && nowMs < end + QUIET_RUN_MS) return Optional.empty();
      long quiet = i + 1 < ear.size() && i + 1 != nextSound && ear.get(i + 1).atMs() <= end + FRAME_MS
          ? ear.get(i + 1).atMs() : end;
      if (quiet <= s) return Optional.of(OptionalLong.empty());
      return Optional.of(OptionalLong.of(quiet - s));
    }
    return Optional.of(OptionalLong.empty());
  }

  // --- state

  private static final class PendingReply {
    final long speechEndMs;
    int cursor;

    PendingReply(long speechEndMs) {
      this.speechEndMs = speechEndMs;
    }
  }

  private static final class Digit {
    final char key;
    final long downMs;
    boolean down;

    Digit(char key, long downMs) {
      this.key = key;
      this.downMs = downMs;
    }
  }

  /** A WAV being spoken, frame {@code j} in slot {@code firstSlot + j}. */
  private static final class Speech {
    final Path audio;
    final Kind kind;
    final short[] samples;
    final long firstSlot;
    final int frames;
    long firstSoundMs = Long.MIN_VALUE;
    long lastSoundEndMs = Long.MIN_VALUE;

    Speech(Path audio, Kind kind, short[] samples, long firstSlot) {
      this.audio = audio;
      this.kind = kind;
      this.samples = samples;
      this.firstSlot = firstSlot;
      this.frames = (samples.length + FRAME_SAMPLES - 1) / FRAME_SAMPLES;
    }

    short[] frame(long k) {
      int from = (int) (k - firstSlot) * FRAME_SAMPLES;
      int to = Math.min(from + FRAME_SAMPLES, samples.length);
      if (to - from < FRAME_SAMPLES) to = from + Math.min(to - from, LAST_FRAME_MAX_SAMPLES);
      return Arrays.copyOfRange(samples, from, to);
    }

    boolean isLast(long k) {
      return k - firstSlot >= frames - 1;
    }

    long endMs() {
      return (firstSlot + frames) * FRAME_MS;
    }

    void soundSent(long t, int samples) {
      if (firstSoundMs == Long.MIN_VALUE) firstSoundMs = t;
      lastSoundEndMs = t + samples / 8;
    }
  }
}
