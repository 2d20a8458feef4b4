package org.empathyivr.simulate;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.config.SettingsReader;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code simulate} command: calls a running FastAGI service as Asterisk 22 would and prints the call as it goes.
 * Exit status 0 for a completed session, 1 when the session failed, 2 for a usage error.
 */
@Command(name = "simulate",
    description = "call a running server as Asterisk would; TURN is a WAV file, dtmf:DIGITS, silence, hangup or"
        + " barge:MS:file.wav")
public final class SimulateCommand implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  @Option(names = "--host", paramLabel = "H", description = "the service's host (default: ${DEFAULT-VALUE})")
  private String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "P", description = "the service's port (default: ${DEFAULT-VALUE})")
  private int port = 4573;

  @Option(names = "--script", paramLabel = "NAME", description = "the AGI script name (default: ${DEFAULT-VALUE})")
  private String script = "support";

  @Option(names = "--caller-id", paramLabel = "N", description = "the caller-ID number")
  private Optional<String> callerId = Optional.empty();

  @Option(names = "--caller-name", paramLabel = "NAME", description = "the caller-ID name (default: the number)")
  private String callerName = "";

  @Option(names = "--sounds", paramLabel = "DIR", description = "Asterisk's sounds directory, to play prompts from")
  private Optional<Path> sounds = Optional.empty();

  @Option(names = "--realtime", description = "take as long as the prompts and recordings last")
  private boolean realtime;

  @Option(names = "--echo-db", paramLabel = "DB",
      description = "on an AudioSocket call, what the caller hears comes back this many dB down (e.g. --echo-db=-20)")
  private Optional<Double> echoDb = Optional.empty();

  @Option(names = "--caller-silence", paramLabel = "zero|none",
      description = "on an AudioSocket call, what the caller's channel sends between turns: zero frames (default) or"
          + " none")
  private String callerSilence = "zero";

  @Option(names = "--polite-gap-ms", paramLabel = "MS",
      description = "on an AudioSocket call, how long the assistant is quiet before the caller speaks (default:"
          + " ${DEFAULT-VALUE})")
  private long politeGapMs = 600;

  @Option(names = "--break-audiosocket-after-ms", paramLabel = "MS",
      description = "a network fault: each AudioSocket connection is reset this long after it was made, the caller"
          + " still on the line (Asterisk answers the EXEC with result=-1, the channel stays up)")
  private Optional<Long> breakAudioSocketAfterMs = Optional.empty();

  @Parameters(paramLabel = "TURN", description = "file.wav (8 kHz mono) | silence | dtmf:DIGITS | hangup | hangup:MS"
      + " | hangup-after:file.wav | barge:MS:file.wav")
  private List<String> turnSpecs = List.of();

  @Spec private CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;
  private final Supplier<Optional<SpeechToText>> recognizer;

  /** Transcribes what the caller's recordings say with the bundled model, when there is one. */
  public SimulateCommand(PrintStream out, PrintStream err) {
    this(out, err, () -> bundledModel(err));
  }

  /** @param recognizer opened when the call starts; with one, also prints what each recording says */
  public SimulateCommand(PrintStream out, PrintStream err, Supplier<Optional<SpeechToText>> recognizer) {
    this.out = out;
    this.err = err;
    this.recognizer = recognizer;
  }

  /** The bundled model, for transcribing what simulated callers say; empty (and said why) when it cannot be had. */
  private static Optional<SpeechToText> bundledModel(PrintStream err) {
    Path model = SettingsReader.bundledModelDir();
    if (!Files.isDirectory(model)) {
      err.println("simulate: no Vosk model at " + model + "; caller turns are not transcribed");
      return Optional.empty();
    }
    try {
      return Optional.of(VoskSpeechToText.open(model, 1));
    } catch (IOException | RuntimeException e) {
      err.println("simulate: cannot load the Vosk model " + model + " (" + e.getMessage() + "); not transcribing");
      return Optional.empty();
    }
  }

  @Override
  public Integer call() {
    List<CallerTurn> turns = new ArrayList<>();
    CallerSilence silence;
    try {
      for (String turn : turnSpecs) turns.addAll(parseTurns(turn));
      silence = switch (callerSilence) {
        case "zero" -> CallerSilence.ZERO_FRAMES;
        case "none" -> CallerSilence.NO_FRAMES;
        default -> throw new IllegalArgumentException("--caller-silence is zero or none, not '" + callerSilence + "'");
      };
      if (politeGapMs < 0) throw new IllegalArgumentException("--polite-gap-ms < 0: " + politeGapMs);
      if (echoDb.isPresent() && !Double.isFinite(echoDb.get())) throw new IllegalArgumentException("--echo-db");
      if (breakAudioSocketAfterMs.isPresent() && breakAudioSocketAfterMs.get() < 0) {
        throw new IllegalArgumentException("--break-audiosocket-after-ms < 0: " + breakAudioSocketAfterMs.get());
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "simulate: " + e.getMessage());
    }
    Optional<SpeechToText> stt = recognizer.get();
    try {
      return simulate(turns, silence, stt);
    } finally {
      stt.ifPresent(SimulateCommand::close);
    }
  }

  private static void close(SpeechToText stt) {
    if (stt instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the recognizer failed", e);
      }
    }
  }

  private int simulate(List<CallerTurn> turns, CallerSilence silence, Optional<SpeechToText> stt) {
    ExecutorService printer = Executors.newSingleThreadExecutor();
    try {
      SimulatedAsterisk.Builder builder = SimulatedAsterisk.connectingTo(host, port).script(script).realtime(realtime)
          .callerSilence(silence).politeGap(Duration.ofMillis(politeGapMs));
      echoDb.ifPresent(builder::echo);
      breakAudioSocketAfterMs.ifPresent(ms -> builder.breakAudioSocketAfter(Duration.ofMillis(ms)));
      if (callerId.isPresent()) builder.callerId(callerId.get(), callerName.isEmpty() ? callerId.get() : callerName);
      sounds.ifPresent(builder::soundsDirectory);
      // Printing (and transcribing) runs on its own thread so the simulated Asterisk answers without delay.
      builder.onEvent(event -> printer.execute(() -> print(event, out, stt)));
      SessionResult result;
      try {
        result = builder.build().call(turns);
      } catch (ConnectException e) {
        err.println("simulate: no FastAGI service at " + host + ":" + port + " (" + e.getMessage() + ")");
        return EXIT_FAILED;
      } catch (IllegalArgumentException e) {
        err.println("simulate: " + e.getMessage());
        return EXIT_USAGE;
      } catch (IOException | UnsupportedOperationException e) {
        err.println("simulate: session with " + host + ":" + port + " failed: " + e);
        return EXIT_FAILED;
      }
      printer.shutdown();
      printer.awaitTermination(5, TimeUnit.MINUTES);
      summarize(result, out);
      if (result.gaveUp()) {
        err.println("simulate: gave up: the service did not end the session in time");
        return EXIT_FAILED;
      }
      return EXIT_OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_FAILED;
    } finally {
      printer.shutdownNow();
    }
  }

  /** A turn spec; {@code dtmf:12#} is three key presses. */
  static List<CallerTurn> parseTurns(String spec) {
    if (spec.startsWith("dtmf:") && spec.length() > 6 && !spec.contains("@")) {
      List<CallerTurn> keys = new ArrayList<>();
      for (char key : spec.substring(5).toCharArray()) keys.add(CallerTurn.keys(key));
      return keys;
    }
    return List.of(CallerTurn.parse(spec));
  }

  private static void print(Event event, PrintStream out, Optional<SpeechToText> stt) {
    if (event instanceof Event.PromptPlayed p) {
      out.println("assistant: " + p.text().map(t -> "\"" + t + "\"").orElse("(" + p.path() + ", no text)")
          + p.interruptedBy().map(k -> " [interrupted by " + k + " after " + p.durationMs() + " ms]").orElse(""));
    } else if (event instanceof Event.PromptFailed f) {
      out.println("assistant: (prompt " + f.name() + " missing or unplayable: Asterisk answers result=-1)");
    } else if (event instanceof Event.CallerSpoke s) {
      out.println("caller: speaks " + s.audio());
      // The caller's own file, not the recording: the service deletes recordings once it has read them.
      stt.ifPresent(recognizer -> out.println("caller said (as heard): " + transcribe(recognizer, s.audio())));
    } else if (event instanceof Event.KeyPressed k) {
      out.println("caller: presses " + k.key());
    } else if (event instanceof Event.Recorded r) {
      out.println("  (recorded " + r.durationMs() + " ms, ended by " + r.end().name().toLowerCase() + ")");
    } else if (event instanceof Event.RecordFailed f) {
      out.println("  (recording to " + f.path() + " failed: writefile)");
    } else if (event instanceof Event.HungUp h) {
      out.println("caller: hangs up at " + h.whenMs() + " ms");
    } else if (event instanceof Event.AudioSocketConnected c) {
      out.println("audiosocket: connected to " + c.server() + " at " + c.whenMs() + " ms (" + c.uuid() + ")");
    } else if (event instanceof Event.AudioSocketEnded e) {
      AudioSocketRun run = e.run();
      out.println("audiosocket: " + run.end().name().toLowerCase().replace('_', ' ') + " at " + run.endMs() + " ms -> "
          + run.reply() + (run.end() == AudioSocketRun.End.ERROR || run.end() == AudioSocketRun.End.BROKEN
              ? " (" + run.detail().replace('\n', ' ') + ")" : ""));
    } else if (event instanceof Event.CallerSpeechSent s) {
      out.println("  (the caller's sound went out from " + s.speech().startMs() + " to " + s.speech().endMs() + " ms)");
    } else if (event instanceof Event.AssistantReplied r) {
      out.println("  (the assistant answered " + r.latencyMs() + " ms after the caller stopped)");
    } else if (event instanceof Event.BargedIn b) {
      out.println(b.quietAfterMs().isPresent()
          ? "  (barge-in: the assistant went quiet " + b.quietAfterMs().getAsLong() + " ms after the caller began)"
          : "  (barge-in: the assistant was not speaking, or did not stop)");
    }
  }

  private static String transcribe(SpeechToText stt, Path recording) {
    try {
      return stt.transcribe(WavFile.read(recording)).text();
    } catch (IOException | SpeechFailure e) {
      return "(could not transcribe: " + e.getMessage() + ")";
    }
  }

  private static void summarize(SessionResult result, PrintStream out) {
    out.println("handoff variables:");
    result.variables().forEach((name, value) -> out.println("  " + name + " = " + value));
    out.println("AGISTATUS = " + result.agiStatus());
    out.println("AJ_AGISTATUS = " + result.ajAgiStatus().orElse("(not set)"));
    out.println("think times: " + millis(result.thinkTimes()));
    out.println("think times after the caller stopped speaking: " + millis(result.thinkTimesAfterRecordings()));
    if (result.usedAudioSocket()) {
      out.println("audiosocket sessions: " + result.audioSockets().stream()
          .map(r -> r.end().name().toLowerCase() + " " + r.startMs() + "-" + r.endMs() + " ms").toList());
      out.println("caller speech: " + result.callerSpeech().stream()
          .map(c -> c.kind().name().toLowerCase() + " " + c.startMs() + "-" + c.endMs() + " ms").toList());
      out.println("reply latencies: " + millis(result.replyLatencies()));
      out.println("barge-in stop times: " + millis(result.bargeInStopTimes()));
      result.callTime().ifPresent(t -> out.println("call time: " + t.toMillis() + " ms"));
    }
    out.println(result.serviceClosedSocket() ? "the service closed the connection" : "the session was cut short");
  }

  private static String millis(List<Duration> times) {
    return times.stream().map(d -> d.toMillis() + " ms").toList().toString();
  }
}
