package org.empathyivr.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.empathyivr.app.SupportLine;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.adapter.freetts.FreeTtsTextToSpeech;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.config.ConfigException;
import org.empathyivr.config.Settings;
import org.empathyivr.config.SettingsReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code bench} command: serves the support line in this process (the bundled Vosk model, FreeTTS, default
 * settings, a temporary spool) and places rounds of simulated calls at once, in real time, as Asterisk would. For each
 * round it prints the service turn time (end of the caller's recording to the reply prompt ready to play), the time
 * from connecting to the first prompt, the process's memory, and calls per second.
 *
 * <p>Runs in-process so that it reads its own {@code /proc/self/status} and heap. Exit status 0 when every call ended
 * in a handoff, 1 when one did not, 2 for a usage error.
 */
@Command(name = "bench",
    description = "serve the line in-process and place N simulated calls at once; print turn times and memory")
public final class Benchmark implements Callable<Integer> {
  private static final Path DEFAULT_CALLERS = Path.of("src", "test", "resources", "callers");
  private static final List<Integer> DEFAULT_ROUNDS = List.of(1, 10, 30);
  /** What the callers do, taken in turn: confirm at once, say the issue again when asked, or correct it first. */
  private static final List<List<String>> CALLER_SCRIPTS =
      List.of(
          List.of("internet-dropping.wav", "yes.wav"),
          List.of("billing.wav", "billing.wav", "yeah-thats-right.wav"),
          List.of("internet-dropping.wav", "no-its-the-router.wav", "yes.wav"));
  /**
   * On a streamed line a fourth caller starts talking 1.5 s into the greeting, as many callers do, and says yes over
   * the assistant's "is that right?".
   */
  private static final List<String> BARGE_IN_SCRIPT = List.of("barge:1500:internet-dropping.wav", "barge:1800:yes.wav");

  /** Which media the bench's lines use. */
  enum Media {
    AUDIOSOCKET,
    RECORD,
    BOTH
  }

  @Option(names = "--media", paramLabel = "MODE",
      description = "audiosocket, record or both (default: ${DEFAULT-VALUE}): a line of each, one after the other"
          + " (the second line's memory figures include what the first left in the process)")
  private Media media = Media.BOTH;

  @Option(names = "--callers", paramLabel = "DIR", description = "the caller WAVs (default: ${DEFAULT-VALUE})")
  private Path callers = DEFAULT_CALLERS;

  @Option(names = "--calls", paramLabel = "N", split = ",", description = "calls at once in each round (default: 1,10,30)")
  private List<Integer> rounds = DEFAULT_ROUNDS;

  @Option(names = "--burst", description = "start each round's calls together rather than spread over a call's length")
  private boolean burst;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "a setting for the line, as in the properties file")
  private Map<String, String> settings = new java.util.LinkedHashMap<>();

  @Spec private CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  public Benchmark(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (rounds.stream().anyMatch(n -> n < 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "bench: fewer than 1 call: " + rounds);
    }
    missingFixture(callers).ifPresent(missing -> {
      throw new CommandLine.ParameterException(spec.commandLine(), "bench: no caller fixture " + missing
          + " (from the source checkout's " + DEFAULT_CALLERS + "; run from there or pass --callers DIR)");
    });
    try {
      int status = 0;
      for (Media mode : media == Media.BOTH ? List.of(Media.AUDIOSOCKET, Media.RECORD) : List.of(media)) {
        status = Math.max(status, bench(mode, callers, rounds, burst, settings, out));
      }
      return status;
    } catch (Exception e) {
      err.println("bench: " + e);
      return 1;
    }
  }

  private static Optional<Path> missingFixture(Path callers) {
    return Stream.concat(CALLER_SCRIPTS.stream().flatMap(List::stream), BARGE_IN_SCRIPT.stream())
        .flatMap(spec -> SimulatedCalls.fixture(spec).stream()).map(callers::resolve)
        .filter(f -> !Files.isRegularFile(f)).findFirst();
  }

  private static int bench(Media media, Path callers, List<Integer> rounds, boolean burst, Map<String, String> given,
      PrintStream out) throws Exception {
    boolean streamed = media == Media.AUDIOSOCKET;
    Path root = Files.createTempDirectory("empathy-ivr-bench");
    int most = Collections.max(rounds);
    // The defaults, what --set gave, and a line of its own: a free port, room for every call, a temporary spool.
    Map<String, String> values = new java.util.LinkedHashMap<>(given);
    values.put("agi.port", Integer.toString(freePort()));
    values.put("media.mode", streamed ? "audiosocket" : "record");
    values.put("media.port", Integer.toString(freePort()));
    values.put("agi.max-calls", Integer.toString(Math.max(32, most)));
    values.put("spool.dir", root.resolve("spool").toString());
    values.put("handoff.store-url", "jsonl:" + root.resolve("handoffs.jsonl"));
    Settings settings = SettingsReader.read(values);
    out.printf("BENCH media.mode %s: %s%n", streamed ? "audiosocket" : "record", streamed
        ? "the call's audio streams over AudioSocket, paced in real time; the caller waits 600 ms after the assistant"
            + " stops, except a caller in four, who talks over the greeting and the question"
        : "prompt files and RECORD FILE; Asterisk's silence detection ends each turn (3 s issue, 2 s answer)");
    out.printf("BENCH model %s, %d live recognizers (each used again for %d s of audio), %d voices, caller fixtures %s%n",
        settings.speech().modelDir(), settings.speech().maxLiveRecognizers(),
        settings.speech().recognizerReuseSeconds(), settings.speech().voices(), callers.toAbsolutePath());
    // Every adapter reports the phases of a turn to the same timing, which keeps each call's turn on its thread.
    TurnPhases turnPhases = new TurnPhases();
    try (VoskSpeechToText stt = VoskSpeechToText.open(settings.speech().modelDir(),
            settings.speech().maxLiveRecognizers(), settings.speech().recognizerReuseSeconds(),
            VoskSpeechToText.DEFAULT_IDLE_FREE, turnPhases, settings.speech().composedGraph());
        FreeTtsTextToSpeech tts = FreeTtsTextToSpeech.load(settings.speech().voices(), turnPhases)) {
      out.printf("BENCH free speech decoded on %s (speech.composed-graph)%n", stt.freeSpeechGraph());
      SupportLine line = start(settings, stt, tts, turnPhases);
      try {
        List<List<String>> scripts = new java.util.ArrayList<>(CALLER_SCRIPTS);
        if (streamed) scripts.add(BARGE_IN_SCRIPT);
        SimulatedCalls calls = new SimulatedCalls(settings.agi().port(), callers, scripts);
        Round warmUp = calls.place(1, false);
        out.printf("BENCH warm-up call: %s%n", warmUp.failures().isEmpty() ? "ok" : warmUp.failures());
        boolean allOk = warmUp.failures().isEmpty();
        // One call alone, in real time: its figures, and its length, over which the starts of a round are spread.
        Optional<Round> alone = Optional.empty();
        List<TurnPhases.Turn> alonePhases = List.of();
        Map<String, Double> aloneCpu = Map.of();
        double aloneWallSeconds = 0;
        if (rounds.contains(1) || !burst) {
          try (PhaseFigures figures = PhaseFigures.listening(turnPhases); ThreadCpu threadCpu = ThreadCpu.start()) {
            alone = Optional.of(calls.place(1, true));
            aloneWallSeconds = threadCpu.wallSeconds();
            aloneCpu = threadCpu.stop();
            alonePhases = figures.turns();
          }
        }
        Duration callLength = Duration.ofMillis(alone.map(Round::wallMs).orElse(0L));
        for (int n : rounds) {
          Round round;
          String how;
          List<TurnPhases.Turn> phases = List.of();
          Map<String, Double> cpu = Map.of();
          double cpuWallSeconds = 0;
          if (n == 1) {
            round = alone.orElseThrow();
            phases = alonePhases;
            cpu = aloneCpu;
            cpuWallSeconds = aloneWallSeconds;
            how = "1 call alone";
          } else {
            try (PhaseFigures figures = PhaseFigures.listening(turnPhases); ThreadCpu threadCpu = ThreadCpu.start()) {
              if (burst) {
                round = calls.place(n, true);
                how = n + " calls started in the same instant (the worst case: every caller speaks at the same"
                    + " moments)";
              } else {
                round = calls.placeSpread(n, 1, callLength, true);
                how = String.format(Locale.ROOT, "%d calls in progress at once (starts spread over %.0f s, one call's"
                    + " length; figures of the %d calls placed once every line was busy)", n,
                    callLength.toMillis() / 1000.0, n);
              }
              cpuWallSeconds = threadCpu.wallSeconds();
              cpu = threadCpu.stop();
              phases = figures.turns();
            }
          }
          Memory memory = Memory.now();
          new RoundReport(n, how, round, memory).print(out);
          if (!streamed) PhaseFigures.print(phases, round.turnTimesMs(), out);
          if (!cpu.isEmpty()) {
            // Every call of the round: in a spread round, the first call of each line too.
            out.printf("BENCH   CPU during the round: %s%n",
                ThreadCpu.describe(cpu, cpuWallSeconds, burst || n == 1 ? round.calls() : 2 * n));
          }
          allOk &= round.failures().isEmpty();
        }
        return allOk ? 0 : 1;
      } finally {
        line.stop();
      }
    } catch (ConfigException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static SupportLine start(Settings settings, VoskSpeechToText stt, FreeTtsTextToSpeech tts)
      throws Exception {
    return start(settings, stt, tts, TurnTiming.NONE);
  }

  private static SupportLine start(Settings settings, VoskSpeechToText stt, FreeTtsTextToSpeech tts, TurnTiming turns)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    SupportLine line =
        SupportLine.prepare(settings, SupportLine.phraseBook(Optional.empty()), stt, tts, turns, ready::countDown);
    Thread serving = new Thread(() -> {
      try {
        line.serve();
      } catch (Throwable e) {
        failure.set(e);
        ready.countDown();
      }
    }, "bench-support-line");
    serving.setDaemon(true);
    serving.start();
    if (!ready.await(60, TimeUnit.SECONDS) || failure.get() != null) {
      throw new IllegalStateException("the support line did not start: " + failure.get(), failure.get());
    }
    return line;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The figures of one round, against the targets. */
  private record RoundReport(int calls, String how, Round round, Memory memory) {
    void print(PrintStream out) {
      List<Long> turns = round.turnTimesMs();
      List<Long> firstPrompts = round.firstPromptMs();
      out.printf("BENCH %s: %d ok, %d failed, %.1f s, %.2f calls/s%s%n", how,
          round.calls() - round.failures().size(), round.failures().size(), round.wallMs() / 1000.0,
          round.calls() * 1000.0 / round.wallMs(), round.failures().isEmpty() ? "" : " " + round.failures());
      Round.Streamed streamed = round.streamed();
      if (streamed != Round.Streamed.NONE) {
        List<Long> replies = streamed.replyMs();
        out.printf("BENCH   end of caller speech -> first reply frame heard: %s over %d turns (targets p50 <= 600 ms"
            + " and p95 <= %d ms: %s)%n", Percentiles.of(replies), replies.size(), calls >= 30 ? 1200 : 900,
            replies.isEmpty() ? "none" : Percentiles.p50(replies) <= 600
                && Percentiles.p95(replies) <= (calls >= 30 ? 1200 : 900) ? "met" : "MISSED");
        out.printf("BENCH   caller speech over a prompt -> prompt stopped: %s over %d%s%n",
            Percentiles.of(streamed.bargeInStopMs()), streamed.bargeInStopMs().size(),
            target(streamed.bargeInStopMs(), 300));
        out.printf("BENCH   answer -> assistant listening: %s%n", Percentiles.of(streamed.listeningMs()));
        out.printf("BENCH   two-turn call (issue, yes), answer -> handoff: %s over %d%s%n",
            Percentiles.of(streamed.twoTurnCallMs()), streamed.twoTurnCallMs().size(),
            streamed.twoTurnCallMs().isEmpty() ? ""
                : Collections.max(streamed.twoTurnCallMs()) <= 25_000 ? " (target <= 25 s: met)"
                    : " (target <= 25 s: MISSED)");
        out.printf("BENCH   callers spoken over mid-sentence: %d of %d calls%n", streamed.cutOff(), round.calls());
      } else {
        out.printf("BENCH   service turn time (recording ended -> reply prompt ready): %s over %d turns%s%n",
            Percentiles.of(turns), turns.size(), target(turns, calls == 10 ? 150 : calls == 30 ? 300 : 0));
        out.printf("BENCH   dead air between the prompts of one reply (one ended -> the next ready): %s over %d%n",
            Percentiles.of(round.gapsMs()), round.gapsMs().size());
        out.printf("BENCH   connect -> first prompt: %s%s%n", Percentiles.of(firstPrompts), target(firstPrompts, 300));
      }
      out.printf("BENCH   memory after the round: %s%s%n", memory,
          calls == 30 ? memory.rssKib().map(kib -> kib / 1024 <= 700 ? " (target RSS <= 700 MiB: met)"
              : " (target RSS <= 700 MiB: MISSED)").orElse("") : "");
    }

    private static String target(List<Long> ms, long p95TargetMs) {
      if (p95TargetMs == 0 || ms.isEmpty()) return "";
      return " (target p95 <= " + p95TargetMs + " ms: " + (Percentiles.p95(ms) <= p95TargetMs ? "met" : "MISSED") + ")";
    }
  }
}
