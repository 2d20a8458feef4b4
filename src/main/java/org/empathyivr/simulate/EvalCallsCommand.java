package org.empathyivr.simulate;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code eval-calls} command: places every call of a {@link CallCorpus} through a running FastAGI service, as
 * {@code simulate} does, and prints each call that ended otherwise than expected, then {@code calls K of N right}.
 * Exit status 0 when the corpus ran (however many calls were right), 1 when the service is unreachable, 2 for a usage
 * error or a malformed corpus.
 */
@Command(name = "eval-calls",
    description = "place every call of a corpus through a running server; print the calls that went otherwise than"
        + " expected, then how many were right")
public final class EvalCallsCommand implements Callable<Integer> {
  static final int EXIT_RAN = 0;
  static final int EXIT_UNREACHABLE = 1;
  static final int EXIT_USAGE = 2;
  private static final int MAX_CONCURRENT = 64;

  @Option(names = "--host", paramLabel = "H", description = "the service's host (default: ${DEFAULT-VALUE})")
  private String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "P", description = "the service's port (default: ${DEFAULT-VALUE})")
  private int port = 4573;

  @Option(names = "--concurrent", paramLabel = "N", description = "calls at a time, 1 to 64 (default: ${DEFAULT-VALUE})")
  private int concurrent = 1;

  @Option(names = "--realtime", description = "take as long as the prompts and recordings last")
  private boolean realtime;

  @Parameters(paramLabel = "CORPUS.tsv", description = "the calls and what each should end in")
  private Path file;

  @Spec private CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  public EvalCallsCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (port < 1 || port > 65_535) throw usage("--port out of range 1..65535: " + port);
    if (concurrent < 1 || concurrent > MAX_CONCURRENT) {
      throw usage("--concurrent out of range 1.." + MAX_CONCURRENT + ": " + concurrent);
    }
    try {
      CallCorpus corpus = CallCorpus.read(file);
      List<Verdict> verdicts = evaluate(corpus, host, port, concurrent, realtime, v -> {
        if (!v.right()) out.println(v.line());
      });
      out.println(tally(verdicts));
      return EXIT_RAN;
    } catch (IOException e) {
      err.println("eval-calls: cannot read " + file + ": " + e.getMessage());
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

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), "eval-calls: " + message);
  }
}
