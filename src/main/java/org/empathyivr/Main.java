package org.empathyivr;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.empathyivr.app.CheckConfigCommand;
import org.empathyivr.app.ReflectCommand;
import org.empathyivr.app.SayCommand;
import org.empathyivr.app.ServeCommand;
import org.empathyivr.bench.Benchmark;
import org.empathyivr.bench.Soak;
import org.empathyivr.eval.FrustrationCommand;
import org.empathyivr.eval.SpeechCommand;
import org.empathyivr.simulate.EvalCallsCommand;
import org.empathyivr.simulate.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: {@code serve} (also what runs with no command), and the tools an admin or developer runs beside
 * it. Exit status 0 when a command did its work, 1 when it failed, 2 for a usage error, 3 when {@code serve} could not
 * start.
 *
 * <p>It stands above the service ({@code app}) and the tools ({@code bench}, {@code simulate}, {@code eval}) so that
 * the tools use the service through its public entry points and the service knows nothing of them.
 */
@Command(
    name = "empathy-ivr",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    scope = CommandLine.ScopeType.INHERIT,
    synopsisSubcommandLabel = "[COMMAND]",
    description = "Empathetic voice assistant for a support phone line, served to Asterisk over FastAGI."
        + " With no COMMAND it serves, as 'serve' does.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:done", "1:the command failed", "2:usage error (or check-config found problems)",
        "3:serve could not start (the message names the setting)"})
public final class Main implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", description = "the properties file (default: built-in settings)")
  private Optional<Path> configFile = Optional.empty();

  private final PrintStream err;

  private Main(PrintStream err) {
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command line as {@code java -jar empathy-ivr.jar ARGS...} does, printing to {@code out} and {@code err}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new Main(err))
        .addSubcommand(new CommandLine.HelpCommand())
        .addSubcommand(new ServeCommand(err))
        .addSubcommand(new SimulateCommand(out, err))
        .addSubcommand(new EvalCallsCommand(out, err))
        .addSubcommand(new SayCommand(out, err))
        .addSubcommand(new Benchmark(out, err))
        .addSubcommand(new Soak(out, err))
        .addSubcommand(new SpeechCommand(out, err))
        .addSubcommand(new CheckConfigCommand(out, err))
        .addSubcommand(new ReflectCommand(out, err))
        .addSubcommand(new FrustrationCommand(out, err));
    return execute(cli, args, out, err);
  }

  /** Runs one command object on its own (tests of a single command), printing help and usage errors as {@link #run}. */
  public static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
    return execute(new CommandLine(command), args, out, err);
  }

  private static int execute(CommandLine cli, String[] args, PrintStream out, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(out, true, Charset.defaultCharset());
    PrintWriter errWriter = new PrintWriter(err, true, Charset.defaultCharset());
    try {
      return cli.setOut(outWriter).setErr(errWriter).setParameterExceptionHandler(Main::usageError)
          .setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  /** What was wrong, any near misses ("Did you mean: serve?"), and always the usage of the command that was meant. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println(e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    cli.usage(err);
    return cli.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public Integer call() {
    return new ServeCommand(err).serve(configFile);
  }

  /** The version the jar's manifest carries. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"empathy-ivr " + (version == null ? "(not run from the jar: version unknown)" : version)};
    }
  }
}
