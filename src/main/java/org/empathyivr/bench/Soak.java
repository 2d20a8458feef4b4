package org.empathyivr.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.empathyivr.app.SupportLine;
import org.empathyivr.adapter.freetts.FreeTtsTextToSpeech;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.config.Settings;
import org.empathyivr.config.SettingsReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code soak} command: serves the support line in this process (bundled model, FreeTTS, default settings, a
 * temporary spool) and places many simulated calls, a fixed number at a time, with mixed callers: some confirm, some
 * correct the issue, ask for a person, stay silent, or hang up at the greeting, while speaking, or at the reflection.
 * It measures the process (threads, open file descriptors, RSS, heap after a collection) when the first calls are
 * done and again when the last are, and passes when no call went wrong and nothing grew between the two.
 *
 * <p>Calls are not in real time (prompts and recordings take no time), so many calls fit in minutes; the service's
 * work per call is the same. Exit status 0 on a pass, 1 on errors or growth, 2 for a usage error.
 */
@Command(name = "soak",
    description = "serve the line in-process, place 500 mixed calls 30 at a time; report errors and any growth")
public final class Soak implements Callable<Integer> {
  private static final Path DEFAULT_CALLERS = Path.of("src", "test", "resources", "callers");
  /** The calls measured at each end: this many, or a third of a shorter soak. */
  private static final int MEASURED_CALLS = 100;
  /** The figures are printed after every this many calls (or after each third of a shorter soak). */
  private static final int CHECKPOINT_CALLS = 50;
  private static final long BUSY_RECORDS_SETTLE_MS = 1_000;
  /**
   * How long the soak's recognizers wait idle before the service frees them (30 s in service): short enough to wait
   * for at every checkpoint, longer than the settling before the figures with the idle recognizers.
   */
  private static final java.time.Duration IDLE_FREE = java.time.Duration.ofSeconds(10);
  /**
   * Growth tolerated between the two measurements. Far below what a leak of one thread, descriptor or recognizer per
   * call would add over the calls between them; above what the server's thread pool and the allocator move by.
   */
  static final int MAX_THREAD_GROWTH = 5;
  static final int MAX_FD_GROWTH = 5;
  static final long MAX_HEAP_GROWTH_MIB = 16;
  static final long MAX_RSS_GROWTH_MIB = 64;
  /**
   * How long a simulated caller waits for a silent service (and twice that for the whole call): a soak on a busy
   * machine is slow, and a caller giving up would be counted against the service.
   */
  private static final java.time.Duration CALLER_PATIENCE = java.time.Duration.ofMinutes(5);
  /** Every kind of call the line gets, hangups at several points included. */
  static final List<List<String>> CALLER_SCRIPTS =
      List.of(
          List.of("internet-dropping.wav", "yes.wav"),
          List.of("billing.wav", "billing.wav", "yeah-thats-right.wav"),
          List.of("internet-dropping.wav", "no-its-the-router.wav", "yes.wav"),
          List.of("agent.wav"),
          List.of("hangup"),
          List.of("hangup-after:billing.wav"),
          List.of("internet-dropping.wav", "hangup"),
          List.of("dtmf:0"),
          List.of("silence", "silence", "silence"),
          List.of("weather.wav", "no.wav", "hangup"));

  @Option(names = "--callers", paramLabel = "DIR", description = "the caller WAVs (default: ${DEFAULT-VALUE})")
  private Path callers = DEFAULT_CALLERS;

  @Option(names = "--calls", paramLabel = "N", description = "calls in all, at least 3 (default: ${DEFAULT-VALUE})")
  private int calls = 500;

  @Option(names = "--concurrent", paramLabel = "N", description = "calls at a time (default: ${DEFAULT-VALUE})")
  private int concurrent = 30;

  @Spec private CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  public Soak(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (calls < 3) throw usage("--calls must be at least 3 (first, middle and last calls)");
    if (concurrent < 1) throw usage("--concurrent must be at least 1, got " + concurrent);
    for (List<String> script : CALLER_SCRIPTS) {
      for (String turn : script) {
        String file = turn.replaceFirst("^hangup-after:", "");
        if (file.endsWith(".wav") && !Files.isRegularFile(callers.resolve(file))) {
          throw usage("no caller fixture " + callers.resolve(file) + " (from the source checkout's "
              + DEFAULT_CALLERS + "; run from there or pass --callers DIR)");
        }
      }
    }
    try {
      return soak(callers, calls, concurrent, out);
    } catch (Exception e) {
      err.println("soak: " + e);
      return 1;
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), "soak: " + message);
  }

  private static int soak(Path callers, int calls, int concurrent, PrintStream out) throws Exception {
    Path root = Files.createTempDirectory("empathy-ivr-soak");
    Path handoffs = root.resolve("handoffs.jsonl");
    Settings settings =
        SettingsReader.read(
            Map.of(
                "agi.port", Integer.toString(Benchmark.freePort()),
                // Hundreds of calls as fast as the line serves them: prompt files and recordings, not audio paced
                // in real time (the bench measures AudioSocket calls).
                "media.mode", "record",
                // Exactly the soak's calls: the line is full, and the busy callers are turned away.
                "agi.max-calls", Integer.toString(concurrent),
                "spool.dir", root.resolve("spool").toString(),
                "handoff.store-url", "jsonl:" + handoffs));
    int measured = Math.min(MEASURED_CALLS, calls / 3);
    int every = Math.min(CHECKPOINT_CALLS, measured);
    out.printf("SOAK %d calls, %d at a time (agi.max-calls %d), %d caller scripts in turn (hangups included); figures"
        + " after every %d calls, compared after %d and after %d; a busy caller every %d ms while the line is full%n",
        calls, concurrent, concurrent, CALLER_SCRIPTS.size(), every, measured, calls, BusyCallers.EVERY_MS);
    try (VoskSpeechToText stt =
            VoskSpeechToText.open(settings.speech().modelDir(), settings.speech().maxLiveRecognizers(),
                settings.speech().recognizerReuseSeconds(), IDLE_FREE, TurnTiming.NONE,
                settings.speech().composedGraph());
        FreeTtsTextToSpeech tts = FreeTtsTextToSpeech.load(settings.speech().voices())) {
      SupportLine line = Benchmark.start(settings, stt, tts);
      try {
        SimulatedCalls placer =
            new SimulatedCalls(settings.agi().port(), callers, CALLER_SCRIPTS, Optional.of(CALLER_PATIENCE));
        BusyCallers busy = new BusyCallers(settings.agi().port(), () -> line.callsInProgress() >= concurrent);
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        Map<Integer, Footprint> series = new java.util.LinkedHashMap<>();
        // One call before the soak, as bench places one: the first busy caller comes the moment every line is taken,
        // and in a JVM that has not yet run a call it would wait for the classes of a whole call being loaded.
        Round warmUp = placer.place(1, 1, false);
        out.printf("SOAK warm-up call (not counted): %s%n", warmUp.failures().isEmpty() ? "ok" : warmUp.failures());
        failures.addAll(warmUp.failures());
        busy.start();
        try {
          for (int done = 0; done < calls; ) {
            int n = Math.min(every, calls - done);
            Round round = placer.place(n, concurrent, false);
            done += n;
            failures.addAll(round.failures());
            Footprint withIdle = Footprint.settled();
            // The recognizers waiting idle for the next call are bounded, and a quiet line frees them: growth is
            // measured once the service has freed them (within a quarter of IDLE_FREE after it).
            Thread.sleep(IDLE_FREE.toMillis());
            Footprint footprint = Footprint.settled();
            out.printf("SOAK after %d calls (%.1f s, %d errors): %s; RSS with the idle recognizers %s%n", done,
                round.wallMs() / 1000.0, round.failures().size(), footprint,
                withIdle.rssMib().map(r -> r + " MiB").orElse("n/a"));
            series.put(done, footprint);
          }
        } finally {
          busy.stop();
        }
        failures.addAll(busy.failures());
        out.printf("SOAK %d calls in %.1f s, %d errors%n", calls, (System.nanoTime() - started) / 1e9,
            failures.size());
        failures.stream().limit(20).forEach(f -> out.println("SOAK   error: " + f));
        long soakCallsTurnedAway = busyHandoffs(handoffs) - busy.busyCalls();
        out.println("SOAK " + busy + "; soak calls turned away as busy: " + soakCallsTurnedAway);
        Footprint first = series.get(measured);
        Footprint last = series.get(calls);
        List<String> growth = growth(first, last);
        out.printf("SOAK growth from call %d to call %d: threads %+d, open fds %s, heap %+d MiB, RSS %s%n",
            measured, calls, last.threads() - first.threads(),
            first.openFds().flatMap(a -> last.openFds().map(b -> String.format("%+d", b - a))).orElse("n/a"),
            last.heapUsedMib() - first.heapUsedMib(),
            first.rssMib().flatMap(a -> last.rssMib().map(b -> String.format("%+d MiB", b - a))).orElse("n/a"));
        List<String> missed = new ArrayList<>(growth);
        if (!busy.metTarget()) missed.add("busy handoff p99 " + busy.p99Ms() + " ms (at most " + BusyCallers.P99_TARGET_MS + ")");
        boolean pass = failures.isEmpty() && missed.isEmpty();
        out.println("SOAK " + (pass ? "PASS: no errors, no growth, busy callers turned away in time"
            : "FAIL: " + failures.size() + " errors" + (missed.isEmpty() ? "" : "; " + String.join(", ", missed))));
        return pass ? 0 : 1;
      } finally {
        line.stop();
      }
    }
  }

  /** How many busy handoffs the store holds (it stores them off the callers' way: give it a moment). */
  private static long busyHandoffs(Path handoffs) throws IOException, InterruptedException {
    Thread.sleep(BUSY_RECORDS_SETTLE_MS);
    if (!Files.exists(handoffs)) return 0;
    try (Stream<String> lines = Files.lines(handoffs)) {
      return lines.filter(l -> l.contains("\"reason\":\"busy\"")).count();
    }
  }

  /** What grew beyond its tolerance, named with the figures; empty when nothing did. */
  static List<String> growth(Footprint first, Footprint last) {
    List<String> grew = new ArrayList<>();
    if (last.threads() - first.threads() > MAX_THREAD_GROWTH) {
      grew.add("threads " + first.threads() + " -> " + last.threads() + " (at most +" + MAX_THREAD_GROWTH + ")");
    }
    if (first.openFds().isPresent() && last.openFds().isPresent()
        && last.openFds().get() - first.openFds().get() > MAX_FD_GROWTH) {
      grew.add("open fds " + first.openFds().get() + " -> " + last.openFds().get() + " (at most +" + MAX_FD_GROWTH
          + ")");
    }
    if (last.heapUsedMib() - first.heapUsedMib() > MAX_HEAP_GROWTH_MIB) {
      grew.add("heap " + first.heapUsedMib() + " -> " + last.heapUsedMib() + " MiB (at most +" + MAX_HEAP_GROWTH_MIB
          + ")");
    }
    Optional<Long> rssGrowth = first.rssMib().flatMap(a -> last.rssMib().map(b -> b - a));
    if (rssGrowth.isPresent() && rssGrowth.get() > MAX_RSS_GROWTH_MIB) {
      grew.add("RSS " + first.rssMib().get() + " -> " + last.rssMib().get() + " MiB (at most +" + MAX_RSS_GROWTH_MIB
          + ")");
    }
    return grew;
  }
}
