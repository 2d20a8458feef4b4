package org.empathyivr.domain.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.CallChannel;
import org.empathyivr.domain.port.CallFailure;
import org.empathyivr.domain.port.CallerHungUp;
import org.empathyivr.domain.port.Listening;
import org.empathyivr.domain.port.Played;
import org.empathyivr.domain.port.TurnListener;
import org.empathyivr.domain.port.Recording;
import org.empathyivr.domain.port.SpokenPrompt;
import org.empathyivr.domain.summary.Handoff;

/**
 * A call whose caller follows a script: each recording takes the next caller turn. Logs what the assistant does so a
 * test can assert it: {@code "say: Hello Maria. …"}, {@code "record"}, {@code "handoff: confirmed"}.
 *
 * <p>A recording's audio is passed on as it is "recorded" in two pieces, the way a live line delivers it in many.
 *
 * <p>Like Mockito, but worse and requiring less configuration.
 */
final class ScriptedCallChannel implements CallChannel {
  private sealed interface CallerTurn {}

  private record Says(String text) implements CallerTurn {}

  private record Presses(char key) implements CallerTurn {}

  private record PressesDuringPrompt(char key) implements CallerTurn {}

  private record HangsUp(String saidFirst) implements CallerTurn {}

  private record Silence() implements CallerTurn {}

  private record HangsUpDuringPrompt() implements CallerTurn {}

  /** Starts speaking over the next prompt that may be interrupted; what they say is the next recording. */
  private record SpeaksOverPrompt(String text) implements CallerTurn {}

  private final Deque<CallerTurn> turns = new ArrayDeque<>();
  private final List<String> log = new ArrayList<>();
  private final List<SpokenPrompt> played = new ArrayList<>();
  /** What the caller heard in one go: prompts played one after another, as one text. */
  private final List<String> said = new ArrayList<>();
  private boolean hungUp;
  private boolean failPlayback;
  private Handoff handoff;

  ScriptedCallChannel says(String text) {
    turns.add(new Says(text));
    return this;
  }

  ScriptedCallChannel presses(char key) {
    turns.add(new Presses(key));
    return this;
  }

  /** The caller presses a key while the next prompt plays. */
  ScriptedCallChannel pressesDuringPrompt(char key) {
    turns.add(new PressesDuringPrompt(key));
    return this;
  }

  ScriptedCallChannel staysSilent() {
    turns.add(new Silence());
    return this;
  }

  ScriptedCallChannel hangsUp() {
    turns.add(new HangsUp(""));
    return this;
  }

  /** The caller says something, then hangs up before the recording ends. */
  ScriptedCallChannel hangsUpAfterSaying(String text) {
    turns.add(new HangsUp(text));
    return this;
  }

  /**
   * The caller starts saying {@code text} over the next prompt they may interrupt (as on a line that listens all the
   * time): the prompt stops, and the words are the next recording.
   */
  ScriptedCallChannel speaksOverPrompt(String text) {
    turns.add(new SpeaksOverPrompt(text));
    return this;
  }

  /** The caller hangs up while the next prompt plays. */
  ScriptedCallChannel hangsUpDuringPrompt() {
    turns.add(new HangsUpDuringPrompt());
    return this;
  }

  ScriptedCallChannel failsToPlay() {
    failPlayback = true;
    return this;
  }

  @Override
  public void answer() throws CallerHungUp {
    log.add("answer");
  }

  @Override
  public Played play(SpokenPrompt prompt, String interruptKeys) throws CallerHungUp, CallFailure {
    if (hungUp) throw new CallerHungUp("dead channel");
    if (failPlayback) throw new CallFailure("prompt could not be played");
    // A line played in parts (a fixed lead-in, then the caller's words) is one thing said, as the caller hears it.
    if (prompt.continuesLine()) {
      log.set(log.size() - 1, log.get(log.size() - 1) + " " + prompt.text());
      said.set(said.size() - 1, said.get(said.size() - 1) + " " + prompt.text());
    } else {
      log.add("say: " + prompt.text());
      said.add(prompt.text());
    }
    played.add(prompt);
    if (turns.peek() instanceof HangsUpDuringPrompt) {
      turns.poll();
      hungUp = true;
      throw new CallerHungUp("hung up during prompt");
    }
    if (turns.peek() instanceof PressesDuringPrompt p && interruptKeys.indexOf(p.key()) >= 0) {
      turns.poll();
      log.add("key during prompt: " + p.key());
      return Played.byKey(p.key());
    }
    if (turns.peek() instanceof SpeaksOverPrompt s && !prompt.heardWhole()) {
      turns.poll();
      turns.addFirst(new Says(s.text()));
      log.add("speaks over prompt");
      return Played.CALLER_SPOKE;
    }
    return Played.WHOLE;
  }

  @Override
  public Recording record(Listening listening, TurnListener asRecorded) throws CallerHungUp {
    if (hungUp) throw new CallerHungUp("dead channel");
    log.add("record");
    CallerTurn turn = turns.poll();
    if (turn == null || turn instanceof PressesDuringPrompt || turn instanceof HangsUpDuringPrompt
        || turn instanceof SpeaksOverPrompt) {
      throw new IllegalStateException("the script has no caller turn left for this recording; log: " + log);
    }
    if (turn instanceof Says s) {
      return new Recording(passOn(TextAsAudio.audioOf(s.text()), asRecorded), Recording.End.SILENCE, (char) 0);
    }
    if (turn instanceof Silence) {
      return new Recording(passOn(Audio.silence(8000, 1000), asRecorded), Recording.End.SILENCE, (char) 0);
    }
    if (turn instanceof Presses p) {
      if (listening.stopKeys().indexOf(p.key()) < 0) {
        throw new IllegalStateException("key " + p.key() + " does not stop " + listening);
      }
      return Recording.ofKey(Audio.silence(8000, 200), p.key());
    }
    HangsUp h = (HangsUp) turn;
    hungUp = true;
    Audio partial = h.saidFirst().isEmpty() ? null : passOn(TextAsAudio.audioOf(h.saidFirst()), asRecorded);
    throw new CallerHungUp("hung up while recording", partial);
  }

  private static Audio passOn(Audio audio, TurnListener asRecorded) {
    short[] samples = audio.samples();
    int half = samples.length / 2;
    asRecorded.hear(new Audio(audio.sampleRateHz(), Arrays.copyOfRange(samples, 0, half)));
    asRecorded.hear(new Audio(audio.sampleRateHz(), Arrays.copyOfRange(samples, half, samples.length)));
    return audio;
  }

  @Override
  public void handOff(Handoff handoff) {
    this.handoff = handoff;
    log.add("handoff: " + handoff.reason().label());
  }

  Handoff handoff() {
    return handoff;
  }

  /** Every prompt played, part by part. */
  List<SpokenPrompt> played() {
    return played;
  }

  /** What the assistant said, each line as one text however many prompts it was played in. */
  List<String> said() {
    return said;
  }

  List<String> log() {
    return log;
  }

  /**
   * Asserts the whole log. An expected line ending in "…" matches a line starting with the text before it; one
   * starting with "~" matches a line containing the rest.
   */
  void assertLog(String... expected) {
    List<String> actual = new ArrayList<>(log);
    List<String> wanted = Arrays.asList(expected);
    for (int i = 0; i < Math.min(actual.size(), wanted.size()); i++) {
      String w = wanted.get(i);
      if (w.endsWith("…") && actual.get(i).startsWith(w.substring(0, w.length() - 1))) actual.set(i, w);
      if (w.startsWith("~") && actual.get(i).contains(w.substring(1))) actual.set(i, w);
    }
    assertEquals(String.join("\n", wanted), String.join("\n", actual));
  }
}
