package org.empathyivr.domain.dialog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.empathyivr.domain.dialog.Caller.NameSource;
import org.empathyivr.domain.dialog.Turn.Speaker;
import org.empathyivr.domain.empathy.Feeling;
import org.empathyivr.domain.empathy.PhraseBook;
import org.empathyivr.domain.empathy.Phrasing;
import org.empathyivr.domain.empathy.Reflection;
import org.empathyivr.domain.empathy.SayingBack;
import org.empathyivr.domain.empathy.Tone;
import org.empathyivr.domain.frustration.Frustration;
import org.empathyivr.domain.frustration.FrustrationMeter;
import org.empathyivr.domain.frustration.WordsModel;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.CallChannel;
import org.empathyivr.domain.port.CallFailure;
import org.empathyivr.domain.port.CallerDirectory;
import org.empathyivr.domain.port.CallerHungUp;
import org.empathyivr.domain.port.Clock;
import org.empathyivr.domain.port.HandoffStore;
import org.empathyivr.domain.port.Listening;
import org.empathyivr.domain.port.Played;
import org.empathyivr.domain.port.TurnListener;
import org.empathyivr.domain.port.Recording;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;
import org.empathyivr.domain.port.SpokenPrompt;
import org.empathyivr.domain.port.TextToSpeech;
import org.empathyivr.domain.port.Transcript;
import org.empathyivr.domain.port.TranscriptionStream;
import org.empathyivr.domain.privacy.Redactor;
import org.empathyivr.domain.summary.Handoff;
import org.empathyivr.domain.summary.HandoffReason;
import org.empathyivr.domain.summary.PhraseUse;

/**
 * One support call: greet the caller, hear what is wrong, say it back in our words, confirm it, and hand the call to
 * a human with the story.
 *
 * <p>Every call ends in a handoff, whatever happens: a hangup, a recognizer failure or a broken channel only change
 * the reason. One instance per call; {@link #run()} once.
 */
public final class Conversation {
  private static final String KEYS_PERSON = String.valueOf(DialogSettings.KEY_PERSON);
  private static final String KEYS_ANSWER =
      "" + DialogSettings.KEY_YES + DialogSettings.KEY_NO + DialogSettings.KEY_PERSON;
  /** An answer to "may I have your first name?" longer than this is the caller telling us the issue. */
  private static final int MAX_NAME_ANSWER_WORDS = 4;

  private final IncomingCall call;
  private final CallChannel channel;
  private final SpeechToText speechToText;
  private final TextToSpeech textToSpeech;
  private final CallerDirectory directory;
  private final HandoffStore store;
  private final Clock clock;
  private final DialogSettings settings;
  private final Phrasing phrasing;

  private final List<Turn> transcript = new ArrayList<>();
  private final List<Exception> problems = new ArrayList<>();
  private final List<PhraseUse> phrasesUsed = new ArrayList<>();
  private final FrustrationMeter frustrationMeter;
  private Instant startedAt;
  private Caller caller = new Caller(Optional.empty(), Optional.empty(), NameSource.NONE);
  private Optional<String> issue = Optional.empty();
  private Optional<String> reflection = Optional.empty();
  private boolean confirmed;
  private final CallerStory story = new CallerStory();
  /** The caller started speaking over a prompt, and that turn is not heard yet: nothing more is said until it is. */
  private boolean callerTalking;
  /** The caller is asked to say an unclear issue again once per call, never twice. */
  private boolean askedToRepeat;

  public Conversation(
      IncomingCall call,
      CallChannel channel,
      SpeechToText speechToText,
      TextToSpeech textToSpeech,
      CallerDirectory directory,
      HandoffStore store,
      Clock clock,
      DialogSettings settings,
      PhraseBook phraseBook) {
    this.call = call;
    this.channel = channel;
    this.speechToText = speechToText;
    this.textToSpeech = textToSpeech;
    this.directory = directory;
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.phrasing = new Phrasing(phraseBook, call.callId());
    this.frustrationMeter = new FrustrationMeter(settings.frustration(), WordsModel.bundled());
  }

  /** Runs the call to its handoff. Never throws for anything the call, the caller or speech can do. */
  public Outcome run() {
    Instant started = clock.now();
    startedAt = started;
    HandoffReason reason;
    try {
      reason = converseUntilFrustrated();
    } catch (CallerHungUp hangup) {
      keepWhatWasSaid(hangup.partialRecording());
      reason = HandoffReason.HUNG_UP;
    } catch (CallFailure | SpeechFailure | RuntimeException e) {
      problems.add(e);
      reason = HandoffReason.ERROR;
      apologizeForTrouble();
    }
    return handOff(reason, started);
  }

  /** Over the frustration threshold the assistant stops asking: it acknowledges the caller and hands off at once. */
  private HandoffReason converseUntilFrustrated() throws CallerHungUp, CallFailure, SpeechFailure {
    try {
      return converse();
    } catch (CallerFrustrated frustrated) {
      return announce(HandoffReason.FRUSTRATED);
    }
  }

  /** Thrown out of the dialog, from any turn, when the caller's frustration crosses the threshold. */
  private static final class CallerFrustrated extends RuntimeException {
    CallerFrustrated() {
      super(null, null, false, false);
    }
  }

  /** Measures the caller's turn (its audio was heard as it was recorded). */
  private void feelFor(Transcript heard) {
    frustrationMeter.timeWithAssistant(Duration.between(startedAt, clock.now()));
    frustrationMeter.callerSaid(heard);
  }

  /** Over the threshold, ends the dialog; a caller asking for a person is handed off as having asked, first. */
  private void checkFrustration() {
    if (frustrationMeter.overThreshold()) throw new CallerFrustrated();
  }

  private HandoffReason converse() throws CallerHungUp, CallFailure, SpeechFailure {
    channel.answer();
    caller = identifyCaller();
    Phrasing.Line greeting =
        caller.firstName().map(first -> phrasing.say("greeting.named", Map.of("name", first)))
            .orElseGet(() -> phrasing.say("greeting.anonymous"));
    Optional<Heard> first = Optional.empty();
    Phrasing.Line askIssue = phrasing.say("ask.issue", Map.of(), currentTone());
    if (caller.firstName().isEmpty()) {
      if (say(greeting.then(phrasing.say("ask.name")), KEYS_PERSON).isPresent()) {
        return announce(HandoffReason.CALLER_ASKED);
      }
      NameAnswer answer = hearName();
      if (answer.asksForPerson()) return announce(HandoffReason.CALLER_ASKED);
      first = answer.issue();
      if (answer.name().isPresent()) {
        caller = new Caller(caller.number(), answer.name(), NameSource.SPOKEN);
        askIssue = phrasing.say("name.thanks", Map.of("name", answer.name().get())).then(askIssue);
      }
    } else if (say(greeting, KEYS_PERSON).isPresent()) {
      return announce(HandoffReason.CALLER_ASKED);
    }

    Heard heard = first.isPresent() ? first.get() : hearIssue(askIssue);
    for (int corrections = 0; ; ) {
      if (heard.asksForPerson()) return announce(HandoffReason.CALLER_ASKED);
      if (heard.statement().isEmpty()) return announce(HandoffReason.RETRIES_EXHAUSTED, heard.silent());
      Transcript said = heard.statement().get();
      issue = Optional.of(Unsure.marked(said));
      Optional<SaidBack> sayBack = sayBack(said);
      if (sayBack.isEmpty()) {
        if (askedToRepeat) return announce(HandoffReason.RETRIES_EXHAUSTED);
        askedToRepeat = true;
        heard = hearIssue(phrasing.say("ask.repeat-unsure", Map.of(), currentTone()));
        continue;
      }
      SaidBack back = sayBack.get();
      reflection = Optional.of(back.reflection());
      Confirmation answer =
          confirm(SayingBack.line(phrasing, back.utterance(), back.reflection(), back.sure(), currentTone()));
      switch (answer.answer()) {
        case YES -> {
          confirmed = true;
          return announce(HandoffReason.CONFIRMED);
        }
        case PERSON -> {
          return announce(HandoffReason.CALLER_ASKED);
        }
        case UNCLEAR -> {
          return announce(HandoffReason.RETRIES_EXHAUSTED);
        }
        case NO -> {
          frustrationMeter.denied();
          if (++corrections > settings.maxCorrections()) return announce(HandoffReason.RETRIES_EXHAUSTED);
          checkFrustration();
          if (answer.correction().isPresent()) {
            heard = answer.correction().get();
            // Thanked for a correction the assistant can say back; one it must ask about again is asked about at once.
            if (sayBack(heard.statement().orElseThrow()).isPresent()
                && say(phrasing.say("thanks.correction"), KEYS_PERSON).isPresent()) {
              return announce(HandoffReason.CALLER_ASKED);
            }
          } else {
            heard = hearIssue(phrasing.say("apologize.misunderstood", Map.of(), currentTone()));
          }
        }
      }
    }
  }

  /**
   * How to speak to this caller now: softly to a caller who showed a feeling in words, or whose frustration (words,
   * voice and the dialog so far) is past frustration.tone-threshold, though not yet past the handoff threshold. The
   * one place the tone is chosen.
   */
  private Tone currentTone() {
    boolean feelingShown = transcript.stream()
        .anyMatch(t -> t.speaker() == Speaker.CALLER && Feeling.shownIn(t.text()).isPresent());
    boolean soundsUpset = frustrationMeter.level() >= settings.frustration().toneThreshold();
    return feelingShown || soundsUpset ? Tone.UPSET : Tone.CALM;
  }

  /**
   * The handoff of a caller turned away because every line is busy ({@link HandoffReason#BUSY}): made before a word
   * is said, so it names the caller as the directory or caller ID does and carries no issue, transcript or frustration.
   */
  public static Handoff busy(IncomingCall call, CallerDirectory directory, Clock clock, DialogSettings settings) {
    return new Handoff(
        handoffId(call), clock.now(), call.callId(), call.channel(), identify(call, directory),
        Optional.empty(), Optional.empty(), List.of(), false, HandoffReason.BUSY, settings.queue(), settings.priority(),
        Duration.ZERO, List.of(), Frustration.NONE, List.of());
  }

  private static String handoffId(IncomingCall call) {
    return "H-" + call.callId();
  }

  private Caller identifyCaller() {
    return identify(call, directory);
  }

  private static Caller identify(IncomingCall call, CallerDirectory directory) {
    Optional<String> number = call.callerIdNumber().filter(n -> !n.isBlank());
    Optional<String> listed = number.flatMap(directory::nameFor).filter(n -> !n.isBlank());
    if (listed.isPresent()) return new Caller(number, listed, NameSource.DIRECTORY);
    Optional<String> fromCallerId = call.callerIdName().flatMap(CallerNames::personName);
    if (fromCallerId.isPresent()) return new Caller(number, fromCallerId, NameSource.CALLER_ID);
    return new Caller(number, Optional.empty(), NameSource.NONE);
  }

  /**
   * What the caller told us about the issue: their statement (the words with the recognizer's confidence in each), or
   * a request for a person, or nothing usable (and whether that was silence).
   */
  private record Heard(Optional<Transcript> statement, boolean asksForPerson, boolean silent) {
    static final Heard PERSON = new Heard(Optional.empty(), true, false);
    static final Heard SILENCE = new Heard(Optional.empty(), false, true);
    static final Heard NOTHING = new Heard(Optional.empty(), false, false);

    static Heard said(Transcript statement) {
      return new Heard(Optional.of(statement), false, false);
    }
  }

  /**
   * What of a statement is said back: {@code utterance} is the text it is reflected from, {@code sure} whether it is
   * said as fact or as a question.
   */
  private record SaidBack(String utterance, String reflection, boolean sure) {}

  /**
   * How the issue is said back: whole when every word that carries content was heard surely; else only its sure part;
   * else, when the caller was asked to say it again already, all of it as a question ("I want to be sure I heard you
   * right. I think, ..."). Empty when the caller should be asked to say it again.
   */
  private Optional<SaidBack> sayBack(Transcript said) {
    String marked = Unsure.marked(said);
    Optional<String> sure = SayingBack.reflection(marked);
    if (sure.isPresent()) return Optional.of(new SaidBack(marked, sure.get(), true));
    if (!askedToRepeat && Unsure.hasUnsureWords(said)) return Optional.empty();
    return SayingBack.reflection(said.text()).map(whole -> new SaidBack(said.text(), whole, false));
  }

  /** The answer to "may I have your first name?": a name heard clearly, or the issue itself, or a person asked for. */
  private record NameAnswer(Optional<String> name, Optional<Heard> issue, boolean asksForPerson) {}

  private NameAnswer hearName() throws CallerHungUp, CallFailure, SpeechFailure {
    List<String> candidates = CallerNames.candidates(directory.firstNames());
    try (TranscriptionStream nameWords = speechToText.startTranscribingName(candidates);
        TranscriptionStream freeWords = speechToText.startTranscribing()) {
      Recording recording = record(settings.answerListening(), freeWords, nameWords, freeWords);
      if (recording.endedByKey()) {
        callerKeyed(recording.key());
        return new NameAnswer(Optional.empty(), Optional.empty(), recording.key() == DialogSettings.KEY_PERSON);
      }
      Transcript name = nameWords.finish();
      Transcript said = callerSaid(freeWords.finish());
      feelFor(said);
      if (Answer.asksForPerson(said.text())) return new NameAnswer(Optional.empty(), Optional.empty(), true);
      boolean sentence = said.text().split(" ").length > MAX_NAME_ANSWER_WORDS;
      Optional<Transcript> statement = sentence ? CallerStory.statementIn(said) : Optional.empty();
      statement.ifPresent(story::tells);
      checkFrustration();
      // A sentence is not a name. A caller who goes straight to the problem has told us the issue: we do not ask
      // for it again.
      if (sentence) return new NameAnswer(Optional.empty(), statement.map(Heard::said), false);
      return new NameAnswer(CallerNames.spokenFirstName(name, candidates), Optional.empty(), false);
    }
  }

  /**
   * Listens for the issue, patiently: after silence, first an invitation to take their time, then a gentler prompt in
   * other words; a caller who only said how they feel is acknowledged before being asked what happened.
   */
  private Heard hearIssue(Phrasing.Line firstPrompt) throws CallerHungUp, CallFailure, SpeechFailure {
    Phrasing.Line prompt = firstPrompt;
    int silences = 0;
    for (int attempt = 0; attempt <= settings.maxIssueReprompts(); attempt++) {
      if (say(prompt, KEYS_PERSON).isPresent()) return Heard.PERSON;
      Transcript heard;
      // Decoded while the caller speaks: when the recording ends, only the last moments are left to decode.
      try (TranscriptionStream stream = speechToText.startTranscribing()) {
        Recording recording = record(settings.issueListening(), stream, stream);
        if (recording.endedByKey() && recording.key() == DialogSettings.KEY_PERSON) {
          callerKeyed(recording.key());
          return Heard.PERSON;
        }
        heard = callerSaid(stream.finish());
        feelFor(heard);
      }
      if (Answer.asksForPerson(heard.text())) return Heard.PERSON;
      // "No, that's not right", or a follow-up answered with "no, ...": the caller contradicts the assistant, a denial
      // as the frustration meter counts them, whatever else they say.
      boolean contradicts = CallerStory.startsWithDenial(heard) && (Denial.isBare(heard) || !story.isEmpty());
      if (contradicts) frustrationMeter.denied();
      Optional<Transcript> statement = CallerStory.statementIn(heard);
      statement.ifPresent(story::tells);
      checkFrustration();
      if (statement.isPresent()) return Heard.said(statement.get());
      Optional<Phrasing.Line> acknowledged = SayingBack.acknowledgement(phrasing, heard.text(), currentTone());
      if (Denial.isBare(heard)) {
        // Only a denial, or a bare "yes": the caller has still to tell us what is wrong.
        prompt = phrasing.say("reprompt.issue", Map.of(), currentTone());
        if (!contradicts) frustrationMeter.reprompted();
      } else if (acknowledged.isPresent()) {
        prompt = acknowledged.get().then(phrasing.say("ask.after-feeling", Map.of(), currentTone()));
        silences = 0;
      } else {
        prompt = phrasing.say(silences++ == 0 ? "patience.take-time" : "reprompt.issue", Map.of(), currentTone());
        frustrationMeter.reprompted();
      }
      checkFrustration();
    }
    return silences > 0 ? Heard.SILENCE : Heard.NOTHING;
  }

  private record Confirmation(Answer answer, Optional<Heard> correction) {}

  /**
   * Says the issue back and asks whether it is right. An answer the recognizers were unsure of is asked again, never
   * acted on as if certain. A denial with more to it ("no, it's my phone line") and a reply that says the issue again
   * without a yes or no are corrections; a bare denial ("no, that's not right") is a no, never the issue.
   */
  private Confirmation confirm(Phrasing.Line sayBack) throws CallerHungUp, CallFailure, SpeechFailure {
    Tone tone = currentTone();
    Phrasing.Line question = sayBack.then(phrasing.say("confirm.ask", Map.of(), tone));
    for (int attempt = 0; attempt <= settings.maxAnswerReprompts(); attempt++) {
      Optional<Character> key = say(question, KEYS_ANSWER);
      if (key.isPresent()) return new Confirmation(Answer.fromKey(key.get()), Optional.empty());
      // The answer words and the free words ("no, it's the router") are both decoded as the caller speaks.
      try (TranscriptionStream answerWords = speechToText.startTranscribingAnswer();
          TranscriptionStream freeWords = speechToText.startTranscribing()) {
        Recording recording = record(settings.answerListening(), freeWords, answerWords, freeWords);
        if (recording.endedByKey() && KEYS_ANSWER.indexOf(recording.key()) >= 0) {
          callerKeyed(recording.key());
          return new Confirmation(Answer.fromKey(recording.key()), Optional.empty());
        }
        Transcript heard = callerSaid(answerWords.finish());
        // The free words check the grammar's answer and carry what it cannot: "no, this is ridiculous", and the
        // correction. Their final decoding costs a few milliseconds: it is decoded as the caller speaks.
        Transcript free = freeWords.finish();
        Answer answer = Answer.heard(heard, free);
        feelFor(free.isEmpty() ? heard : free);
        // The caller goes to a person now either way: a yes or a request for one is not held up by frustration.
        if (answer == Answer.YES || answer == Answer.PERSON) return new Confirmation(answer, Optional.empty());
        Optional<Heard> correction = correctionIn(free, answer == Answer.NO);
        checkFrustration();
        if (answer == Answer.NO || correction.isPresent()) return new Confirmation(Answer.NO, correction);
      }
      question = phrasing.say("reprompt.confirm");
      frustrationMeter.reprompted();
      checkFrustration();
    }
    return new Confirmation(Answer.UNCLEAR, Optional.empty());
  }

  /**
   * "No, it's the router that keeps dropping": what the caller says is wrong, after a denial or, with no yes or no, the
   * issue said again; empty for a bare denial.
   */
  private Optional<Heard> correctionIn(Transcript heard, boolean denied) {
    Optional<Transcript> content = Denial.content(heard).filter(c -> Reflection.of(c.text()).isPresent());
    if (content.isEmpty()) return Optional.empty();
    if (!denied && !SayingBack.namesAProblem(content.get().text())) return Optional.empty();
    transcript.add(new Turn(clock.now(), Speaker.CALLER, heard.text(), heard.confidence()));
    story.tells(content.get());
    return Optional.of(Heard.said(content.get()));
  }

  private HandoffReason announce(HandoffReason reason) throws CallerHungUp, CallFailure, SpeechFailure {
    return announce(reason, false);
  }

  private HandoffReason announce(HandoffReason reason, boolean afterSilence)
      throws CallerHungUp, CallFailure, SpeechFailure {
    Tone tone = currentTone();
    Phrasing.Line line =
        switch (reason) {
          case CONFIRMED -> {
            Phrasing.Line handoff = caller.firstName()
                .map(first -> phrasing.say("handoff.confirmed.named", Map.of("name", first)))
                .orElseGet(() -> phrasing.say("handoff.confirmed"));
            // The calm lines reassure in their first words; an upset caller is first told they are heard.
            yield tone == Tone.UPSET ? phrasing.say("reassure.upset").then(handoff) : handoff;
          }
          case CALLER_ASKED -> phrasing.say("handoff.asked");
          case RETRIES_EXHAUSTED -> phrasing.say(afterSilence ? "handoff.silence" : "handoff.retries");
          case ERROR, HUNG_UP, BUSY -> phrasing.say("handoff.error");
          case FRUSTRATED -> phrasing.say("handoff.frustrated");
        };
    say(line, "");
    return reason;
  }

  private void apologizeForTrouble() {
    try {
      say(phrasing.say("handoff.error"), "");
    } catch (CallerHungUp | CallFailure | SpeechFailure | RuntimeException e) {
      problems.add(e);
    }
  }

  /**
   * Says a line, part by part, until the caller presses one of {@code interruptKeys} (returned) or starts speaking over
   * it: then the rest of the line, and every line after it until the caller's turn is heard, is left unsaid (lines
   * the caller must hear whole excepted), and what they say is their turn.
   */
  private Optional<Character> say(Phrasing.Line line, String interruptKeys)
      throws CallerHungUp, CallFailure, SpeechFailure {
    if (callerTalking && !line.heardWhole()) return Optional.empty();
    Instant now = clock.now();
    transcript.add(new Turn(now, Speaker.ASSISTANT, line.text(), 1.0));
    line.ids().forEach(id -> phrasesUsed.add(new PhraseUse(now, id)));
    // Every part is synthesized ahead while the parts before it play: the caller hears the first words (a fixed
    // lead-in, made before the call) at once, not after the whole line is synthesized.
    List<TextToSpeech.Ahead> audio = new ArrayList<>();
    for (Phrasing.Part part : line.parts()) audio.add(textToSpeech.synthesizeAhead(part.text(), !part.personal()));
    try {
      for (int i = 0; i < audio.size(); i++) {
        Phrasing.Part part = line.parts().get(i);
        SpokenPrompt prompt =
            new SpokenPrompt(part.text(), audio.get(i).await(), !part.personal(), i > 0, line.heardWhole());
        Played played = channel.play(prompt, interruptKeys);
        if (played.key().isPresent()) {
          callerKeyed(played.key().get());
          return played.key();
        }
        if (played.callerSpoke()) {
          callerTalking = true;
          return Optional.empty();
        }
      }
      return Optional.empty();
    } finally {
      audio.forEach(TextToSpeech.Ahead::cancel);
    }
  }

  /**
   * Records the caller's turn; each piece of audio, as it comes, goes to every recognizer that listens for this turn
   * and to the frustration meter's voice analysis. Where the assistant decides when the turn ends, it asks {@code
   * words} what the caller said up to their pause.
   */
  private Recording record(Listening listening, TranscriptionStream words, TranscriptionStream... listeners)
      throws CallerHungUp, CallFailure {
    callerTalking = false;
    return channel.record(listening, new TurnListener() {
      @Override
      public void hear(Audio piece) {
        for (TranscriptionStream listener : listeners) listener.accept(piece);
        frustrationMeter.hear(piece);
      }

      @Override
      public Optional<String> wordsSoFar() {
        return words.wordsSoFar();
      }
    });
  }

  private Transcript callerSaid(Transcript heard) {
    transcript.add(new Turn(clock.now(), Speaker.CALLER, heard.text(), heard.confidence()));
    return heard;
  }

  private void callerKeyed(char key) {
    frustrationMeter.callerKeyed(key);
    transcript.add(new Turn(clock.now(), Speaker.CALLER, "[key " + key + "]", 1.0));
  }

  private void keepWhatWasSaid(Optional<Audio> partial) {
    if (partial.isEmpty() || partial.get().isEmpty()) return;
    try {
      Transcript heard = callerSaid(speechToText.transcribe(partial.get()));
      Optional<Transcript> statement = CallerStory.statementIn(heard);
      statement.ifPresent(story::tells);
      if (issue.isEmpty()) issue = statement.map(Unsure::marked);
    } catch (SpeechFailure | RuntimeException e) {
      problems.add(e);
    }
  }

  private Outcome handOff(HandoffReason reason, Instant started) {
    Instant now = clock.now();
    Handoff handoff =
        new Handoff(
            handoffId(call),
            now,
            call.callId(),
            call.channel(),
            caller,
            story.issue(issue, confirmed).map(Redactor::redact),
            reflection.map(Redactor::redact),
            story.statements().stream().map(Redactor::redact).toList(),
            confirmed,
            reason,
            settings.queue(),
            reason == HandoffReason.FRUSTRATED ? settings.frustration().priority() : settings.priority(),
            Duration.between(started, now),
            redacted(transcript),
            redacted(frustrationMeter.current()),
            phrasesUsed);
    try {
      store.save(handoff);
    } catch (HandoffStore.StoreFailure | RuntimeException e) {
      problems.add(e);
    }
    try {
      channel.handOff(handoff);
    } catch (CallFailure | RuntimeException e) {
      problems.add(e);
    }
    return new Outcome(handoff, problems);
  }

  /**
   * The transcript as it may be stored and sent: card numbers, account numbers and other long spoken numbers, security
   * codes, national IDs and e-mail addresses replaced by markers. Everything that leaves the call (store, webhook, channel variables) is built from it.
   */
  private static List<Turn> redacted(List<Turn> turns) {
    List<String> texts = Redactor.redactLines(turns.stream().map(Turn::text).toList());
    List<Turn> out = new ArrayList<>(turns.size());
    for (int i = 0; i < turns.size(); i++) {
      Turn t = turns.get(i);
      out.add(new Turn(t.at(), t.speaker(), texts.get(i), t.confidence()));
    }
    return out;
  }

  /** The frustration cues as the agent reads them: an explanation quoting the caller is redacted like the transcript. */
  private static Frustration redacted(Frustration frustration) {
    return new Frustration(frustration.score(), frustration.cues().stream()
        .map(c -> new Frustration.Cue(c.id(), Redactor.redact(c.explanation()), c.weight())).toList());
  }
}
