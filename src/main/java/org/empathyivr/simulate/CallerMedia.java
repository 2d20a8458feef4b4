package org.empathyivr.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.simulate.CallerTurn.HangUp;
import org.empathyivr.simulate.CallerTurn.HangUpAfter;
import org.empathyivr.simulate.CallerTurn.Keys;
import org.empathyivr.simulate.CallerTurn.Says;
import org.empathyivr.simulate.Event.Recorded.End;
import org.empathyivr.simulate.Reply.HangupNotice;
import org.empathyivr.simulate.SoundFiles.Sound;

/**
 * The commands where the caller takes part: {@code STREAM FILE}, {@code CONTROL STREAM FILE}, {@code RECORD FILE},
 * {@code GET DATA} and {@code WAIT FOR DIGIT}, with Asterisk 22's argument checks and replies. Caller turns are taken
 * from the head of the channel's queue.
 */
final class CallerMedia {
  /** Asterisk's stock beep before a recording lasts about this long. */
  private static final long BEEP_MS = 425;

  private final SimulatedChannel channel;
  private final SoundFiles sounds;

  CallerMedia(SimulatedChannel channel, SoundFiles sounds) {
    this.channel = channel;
    this.sounds = sounds;
  }

  Reply streamFile(List<String> argv) {
    if (argv.size() < 4 || argv.size() > 5) return Usage.reply(Usage.STREAM_FILE);
    long offset = argv.size() == 5 ? atoi(argv.get(4)) : 0;
    return play(argv.get(2), argv.get(3), offset, false);
  }

  Reply controlStreamFile(List<String> argv) {
    if (argv.size() < 5 || argv.size() > 10) return Usage.reply(Usage.GENERIC);
    return play(argv.get(3), argv.get(4), 0, true);
  }

  /** {@code STREAM FILE} reports {@code endpos} in samples; {@code CONTROL STREAM FILE} in ms, -1 at the end. */
  private Reply play(String name, String escapes, long offset, boolean control) {
    Optional<Sound> found = sounds.find(name);
    if (found.isEmpty()) {
      channel.fail();
      channel.setChannelVariable(control ? "CPLAYBACKSTATUS" : "PLAYBACKSTATUS", control ? "ERROR" : "FAILED");
      channel.emit(new Event.PromptFailed(name));
      return Reply.of("200 result=-1 endpos=0");
    }
    Sound sound = found.get();
    long start = Math.max(0, Math.min(offset, sound.samples()));
    long remainingMs = (sound.samples() - start) * 1000 / sound.rateHz();
    CallerTurn turn = channel.turns.peek();
    if (turn instanceof HangUp h && h.at().toMillis() < Math.max(1, remainingMs)) {
      channel.turns.poll();
      long at = h.at().toMillis();
      channel.emit(new Event.PromptPlayed(sound.path(), sound.comment(), at, Optional.empty()));
      channel.hangUp();
      long endpos = control ? at : sound.positionAfter(start, at);
      return Reply.of("200 result=-1 endpos=" + endpos).taking(at).waiting(at)
          .withNotice(HangupNotice.BEFORE_NEXT_REPLY);
    }
    if (turn instanceof Keys k && escapes.indexOf(k.key()) >= 0 && k.at().toMillis() < remainingMs) {
      channel.turns.poll();
      long at = k.at().toMillis();
      channel.emit(new Event.KeyPressed(k.key()));
      channel.emit(new Event.PromptPlayed(sound.path(), sound.comment(), at, Optional.of(k.key())));
      channel.setChannelVariable(control ? "CPLAYBACKSTATUS" : "PLAYBACKSTATUS", control ? "USERSTOPPED" : "SUCCESS");
      long endpos = control ? at : sound.positionAfter(start, at);
      return Reply.of("200 result=" + (int) k.key() + " endpos=" + endpos).taking(at);
    }
    channel.emit(new Event.PromptPlayed(sound.path(), sound.comment(), remainingMs, Optional.empty()));
    channel.setChannelVariable(control ? "CPLAYBACKSTATUS" : "PLAYBACKSTATUS", "SUCCESS");
    return Reply.of("200 result=0 endpos=" + (control ? -1 : sound.endPosition())).taking(remainingMs);
  }

  Reply recordFile(List<String> argv) {
    int argc = argv.size();
    if (argc < 6) return Usage.reply(Usage.RECORD_FILE);
    OptionalLong timeLimit = scanInt(argv.get(5));
    if (timeLimit.isEmpty()) return Usage.reply(Usage.RECORD_FILE);
    long silenceMs = silenceMs(argv);
    boolean beep = argc > 6 && scanInt(argv.get(6)).isEmpty() && !argv.get(6).startsWith("s=")
        || argc > 7 && !argv.get(7).startsWith("s=");
    String format = argv.get(3);
    Optional<Path> file = base(argv.get(2)).flatMap(base -> RecordingFiles.target(base, format));
    if (file.isEmpty()) return writeFailed(Path.of(argv.get(2) + "." + format));

    short[] speech = new short[0];
    OptionalLong keyAt = OptionalLong.empty();
    long hangUpAt = channel.patienceMs;
    boolean timedHangUp = false;
    CallerTurn turn = channel.turns.peek();
    if (turn instanceof HangUp h) {
      hangUpAt = Math.min(hangUpAt, h.at().toMillis());
      timedHangUp = true;
    } else if (turn != null) {
      channel.turns.poll();
      if (turn instanceof Says s) {
        speech = speech(s.audio());
      } else if (turn instanceof CallerTurn.Interrupts i) {
        speech = speech(i.audio()); // no barge-in on STREAM FILE: the recording hears it as it would a Says
      } else if (turn instanceof HangUpAfter h) {
        speech = speech(h.audio());
        hangUpAt = Math.min(hangUpAt, speech.length * 1000L / Recorder.RATE_HZ);
      } else if (turn instanceof Keys k) {
        channel.emit(new Event.KeyPressed(k.key()));
        if (argv.get(4).indexOf(k.key()) >= 0) keyAt = OptionalLong.of(k.at().toMillis());
      }
    }
    Recorder.Take take = Recorder.record(speech, timeLimit.getAsLong(), silenceMs, keyAt, OptionalLong.of(hangUpAt));
    long beepMs = beep ? BEEP_MS : 0;
    GrowingRecording recording;
    try {
      recording = GrowingRecording.create(file.get(), format, take.written(), take.samples().length, beepMs);
      if (take.end() == End.SILENCE || take.end() == End.KEY) recording.rewinding();
    } catch (IOException e) {
      return writeFailed(file.get());
    }
    long endpos = take.samples().length;
    channel.emit(new Event.Recorded(file.get(), take.end(), endpos * 1000 / Recorder.RATE_HZ));
    long takesMs = take.elapsedMs() + beepMs;
    Reply reply = switch (take.end()) {
      case SILENCE -> Reply.of("200 result=" + take.resultNumber() + " (timeout) endpos=" + endpos)
          .taking(takesMs).recorded();
      case TIME_LIMIT -> Reply.of("200 result=0 (timeout) endpos=" + endpos).taking(takesMs).recorded();
      case KEY -> Reply.of("200 result=" + (int) keyChar(turn) + " (dtmf) endpos=" + endpos).taking(takesMs).recorded();
      case HANGUP -> {
        if (timedHangUp) channel.turns.poll();
        channel.hangUp();
        yield Reply.of("200 result=-1 (hangup) endpos=" + endpos).taking(takesMs)
            .waiting(timedHangUp ? takesMs : 0).withNotice(HangupNotice.SOON);
      }
    };
    return reply.writing(recording);
  }

  private static char keyChar(CallerTurn turn) {
    return ((Keys) turn).key();
  }

  private Reply writeFailed(Path file) {
    channel.fail();
    channel.emit(new Event.RecordFailed(file));
    return Reply.of("200 result=-1 (writefile)");
  }

  /** Asterisk writes a relative path under its sounds directory. */
  private Optional<Path> base(String path) {
    if (path.startsWith("/")) return Optional.of(sounds.onHost(path));
    return sounds.directory().map(dir -> dir.resolve(path));
  }

  /** From the first of arguments 6 to 8 holding a lowercase 's', as {@code handle_recordfile()} looks for it. */
  private static long silenceMs(List<String> argv) {
    for (int i = 6; i <= 8 && i < argv.size(); i++) {
      int s = argv.get(i).indexOf('s');
      if (s < 0) continue;
      String rest = argv.get(i).substring(s);
      if (rest.length() > 2 && rest.startsWith("s=")) return Math.max(0, atoi(rest.substring(2))) * 1000;
      return 0;
    }
    return 0;
  }

  private short[] speech(Path audio) {
    try {
      channel.emit(new Event.CallerSpoke(audio));
      return WavFile.read(audio).samples();
    } catch (IOException e) {
      throw new IllegalStateException("caller audio unreadable: " + audio, e); // checked before the call starts
    }
  }

  Reply getData(List<String> argv) {
    if (argv.size() < 3) return Usage.reply(Usage.GENERIC);
    long timeoutMs = argv.size() >= 4 ? atoi(argv.get(3)) : 0;
    long max = argv.size() >= 5 ? atoi(argv.get(4)) : 1024;
    long promptMs = sounds.find(argv.get(2)).map(Sound::durationMs).orElse(0L);
    if (channel.turns.peek() instanceof HangUp) {
      channel.turns.poll();
      channel.hangUp();
      return Reply.of("200 result=-1").withNotice(HangupNotice.SOON);
    }
    StringBuilder digits = new StringBuilder();
    while (digits.length() < max && channel.turns.peek() instanceof Keys k) {
      channel.turns.poll();
      channel.emit(new Event.KeyPressed(k.key()));
      if (k.key() == '#') return Reply.of("200 result=" + digits).taking(promptMs);
      digits.append(k.key());
    }
    if (digits.length() >= max) return Reply.of("200 result=" + digits).taking(promptMs);
    return Reply.of("200 result=" + digits + " (timeout)").taking(promptMs + Math.max(0, timeoutMs));
  }

  Reply waitForDigit(List<String> argv) {
    if (argv.size() != 4) return Usage.reply(Usage.WAIT_FOR_DIGIT);
    long timeoutMs = atoi(argv.get(3));
    CallerTurn turn = channel.turns.peek();
    if (turn instanceof Keys k) {
      channel.turns.poll();
      channel.emit(new Event.KeyPressed(k.key()));
      return Reply.of("200 result=" + (int) k.key()).taking(k.at().toMillis());
    }
    if (turn instanceof HangUp h) {
      channel.turns.poll();
      channel.hangUp();
      return Reply.of("200 result=-1").taking(h.at().toMillis()).waiting(h.at().toMillis())
          .withNotice(HangupNotice.SOON);
    }
    return Reply.of("200 result=0").taking(Math.max(0, timeoutMs));
  }

  /** C's {@code atoi}: leading digits, 0 when there are none. */
  static long atoi(String s) {
    OptionalLong n = leadingInt(s.strip());
    return n.orElse(0);
  }

  /** C's {@code sscanf("%30d")}: succeeds when the argument starts with a number. */
  private static OptionalLong scanInt(String s) {
    return leadingInt(s.stripLeading());
  }

  private static OptionalLong leadingInt(String s) {
    int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    int digitsStart = i;
    while (i < s.length() && i < 19 && Character.isDigit(s.charAt(i))) i++;
    if (i == digitsStart) return OptionalLong.empty();
    return OptionalLong.of(Long.parseLong(s.substring(s.startsWith("+") ? 1 : 0, i)));
  }
}
