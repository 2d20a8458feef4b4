package org.empathyivr.app;

import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.empathyivr.adapter.fastagi.SpoolRoom;
import org.empathyivr.config.ConfigException;
import org.empathyivr.config.Settings;
import org.empathyivr.config.SettingsReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code check-config FILE}: lists every problem in a properties file, so an admin fixes them all in one go. Exit
 * status 0 when the file is fine, 2 when it is not.
 */
@Command(name = "check-config",
    description = "validate a properties file: every bad or unknown key and why; exit 0 if fine, 2 if not")
public final class CheckConfigCommand implements Callable<Integer> {
  private static final int EXIT_PROBLEMS = 2;

  @Parameters(paramLabel = "FILE", description = "the properties file to check")
  private Path file;

  private final PrintStream out;
  private final PrintStream err;

  public CheckConfigCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    List<String> problems = new ArrayList<>(SettingsReader.problems(file));
    Settings settings = null;
    if (problems.isEmpty()) {
      // The file is fine: is the spool it names fit to use (writable, with space on its disk)?
      try {
        settings = SettingsReader.read(Optional.of(file));
        SpoolRoom.problem(settings.spoolDir()).ifPresent(problems::add);
      } catch (ConfigException e) {
        problems.add(e.getMessage());
      }
    }
    if (problems.isEmpty()) {
      out.println(file + ": OK");
      for (String line : listening(settings)) out.println(file + ": " + line);
      return 0;
    }
    for (String problem : problems) err.println(file + ": " + problem);
    err.println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
    return EXIT_PROBLEMS;
  }

  /** Where Asterisk reaches the service, and what is open to other hosts without an allowlist. */
  private static List<String> listening(Settings settings) {
    List<String> lines = new ArrayList<>();
    Settings.Agi agi = settings.agi();
    lines.add("FastAGI on " + agi.bindAddress().getHostAddress() + ":" + agi.port() + " (AGI(agi://HOST:" + agi.port()
        + "/" + agi.script() + "))" + openTo(agi.bindAddress(), agi.allowedClients(), "agi.allowed-clients"));
    Settings.Media media = settings.media();
    if (media.mode() == Settings.MediaMode.AUDIOSOCKET) {
      lines.add("AudioSocket on " + media.bindAddress().getHostAddress() + ":" + media.port()
          + " (Asterisk connects to " + media.connectAddress() + ":" + media.port() + ")"
          + openTo(media.bindAddress(), media.allowedClients(), "media.allowed-clients"));
    } else {
      lines.add("call audio through prompt files and RECORD FILE (media.mode = record)");
    }
    return lines;
  }

  private static String openTo(InetAddress bind, List<InetAddress> allowed, String key) {
    if (!allowed.isEmpty()) {
      return ", only from " + String.join(", ", allowed.stream().map(InetAddress::getHostAddress).toList());
    }
    return bind.isLoopbackAddress() ? ", this host only" : ", from ANY host: list your Asterisk servers in " + key;
  }
}
