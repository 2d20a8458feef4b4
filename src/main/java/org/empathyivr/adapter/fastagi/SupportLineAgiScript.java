package org.empathyivr.adapter.fastagi;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.empathyivr.domain.dialog.Conversation;
import org.empathyivr.domain.dialog.DialogSettings;
import org.empathyivr.domain.dialog.IncomingCall;
import org.empathyivr.domain.dialog.Outcome;
import org.empathyivr.domain.empathy.PhraseBook;
import org.empathyivr.domain.port.CallerDirectory;
import org.empathyivr.domain.port.Clock;
import org.empathyivr.domain.port.HandoffStore;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.port.SpokenPrompt;
import org.empathyivr.domain.port.TextToSpeech;
import org.empathyivr.domain.summary.Handoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The support line as an {@link AgiScript}: one instance serves every call (asterisk-java's contract), so it keeps
 * no call state; each {@link #service} runs a new {@link Conversation} over a new {@link AgiCallChannel}.
 */
public final class SupportLineAgiScript implements AgiScript {
  private static final Logger log = LoggerFactory.getLogger(SupportLineAgiScript.class);
  /** Asterisk unique ids are "seconds.sequence"; anything else did not come from Asterisk and must not name files. */
  private static final Pattern UNIQUE_ID = Pattern.compile("[0-9]{1,20}\\.[0-9]{1,20}");

  private final SpeechToText speechToText;
  private final TextToSpeech textToSpeech;
  private final CallerDirectory directory;
  private final HandoffStore store;
  private final Clock clock;
  private final DialogSettings settings;
  private final PhraseBook phrases;
  private final PromptFiles prompts;
  private final CallSpool spool;

  public SupportLineAgiScript(
      SpeechToText speechToText,
      TextToSpeech textToSpeech,
      CallerDirectory directory,
      HandoffStore store,
      Clock clock,
      DialogSettings settings,
      PhraseBook phrases,
      Path spoolDir,
      Duration keepRecordings) {
    this.speechToText = speechToText;
    this.textToSpeech = textToSpeech;
    this.directory = directory;
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.phrases = phrases;
    this.prompts = new PromptFiles(spoolDir);
    this.spool = new CallSpool(spoolDir, keepRecordings);
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
    int count = 0;
    for (List<String> variants : phrases.all().values()) {
      for (String line : variants) {
        if (PhraseBook.hasSlots(line)) continue;
        prompts.fileFor(new SpokenPrompt(line, textToSpeech.synthesize(line), true), spool.callsDir(), 0);
        count++;
      }
    }
    return count;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) {
    String callId = request.getUniqueId();
    if (callId == null || !UNIQUE_ID.matcher(callId).matches()) {
      // asterisk-java runs scripts even for a request cut short before its blank line: do no call work for it.
      log.warn("refused a FastAGI request from {} without a valid agi_uniqueid", request.getRemoteAddress());
      return;
    }
    MDC.put("call", callId);
    long startedNanos = System.nanoTime();
    try (AgiCallChannel call = new AgiCallChannel(channel, prompts, spool, callId)) {
      log.info("call started on {} (script {})", request.getChannel(), request.getScript());
      IncomingCall incoming =
          new IncomingCall(
              callId,
              Optional.ofNullable(request.getChannel()).orElse(""),
              Optional.ofNullable(request.getCallerIdNumber()),
              Optional.ofNullable(request.getCallerIdName()));
      Outcome outcome =
          new Conversation(
                  incoming, call, speechToText, textToSpeech, directory, store, clock, settings, phrases)
              .run();
      for (Exception problem : outcome.problems()) {
        log.error("call problem, caller was still handed off: {}", problem.toString(), problem);
      }
      Handoff handoff = outcome.handoff();
      log.info(
          "call ended: handoff {} reason {} queue {} after {} ms",
          handoff.id(), handoff.reason().label(), handoff.queue(), (System.nanoTime() - startedNanos) / 1_000_000);
      spool.sweep(clock.now());
    } catch (IOException e) {
      log.warn("could not delete the call's spool files: {}", e.toString());
    } finally {
      MDC.remove("call");
    }
  }
}
