package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.empathyivr.adapter.audiosocket.MediaServer;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.domain.dialog.Conversation;
import org.empathyivr.domain.dialog.DialogSettings;
import org.empathyivr.domain.dialog.IncomingCall;
import org.empathyivr.domain.dialog.Outcome;
import org.empathyivr.domain.empathy.PhraseBook;
import org.empathyivr.domain.empathy.Phrasing;
import org.empathyivr.domain.port.CallFailure;
import org.empathyivr.domain.port.CallerDirectory;
import org.empathyivr.domain.port.Clock;
import org.empathyivr.domain.port.HandoffStore;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.port.SpokenPrompt;
import org.empathyivr.domain.port.TextToSpeech;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.HandoffReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The support line as an {@link AgiScript}: one instance serves every call (asterisk-java's contract), so it keeps
 * no call state; each {@link #service} runs a new {@link Conversation} over a new {@link AgiCallChannel}. At most
 * {@code maxCalls} conversations run at once; the next caller is handed to a human at once with reason
 * {@link HandoffReason#BUSY}, before any speech work.
 *
 * <p>Every log line of a call carries its Asterisk unique id (MDC key {@code call}); no line carries what the caller
 * said or their name: those go to the handoff record.
 */
public final class SupportLineAgiScript implements AgiScript {
  private static final Logger log = LoggerFactory.getLogger(SupportLineAgiScript.class);
  /** Asterisk unique ids are "seconds.sequence"; anything else did not come from Asterisk and must not name files. */
  private static final Pattern UNIQUE_ID = Pattern.compile("[0-9]{1,20}\\.[0-9]{1,20}");
  /** The MDC key of the call's Asterisk unique id; the log pattern prints it on every line of the call. */
  static final String MDC_CALL = "call";

  private final SpeechToText speechToText;
  private final TextToSpeech textToSpeech;
  private final CallerDirectory directory;
  private final HandoffStore store;
  private final Clock clock;
  private final DialogSettings settings;
  private final PhraseBook phrases;
  private final PromptFiles prompts;
  private final CallSpool spool;
  private final Whispers whispers;
  private volatile CallObserver observer = CallObserver.NONE;
  private final TurnTiming turns;
  private final int maxCalls;
  private final Semaphore lines;
  private final BusyHandoffs busyHandoffs;
  private final Optional<MediaServer> media;

  /**
   * @param spool where the calls' recordings and prompts go ({@link #prepare()} creates it)
   * @param prompts the prompt audio files, in the same spool
   * @param whispers the spoken summaries for agents, in the same spool
   * @param busyHandoffs stores the handoffs of callers turned away because every line is busy
   * @param maxCalls the most conversations at once
   * @param turns where the calls' channels report the phases of each turn ({@link TurnTiming#NONE} to time none)
   * @param media where the calls' audio streams over AudioSocket; empty: every call plays files and records turns
   *     ({@code RECORD FILE})
   */
  public SupportLineAgiScript(
      SpeechToText speechToText,
      TextToSpeech textToSpeech,
      CallerDirectory directory,
      HandoffStore store,
      Clock clock,
      DialogSettings settings,
      PhraseBook phrases,
      CallSpool spool,
      PromptFiles prompts,
      Whispers whispers,
      BusyHandoffs busyHandoffs,
      int maxCalls,
      TurnTiming turns,
      Optional<MediaServer> media) {
    if (maxCalls < 1) throw new IllegalArgumentException("maxCalls < 1: " + maxCalls);
    this.speechToText = speechToText;
    this.textToSpeech = textToSpeech;
    this.directory = directory;
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.phrases = phrases;
    this.spool = spool;
    this.prompts = prompts;
    this.whispers = whispers;
    this.busyHandoffs = busyHandoffs;
    this.maxCalls = maxCalls;
    this.lines = new Semaphore(maxCalls);
    this.turns = turns;
    this.media = media;
  }

  /** Reports calls, handoffs, turn times and errors to {@code observer} from now on (for metrics). */
  public void observe(CallObserver observer) {
    this.observer = observer;
  }

  /** Creates the spool directories; fails when they cannot be created. */
  public void prepare() throws IOException {
    prompts.prepare();
    spool.prepare();
    int expired = spool.deleteExpired(clock.now());
    if (expired > 0) log.info("deleted {} recordings older than spool.keep-recordings-hours", expired);
  }

  /**
   * Synthesizes every fixed line of the phrasebook and writes it where Asterisk plays it, so calls start without
   * waiting for the synthesizer.
   *
   * @return how many prompts were rendered
   */
  public int renderFixedPrompts() throws IOException, SpeechFailure {
    // Started together, so every voice works; kept by the synthesizer for the calls, and written once as files.
    List<String> texts = Phrasing.sharedTexts(phrases);
    List<TextToSpeech.Ahead> audio = texts.stream().map(text -> textToSpeech.synthesizeAhead(text, true)).toList();
    for (int i = 0; i < texts.size(); i++) {
      prompts.fileFor(new SpokenPrompt(texts.get(i), audio.get(i).await(), true), spool.callsDir(), 0);
    }
    return texts.size();
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) {
    String callId = request.getUniqueId();
    if (!isUniqueId(callId)) {
      // Not from Asterisk (the connection already refused requests cut short): do no call work for it.
      log.warn("refused a FastAGI request from {} without a valid agi_uniqueid", request.getRemoteAddress());
      return;
    }
    // The connection has usually put it already, for asterisk-java's own lines; keep it for them after the script.
    String previous = MDC.get(MDC_CALL);
    MDC.put(MDC_CALL, callId);
    try {
      if (!lines.tryAcquire()) {
        turnAway(request, channel, callId);
        return;
      }
      try {
        converse(request, channel, callId);
      } finally {
        lines.release();
      }
    } finally {
      if (previous == null) MDC.remove(MDC_CALL);
      else MDC.put(MDC_CALL, previous);
    }
  }

  /** Whether a request's agi_uniqueid is one Asterisk makes ("seconds.sequence"), fit for file names and logs. */
  static boolean isUniqueId(String value) {
    return value != null && UNIQUE_ID.matcher(value).matches();
  }

  private static IncomingCall incoming(AgiRequest request, String callId) {
    return new IncomingCall(
        callId,
        Optional.ofNullable(request.getChannel()).orElse(""),
        Optional.ofNullable(request.getCallerIdNumber()),
        Optional.ofNullable(request.getCallerIdName()));
  }

  /** Conversations in progress now. */
  public int callsInProgress() {
    return maxCalls - lines.availablePermits();
  }

  private void converse(AgiRequest request, AgiChannel channel, String callId) {
    long startedNanos = System.nanoTime();
    CallObserver observer = this.observer;
    observer.callStarted();
    try (LineChannel call = channelFor(channel, callId, observer)) {
      log.info("call started on {} (script {})", request.getChannel(), request.getScript());
      Outcome outcome =
          new Conversation(
                  incoming(request, callId), call, speechToText, textToSpeech, directory, store, clock, settings, phrases)
              .run();
      for (Exception problem : outcome.problems()) {
        if (problem instanceof SpeechFailure) {
          // Its message may quote what was said or synthesized: the caller's words, their name.
          log.error("call problem, caller was still handed off: speech failed ({})",
              problem.getCause() == null ? "no cause" : problem.getCause().getClass().getName());
        } else if (SpoolAlarm.isSpoolFull(problem)) {
          // Said once per cause already (SpoolAlarm); a line a call, not a stack trace a call, while the disk is full.
          log.warn("call problem, caller was still handed off: {}", problem.getMessage());
        } else {
          log.error("call problem, caller was still handed off: {}", problem.toString(), problem);
        }
      }
      Handoff handoff = outcome.handoff();
      observer.handedOff(handoff, outcome.problems());
      log.info(
          "call ended: handoff {} reason {} queue {} after {} ms",
          handoff.id(), handoff.reason().label(), handoff.queue(), (System.nanoTime() - startedNanos) / 1_000_000);
      spool.sweep(clock.now());
    } catch (IOException e) {
      log.warn("could not delete the call's spool files: {}", e.toString());
    } finally {
      observer.callEnded();
    }
  }

  /** The call's channel: its audio streamed over AudioSocket when media is on, else files and RECORD FILE. */
  private LineChannel channelFor(AgiChannel channel, String callId, CallObserver observer) {
    AgiCallChannel line = new AgiCallChannel(channel, prompts, spool, callId, whispers, observer, turns);
    return media.<LineChannel>map(m -> new StreamedCallChannel(channel, line, m, observer, turns)).orElse(line);
  }

  /**
   * Sends the caller to a human without a word: sets the handoff variables (reason busy), and has the handoff stored
   * once the caller is on the way. Nothing is synthesized, recognized or recorded.
   */
  private void turnAway(AgiRequest request, AgiChannel channel, String callId) {
    long startedNanos = System.nanoTime();
    log.info("call started on {} (script {}) with all {} lines busy (agi.max-calls)",
        request.getChannel(), request.getScript(), maxCalls);
    Handoff handoff = Conversation.busy(incoming(request, callId), directory, clock, settings);
    CallObserver observer = this.observer;
    observer.callStarted();
    try (AgiCallChannel call = new AgiCallChannel(channel, prompts, spool, callId, whispers, observer, turns)) {
      call.handOff(handoff);
      observer.handedOff(handoff, List.of());
    } catch (CallFailure e) {
      log.warn("could not set the busy handoff variables: {}", e.getMessage());
    } catch (IOException e) {
      log.warn("could not delete the call's spool files: {}", e.toString());
    } finally {
      observer.callEnded();
    }
    busyHandoffs.record(handoff);
    log.info(
        "call ended: handoff {} reason {} queue {} after {} ms",
        handoff.id(), handoff.reason().label(), handoff.queue(), (System.nanoTime() - startedNanos) / 1_000_000);
  }
}
