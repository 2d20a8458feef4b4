package org.empathyivr.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.empathyivr.simulate.CallerTurn;
import org.empathyivr.simulate.Event;
import org.empathyivr.simulate.SessionResult;
import org.empathyivr.simulate.CallerSpeech;
import org.empathyivr.simulate.HeardFrame;
import org.empathyivr.simulate.SimulatedAsterisk;

/** Places rounds of simulated calls at once against the support line on a loopback port. */
final class SimulatedCalls {
  private final int port;
  private final List<List<CallerTurn>> callerScripts;
  private static final AtomicInteger THREADS = new AtomicInteger();
  private final AtomicInteger placed = new AtomicInteger();
  private final Optional<Duration> patience;

  SimulatedCalls(int port, Path callers, List<List<String>> callerScripts) {
    this(port, callers, callerScripts, Optional.empty());
  }

  /**
   * @param patience how long a caller waits for a silent service before hanging up, and for the whole call before
   *     giving up (for a machine too busy for the simulator's defaults); empty for those defaults
   */
  SimulatedCalls(int port, Path callers, List<List<String>> callerScripts, Optional<Duration> patience) {
    this.port = port;
    this.patience = patience;
    this.callerScripts =
        callerScripts.stream().map(script -> script.stream().map(spec -> turn(callers, spec)).toList()).toList();
  }

  /** A caller turn as {@code simulate} takes it, with WAV file names relative to the callers directory. */
  private static CallerTurn turn(Path callers, String spec) {
    return CallerTurn.parse(fixture(spec).map(wav -> spec.substring(0, spec.length() - wav.length())
        + callers.resolve(wav)).orElse(spec));
  }

  /** The caller WAV a turn spec names ({@code file.wav}, {@code hangup-after:file.wav}, {@code barge:MS:file.wav}). */
  static Optional<String> fixture(String spec) {
    Matcher m = FIXTURE.matcher(spec);
    return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
  }

  private static final Pattern FIXTURE = Pattern.compile("(hangup-after:|barge:\\d+:)?(.*\\.wav)");

  /** Places {@code n} calls at once and waits for all of them; in real time, prompts and speech take their length. */
  Round place(int n, boolean realtime) throws InterruptedException {
    return place(n, n, realtime);
  }

  /**
   * Places {@code n} calls, at most {@code atOnce} at the same time (the next starts when one ends), and waits for all
   * of them and for the threads that placed them to end.
   */
  Round place(int n, int atOnce, boolean realtime) throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(atOnce, SimulatedCalls::asteriskThread);
    long startNanos = System.nanoTime();
    try {
      List<Future<List<Call>>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int script = nextScript();
        calls.add(threads.submit(() -> List.of(call(script, realtime))));
      }
      return round(calls, startNanos);
    } finally {
      threads.shutdownNow();
      threads.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  /**
   * Keeps {@code lines} calls in progress at once, as on a line where calls arrive at random rather than all in the
   * same instant: line {@code i} places its first call {@code i/lines} of {@code spread} after the first, then its
   * next call as soon as one ends. The first call of each line only brings the line up to {@code lines} calls; the
   * figures are of the {@code measuredPerLine} calls after it, placed while the other lines are busy too.
   */
  Round placeSpread(int lines, int measuredPerLine, Duration spread, boolean realtime) throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(lines, SimulatedCalls::asteriskThread);
    long startNanos = System.nanoTime();
    try {
      List<Future<List<Call>>> calls = new ArrayList<>();
      for (int i = 0; i < lines; i++) {
        long startsAtNanos = startNanos + spread.toNanos() * i / lines;
        calls.add(threads.submit(() -> {
          Thread.sleep(Math.max(0, (startsAtNanos - System.nanoTime()) / 1_000_000));
          call(nextScript(), realtime);
          List<Call> measured = new ArrayList<>();
          for (int c = 0; c < measuredPerLine; c++) measured.add(call(nextScript(), realtime));
          return measured;
        }));
      }
      return round(calls, startNanos);
    } finally {
      threads.shutdownNow();
      threads.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  /** Named so that {@link ThreadCpu} tells the simulated Asterisk's CPU from the service's. */
  private static Thread asteriskThread(Runnable task) {
    return new Thread(task, "simulated-asterisk-" + THREADS.incrementAndGet());
  }

  private int nextScript() {
    return placed.getAndIncrement() % callerScripts.size();
  }

  private static Round round(List<Future<List<Call>>> placed, long startNanos) throws InterruptedException {
    List<Long> replies = new ArrayList<>();
    List<Long> bargeIns = new ArrayList<>();
    List<Long> listening = new ArrayList<>();
    List<Long> twoTurnCalls = new ArrayList<>();
    int cutOff = 0;
    List<Long> turnTimes = new ArrayList<>();
    List<Long> firstPrompts = new ArrayList<>();
    List<Long> gaps = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int count = 0;
    for (Future<List<Call>> future : placed) {
      try {
        for (Call call : future.get()) {
          count++;
          call.result().thinkTimesAfterRecordings().forEach(d -> turnTimes.add(d.toMillis()));
          call.result().thinkTimesBetweenPrompts().forEach(d -> gaps.add(d.toMillis()));
          if (call.firstPromptMs() >= 0) firstPrompts.add(call.firstPromptMs());
          call.failure().ifPresent(failures::add);
          SessionResult r = call.result();
          if (r.usedAudioSocket()) {
            r.replyLatencies().forEach(d -> replies.add(d.toMillis()));
            r.bargeInStopTimes().forEach(d -> bargeIns.add(d.toMillis()));
            r.events(Event.Answered.class).stream().findFirst()
                .ifPresent(a -> listening.add(r.audioSockets().get(0).startMs() - a.whenMs()));
            if (call.script() == TWO_TURN_SCRIPT) r.callTime().ifPresent(t -> twoTurnCalls.add(t.toMillis()));
            cutOff += spokenOver(r);
          }
        }
      } catch (java.util.concurrent.ExecutionException e) {
        count++;
        failures.add(e.getCause().toString());
      }
    }
    Round.Streamed streamed = listening.isEmpty() ? Round.Streamed.NONE
        : new Round.Streamed(replies, bargeIns, listening, twoTurnCalls, cutOff);
    return new Round(
        (System.nanoTime() - startNanos) / 1_000_000, turnTimes, firstPrompts, gaps, failures, count, streamed);
  }

  /** The script of a caller who says the issue and then yes: the call whose length the figures follow. */
  static final int TWO_TURN_SCRIPT = 0;

  /**
   * Whether the assistant spoke (a frame with sound reached the caller) while a caller who waited their turn was
   * still speaking, after the first 300 ms of their speech (a prompt stopping for them takes that long): 1 or 0.
   */
  static int spokenOver(SessionResult r) {
    for (CallerSpeech speech : r.callerSpeech()) {
      if (speech.kind() != CallerSpeech.Kind.POLITE) continue;
      for (HeardFrame frame : r.heard()) {
        if (frame.atMs() > speech.startMs() + 300 && frame.atMs() < speech.endMs() - 20 && frame.peak() >= 300) {
          return 1;
        }
      }
    }
    return 0;
  }

  private Call call(int script, boolean realtime) throws java.io.IOException {
    List<CallerTurn> turns = callerScripts.get(script);
    AtomicLong firstPromptNanos = new AtomicLong(-1);
    long startNanos = System.nanoTime();
    SimulatedAsterisk.Builder asterisk = SimulatedAsterisk.connectingTo("127.0.0.1", port);
    patience.ifPresent(p -> asterisk.hangUpWhenServiceSilentFor(p).giveUpAfter(p.multipliedBy(2)));
    SessionResult result =
        asterisk
            .callerId("5551234", "Maria Lopez")
            .realtime(realtime)
            .onEvent(e -> {
              if (e instanceof Event.PromptPlayed || e instanceof Event.PromptFailed) {
                firstPromptNanos.compareAndSet(-1, System.nanoTime());
              }
            })
            .build()
            .call(turns);
    long firstPromptMs = firstPromptNanos.get() < 0 ? -1 : (firstPromptNanos.get() - startNanos) / 1_000_000;
    return new Call(result, firstPromptMs, script);
  }

  /** One call: its record, when its first prompt was asked for (-1: never), and which script the caller followed. */
  private record Call(SessionResult result, long firstPromptMs, int script) {
    /** Why the call did not go as a call should: no handoff, a failed prompt, a broken or abandoned session. */
    java.util.Optional<String> failure() {
      if (result.gaveUp()) return java.util.Optional.of("gave up waiting for the service");
      if (!result.events(Event.PromptFailed.class).isEmpty()) return java.util.Optional.of("a prompt failed");
      String reason = result.variable("HANDOFF_REASON").orElse("unset");
      if (reason.equals("unset") || reason.equals("error")) {
        return java.util.Optional.of("handoff reason " + reason);
      }
      return java.util.Optional.empty();
    }
  }
}
