package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiNetworkException;
import org.asteriskjava.fastagi.command.AnswerCommand;
import org.asteriskjava.fastagi.command.ChannelStatusCommand;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.CallChannel;
import org.empathyivr.domain.port.CallFailure;
import org.empathyivr.domain.port.CallerHungUp;
import org.empathyivr.domain.port.Listening;
import org.empathyivr.domain.port.Played;
import org.empathyivr.domain.port.TurnListener;
import org.empathyivr.domain.port.Recording;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpokenPrompt;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.HandoffReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call over FastAGI. Sends the commands and reads Asterisk's replies itself where asterisk-java would lose the
 * meaning ({@code RECORD FILE}'s tag in parentheses; {@code STREAM FILE}'s {@code -1}, which means either a hangup
 * or an unplayable file). A recording is passed on while Asterisk writes it, by a {@link RecordingFollower}.
 *
 * <p>At the handoff it also renders the spoken summary for the agent ({@link Whispers}) and names it in {@code
 * __HANDOFF_WHISPER}. It reports turn times to a {@link CallObserver}, and the phases of each turn it times to a {@link
 * TurnTiming}.
 *
 * <p>One per call, used by the call's thread. A recording is deleted (or set aside, see {@link CallSpool}) once its
 * audio is read; {@link #close()} deletes the call's files.
 */
final class AgiCallChannel implements LineChannel {
  private static final Logger log = LoggerFactory.getLogger(AgiCallChannel.class);
  /** Channel variables cannot hold line breaks, and agents need no novels in a screen pop. */
  static final int MAX_VARIABLE_CHARS = 1000;

  private static final Pattern RECORD_REPLY = Pattern.compile("^200 result=(-?\\d*) \\((\\w+)\\)(?: endpos=(-?\\d+))?");
  /** A recording this close to its limit ended on the limit, not on silence (Asterisk says "timeout" for both). */
  private static final int TIME_LIMIT_MARGIN_MS = 250;
  /** One 20 ms frame: a whole recording holds exactly the samples {@code endpos} reports. */
  private static final int CUT_MARGIN_SAMPLES = 160;
  /** What the spool's disk may have no room for, as the log names it. */
  private static final String PROMPTS = "prompt audio";
  private static final String RECORDINGS = "recordings";
  private static final String WHISPERS = "whisper audio";
  private static final String HANDED_OFF = "callers are handed to a human at once (HANDOFF_REASON=error)";

  private final AgiChannel agi;
  private final PromptFiles prompts;
  private final CallSpool spool;
  private final String callId;
  private final Path callDir;
  private final Whispers whispers;
  private final CallObserver observer;
  private final TurnTiming turns;
  private int sequence;
  private long turnEndedNanos = -1;

  AgiCallChannel(
      AgiChannel agi, PromptFiles prompts, CallSpool spool, String callId, Whispers whispers, CallObserver observer,
      TurnTiming turns) {
    this.agi = agi;
    this.prompts = prompts;
    this.spool = spool;
    this.callId = callId;
    this.callDir = spool.callDir(callId);
    this.whispers = whispers;
    this.observer = observer;
    this.turns = turns;
  }

  @Override
  public void answer() throws CallerHungUp, CallFailure {
    send(new AnswerCommand(), "ANSWER");
  }

  @Override
  public Played play(SpokenPrompt prompt, String interruptKeys) throws CallerHungUp, CallFailure {
    Path file;
    try {
      Files.createDirectories(callDir);
      long writeNanos = System.nanoTime();
      file = prompts.fileFor(prompt, callDir, ++sequence);
      turns.add(TurnTiming.Phase.PROMPT_FILE, System.nanoTime() - writeNanos);
    } catch (IOException e) {
      if (SpoolRoom.isNoSpace(e)) {
        spool.alarm().noSpace(PROMPTS, HANDED_OFF, observer);
        throw new CallFailure(SpoolAlarm.FAILURE_PREFIX + "cannot write prompt audio in " + callDir, e);
      }
      throw new CallFailure("cannot write prompt audio in " + callDir + ": " + e.getMessage(), e);
    }
    if (!prompt.reusable()) spool.alarm().wrote(PROMPTS); // a reusable one may have been there already
    if (turnEndedNanos >= 0) observer.turnTime(Duration.ofNanos(System.nanoTime() - turnEndedNanos));
    turnEndedNanos = -1;
    turns.end();
    AgiReply reply = send(new StreamFileCommand(file.toString(), interruptKeys), "STREAM FILE");
    int result = reply.getResultCode();
    if (result > 0) return Played.byKey((char) result);
    if (result == 0) return Played.WHOLE;
    // -1: the caller hung up during playback, or Asterisk could not play the file. Only a live channel tells them apart.
    send(new ChannelStatusCommand(), "CHANNEL STATUS");
    throw new CallFailure("Asterisk could not play " + file + ".wav (" + reply.getFirstLine() + ")");
  }

  @Override
  public Recording record(Listening listening, TurnListener listener) throws CallerHungUp, CallFailure {
    Path base = callDir.resolve("rec-" + ++sequence);
    Path wav = base.resolveSibling(base.getFileName() + ".wav");
    try {
      Files.createDirectories(callDir);
    } catch (IOException e) {
      if (SpoolRoom.isNoSpace(e)) throw recordingLost(wav, "cannot be made (no room for the call's directory)");
      throw new CallFailure("cannot create the call's spool directory " + callDir + ": " + e.getMessage(), e);
    }
    RecordFileCommand command =
        new RecordFileCommand(
            base.toString(), "wav", listening.stopKeys(), listening.maxMs(), 0, false, listening.silenceSeconds());
    try (RecordingFollower follower = RecordingFollower.start(wav, listener::hear)) {
      AgiReply reply;
      try {
        reply = send(command, "RECORD FILE");
        turns.begin();
      } catch (CallerHungUp hangup) {
        throw new CallerHungUp(hangup.getMessage(), finish(follower, wav).orElse(null));
      }
      Recording recording = recording(reply, listening, follower, wav);
      turnEndedNanos = System.nanoTime();
      return recording;
    }
  }

  /**
   * Keeps a turn heard over AudioSocket for the retention time ({@code spool.keep-recordings-hours}), named as {@link
   * #record} names Asterisk's files; with no retention nothing is written. A disk that cannot take it costs the copy,
   * never the call.
   */
  void keepStreamed(Audio audio) {
    try {
      if (spool.keep(callId, "rec-" + ++sequence, audio)) spool.alarm().wrote(RECORDINGS);
    } catch (IOException e) {
      if (SpoolRoom.isNoSpace(e)) {
        spool.alarm().noSpace(RECORDINGS, "callers' turns are not kept (the calls go on)", observer);
      } else {
        log.warn("a turn of call {} could not be kept in the spool: {}", callId, e.toString());
      }
    }
  }

  private Recording recording(AgiReply reply, Listening listening, RecordingFollower follower, Path wav)
      throws CallerHungUp, CallFailure {
    Matcher m = RECORD_REPLY.matcher(reply.getFirstLine());
    if (!m.find()) throw new CallFailure("unexpected RECORD FILE reply: " + reply.getFirstLine());
    String tag = m.group(2);
    switch (tag) {
      case "hangup" -> throw new CallerHungUp("caller hung up while recording", finish(follower, wav).orElse(null));
      case "dtmf" -> {
        requireRoomWhileRecorded(m, wav);
        Audio audio = finish(follower, wav).orElse(Audio.silence(Audio.TELEPHONY_RATE_HZ, 0));
        requireWhole(m, audio, wav);
        return Recording.ofKey(audio, (char) Integer.parseInt(m.group(1)));
      }
      case "timeout" -> {
        requireRoomWhileRecorded(m, wav);
        Audio audio = finish(follower, wav).orElseThrow(() -> new CallFailure("Asterisk wrote no recording at " + wav));
        requireWhole(m, audio, wav);
        boolean limit = audio.durationMs() >= listening.maxMs() - TIME_LIMIT_MARGIN_MS || listening.silenceSeconds() == 0;
        return new Recording(audio, limit ? Recording.End.TIME_LIMIT : Recording.End.SILENCE, (char) 0);
      }
      default -> {
        if (spool.tooFullForRecordings()) throw recordingLost(wav, "cannot be made (" + reply.getFirstLine() + ")");
        throw new CallFailure(
            "Asterisk could not record to " + wav + " (" + tag + "); is the spool directory writable by Asterisk?");
      }
    }
  }

  /**
   * Asterisk answers a recording that a full disk cut short as if all were well ({@code handle_recordfile()} ignores
   * failed writes): a position below zero (not even the header reached the disk) or a disk left without room for
   * Asterisk's next write burst give it away before the file is read.
   */
  private void requireRoomWhileRecorded(Matcher reply, Path wav) throws CallFailure {
    long endpos = reply.group(3) == null ? 0 : Long.parseLong(reply.group(3));
    if (endpos < 0 || spool.tooFullForRecordings()) throw recordingLost(wav, "is cut short (" + reply.group() + ")");
  }

  /** ... and so does a file holding less audio than the position Asterisk reported. */
  private void requireWhole(Matcher reply, Audio audio, Path wav) throws CallFailure {
    long endpos = reply.group(3) == null ? 0 : Long.parseLong(reply.group(3));
    if (audio.sampleCount() + CUT_MARGIN_SAMPLES < endpos) throw recordingLost(wav, "is cut short (" + reply.group() + ")");
    spool.alarm().wrote(RECORDINGS);
  }

  private CallFailure recordingLost(Path wav, String what) {
    spool.alarm().noSpace(RECORDINGS, HANDED_OFF, observer);
    return new CallFailure(SpoolAlarm.FAILURE_PREFIX + "Asterisk's recording " + wav + " " + what);
  }

  /**
   * The whole recording, its last audio passed on, and the file deleted (or kept for the retention time); empty when
   * Asterisk wrote no file.
   */
  private Optional<Audio> finish(RecordingFollower follower, Path wav) throws CallFailure {
    try {
      long startNanos = System.nanoTime();
      Optional<Audio> audio = follower.finish();
      turns.add(TurnTiming.Phase.LAST_AUDIO, System.nanoTime() - startNanos);
      spool.transcribed(wav, callId);
      return audio;
    } catch (IOException e) {
      throw new CallFailure("cannot read the recording " + wav + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void handOff(Handoff handoff) throws CallFailure {
    Map<String, String> variables = new LinkedHashMap<>();
    // "__": inherited by every channel the call reaches, so the agent's softphone or CRM screen pop can read them.
    variables.put("__HANDOFF_ID", handoff.id());
    variables.put("__HANDOFF_QUEUE", handoff.queue());
    variables.put("__HANDOFF_PRIORITY", Integer.toString(handoff.priority()));
    variables.put("__HANDOFF_REASON", handoff.reason().label());
    variables.put("__HANDOFF_SUMMARY", handoff.summaryLine());
    whisper(handoff).ifPresent(file -> variables.put("__HANDOFF_WHISPER", file.toString()));
    variables.put("__HANDOFF", "1");
    // SET VARIABLE works on a dead channel too: the dialplan's h extension and CDRs still see the handoff.
    for (Map.Entry<String, String> v : variables.entrySet()) {
      try {
        send(new SetVariableCommand(v.getKey(), variableValue(v.getValue())), "SET VARIABLE");
      } catch (CallerHungUp e) {
        throw new CallFailure("Asterisk refused SET VARIABLE " + v.getKey() + " after the hangup", e);
      }
    }
  }

  /**
   * The spoken summary for the agent, or empty when it cannot be made: the handoff is stored already and its
   * variables are set all the same; the agent then reads the summary instead of hearing it.
   */
  private Optional<Path> whisper(Handoff handoff) {
    // Every line is busy: no speech work at all, and there is no story to tell yet.
    if (handoff.reason() == HandoffReason.BUSY) return Optional.empty();
    try {
      Path file = whispers.render(handoff);
      spool.alarm().wrote(WHISPERS);
      return Optional.of(file);
    } catch (IOException e) {
      if (!SpoolRoom.isNoSpace(e)) {
        log.error("no whisper for handoff {}, the agent gets the written summary only: {}", handoff.id(), e.toString(), e);
        observer.error("whisper");
      } else {
        spool.alarm().noSpace(WHISPERS, "agents get the written summary only", observer);
      }
      return Optional.empty();
    } catch (SpeechFailure | RuntimeException e) {
      log.error("no whisper for handoff {}, the agent gets the written summary only: {}", handoff.id(), e.toString(), e);
      observer.error("whisper");
      return Optional.empty();
    }
  }

  /**
   * A value safe for one AGI command line and for a dialplan that passes it on: no control characters (line breaks
   * would end the command), no {@code ${...}} or {@code $[...]} that a later substitution could run, no comma or pipe
   * (application argument separators) and no backslash (an escape in application arguments), so the value stays one
   * inert argument wherever the dialplan puts it; bounded. Quotes are kept and escaped by asterisk-java's quoting.
   */
  static String variableValue(String value) {
    String clean =
        value.replaceAll("[\\p{Cntrl}]", " ").replace('\\', '/').replace('|', '/').replace(',', ';')
            .replace("${", "$ {").replace("$[", "$ [");
    return clean.length() <= MAX_VARIABLE_CHARS ? clean : clean.substring(0, MAX_VARIABLE_CHARS - 1) + "…";
  }

  private AgiReply send(org.asteriskjava.fastagi.command.AgiCommand command, String name)
      throws CallerHungUp, CallFailure {
    try {
      return agi.sendCommand(command);
    } catch (AgiHangupException e) {
      throw new CallerHungUp("channel gone during " + name);
    } catch (AgiNetworkException e) {
      throw new CallerHungUp("connection to Asterisk lost during " + name + ": " + e.getMessage());
    } catch (AgiException e) {
      throw new CallFailure(name + " failed: " + e.getMessage(), e);
    }
  }

  /** Deletes the call's prompts and anything Asterisk left in its directory. */
  @Override
  public void close() throws IOException {
    turns.drop(); // a turn the call never answered must not end on the thread's next call
    spool.callEnded(callId);
  }
}
