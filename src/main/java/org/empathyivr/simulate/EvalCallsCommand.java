package org.empathyivr.simulate;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The {@code eval-calls} command: places every call of a {@link CallCorpus} through a running FastAGI service, as
 * {@code simulate} does, and prints each call that ended otherwise than expected, then {@code calls K of N right}.
 * Exit status 0 when the corpus ran (however many calls were right), 1 when the service is unreachable, 2 for a usage
 * error or a malformed corpus.
 */
public final class EvalCallsCommand {
  static final int EXIT_RAN = 0;
  static final int EXIT_UNREACHABLE = 1;
  static final int EXIT_USAGE = 2;
  static final String USAGE =
      "usage: eval-calls [--host 127.0.0.1] [--port 4573] [--concurrent 1] [--realtime] CORPUS.tsv";

  private EvalCallsCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    String host = "127.0.0.1";
    int port = 4573;
    int concurrent = 1;
    boolean realtime = false;
    Optional<Path> file = Optional.empty();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--host" -> host = value(args, ++i);
          case "--port" -> port = number(args, ++i, 65_535);
          case "--concurrent" -> concurrent = number(args, ++i, 64);
          case "--realtime" -> realtime = true;
          default -> {
            if (args[i].startsWith("--")) throw new IllegalArgumentException("unknown option " + args[i]);
            if (file.isPresent()) throw new IllegalArgumentException("one CORPUS.tsv only, also got " + args[i]);
            file = Optional.of(Path.of(args[i]));
          }
        }
      }
      if (file.isEmpty()) throw new IllegalArgumentException("no CORPUS.tsv");
    } catch (IllegalArgumentException e) {
      err.println("eval-calls: " + e.getMessage() + "\n" + USAGE);
      return EXIT_USAGE;
    }
    try {
      CallCorpus corpus = CallCorpus.read(file.get());
      List<Verdict> verdicts = evaluate(corpus, host, port, concurrent, realtime, v -> {
        if (!v.right()) out.println(v.line());
      });
      out.println(tally(verdicts));
      return EXIT_RAN;
    } catch (IOException e) {
      err.println("eval-calls: cannot read " + file.get() + ": " + e.getMessage());
      return EXIT_USAGE;
    } catch (CallCorpus.MalformedCorpus e) {
      err.println("eval-calls: " + e.getMessage());
      return EXIT_USAGE;
    } catch (Unreachable e) {
      err.println("eval-calls: no FastAGI service at " + host + ":" + port + " (" + e.getCause().getMessage() + ")");
      return EXIT_UNREACHABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_UNREACHABLE;
    }
  }

  /** The service at host:port refused or did not answer the connection. */
  public static final class Unreachable extends Exception {
    Unreachable(ConnectException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * Places every call, {@code concurrent} at a time, and tells {@code each} of their verdicts in corpus order.
   *
   * @throws Unreachable when a call cannot connect; no more calls are placed
   * @throws CallCorpus.MalformedCorpus when a call's audio is not a caller WAV the simulator plays (8 kHz mono)
   */
  public static List<Verdict> evaluate(CallCorpus corpus, String host, int port, int concurrent, boolean realtime,
      Consumer<Verdict> each) throws Unreachable, CallCorpus.MalformedCorpus, InterruptedException {
    if (concurrent < 1) throw new IllegalArgumentException("concurrent < 1: " + concurrent);
    ExecutorService callers = Executors.newFixedThreadPool(concurrent);
    try {
      List<Future<Verdict>> placed = new ArrayList<>();
      for (ScriptedCall call : corpus.calls()) placed.add(callers.submit(() -> place(corpus, call, host, port, realtime)));
      List<Verdict> verdicts = new ArrayList<>();
      for (Future<Verdict> verdict : placed) {
        try {
          verdicts.add(verdict.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Unreachable u) throw u;
          if (e.getCause() instanceof CallCorpus.MalformedCorpus m) throw m;
          throw new IllegalStateException("placing a call failed", e.getCause());
        }
        each.accept(verdicts.get(verdicts.size() - 1));
      }
      return verdicts;
    } finally {
      callers.shutdownNow();
    }
  }

  private static Verdict place(CallCorpus corpus, ScriptedCall call, String host, int port, boolean realtime)
      throws Unreachable, CallCorpus.MalformedCorpus {
    SimulatedAsterisk.Builder builder = SimulatedAsterisk.connectingTo(host, port).realtime(realtime);
    call.callerId().ifPresent(id -> builder.callerId(id.number(), id.name()));
    try {
      return call.judge(builder.build().call(call.turns()));
    } catch (ConnectException e) {
      throw new Unreachable(e);
    } catch (IllegalArgumentException e) {
      throw new CallCorpus.MalformedCorpus(corpus.file() + " line " + call.line() + ": " + e.getMessage());
    } catch (IOException | UnsupportedOperationException e) {
      return call.failed(e);
    }
  }

  /** The last line: {@code calls K of N right}. */
  public static String tally(List<Verdict> verdicts) {
    return "calls " + verdicts.stream().filter(Verdict::right).count() + " of " + verdicts.size() + " right";
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
    return args[i];
  }

  private static int number(String[] args, int i, int max) {
    String value = value(args, i);
    try {
      int n = Integer.parseInt(value);
      if (n < 1 || n > max) throw new IllegalArgumentException(args[i - 1] + " out of range 1.." + max + ": " + n);
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(args[i - 1] + " wants a number, got " + value);
    }
  }
}
