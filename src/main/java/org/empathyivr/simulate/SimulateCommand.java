package org.empathyivr.simulate;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.SpeechToText;

/**
 * The {@code simulate} command: calls a running FastAGI service as Asterisk 22 would and prints the call as it goes.
 * Exit status 0 for a completed session, 1 when the session failed, 2 for a usage error.
 */
public final class SimulateCommand {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  static final String USAGE = "usage: simulate [--host 127.0.0.1] [--port 4573] [--script support] [--caller-id N]"
      + " [--caller-name NAME] [--sounds DIR] [--realtime] TURN...\n"
      + "  TURN: file.wav (8 kHz mono) | silence | dtmf:DIGITS | hangup | hangup:MS | hangup-after:file.wav";

  private SimulateCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Optional.empty());
  }

  /** With a recognizer, also prints what each recording says: what the service should have heard. */
  public static int run(String[] args, PrintStream out, PrintStream err, Optional<SpeechToText> stt) {
    String host = "127.0.0.1";
    int port = 4573;
    String script = "support";
    Optional<String> callerId = Optional.empty();
    String callerName = "";
    Optional<Path> sounds = Optional.empty();
    boolean realtime = false;
    List<CallerTurn> turns = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--host" -> host = value(args, ++i);
          case "--port" -> port = Integer.parseInt(value(args, ++i));
          case "--script" -> script = value(args, ++i);
          case "--caller-id" -> callerId = Optional.of(value(args, ++i));
          case "--caller-name" -> callerName = value(args, ++i);
          case "--sounds" -> sounds = Optional.of(Path.of(value(args, ++i)));
          case "--realtime" -> realtime = true;
          default -> {
            if (args[i].startsWith("--")) throw new IllegalArgumentException("unknown option " + args[i]);
            turns.addAll(parseTurns(args[i]));
          }
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage() + "\n" + USAGE);
      return EXIT_USAGE;
    }
    ExecutorService printer = Executors.newSingleThreadExecutor();
    try {
      SimulatedAsterisk.Builder builder = SimulatedAsterisk.connectingTo(host, port).script(script).realtime(realtime);
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

  private static String value(String[] args, int i) {
    if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
    return args[i];
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
    out.println(result.serviceClosedSocket() ? "the service closed the connection" : "the session was cut short");
  }

  private static String millis(List<Duration> times) {
    return times.stream().map(d -> d.toMillis() + " ms").toList().toString();
  }
}
