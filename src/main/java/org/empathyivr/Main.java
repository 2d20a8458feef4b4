package org.empathyivr;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.empathyivr.adapter.fastagi.SupportLineAgiScript;
import org.empathyivr.adapter.fastagi.SupportLineAgiServer;
import org.empathyivr.adapter.freetts.FreeTtsTextToSpeech;
import org.empathyivr.adapter.storage.CsvCallerDirectory;
import org.empathyivr.adapter.storage.JsonLinesHandoffStore;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.config.ConfigException;
import org.empathyivr.config.Settings;
import org.empathyivr.config.SettingsReader;
import org.empathyivr.domain.empathy.PhraseBook;
import org.empathyivr.domain.port.CallerDirectory;
import org.empathyivr.domain.port.Clock;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.domain.port.TextToSpeech;
import org.empathyivr.simulate.SimulateCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: reads the configuration, builds the adapters and serves the support line. */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);
  private static final int EXIT_USAGE = 2;
  private static final int EXIT_STARTUP = 3;
  private static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar empathy-ivr.jar [serve] [--config FILE]",
          "       java -jar empathy-ivr.jar simulate [--host H --port P] --caller-id N [--caller-name NAME] TURN...",
          "  serve      run the FastAGI server for Asterisk (the default)",
          "  simulate   call a running server as Asterisk would; TURN is a WAV file, dtmf:DIGITS, silence or hangup");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String command = args.length == 0 || args[0].startsWith("--") ? "serve" : args[0];
    String[] rest = args.length == 0 || args[0].startsWith("--") ? args : Arrays.copyOfRange(args, 1, args.length);
    return switch (command) {
      case "serve" -> serve(rest, err);
      case "simulate" -> SimulateCommand.run(rest, out, err);
      case "help", "--help", "-h" -> {
        out.println(USAGE);
        yield 0;
      }
      default -> {
        err.println("empathy-ivr: unknown command '" + command + "'\n" + USAGE);
        yield EXIT_USAGE;
      }
    };
  }

  private static int serve(String[] args, PrintStream err) {
    Optional<Path> configFile = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        configFile = Optional.of(Path.of(args[++i]));
      } else {
        err.println("empathy-ivr: unexpected argument '" + args[i] + "'\n" + USAGE);
        return EXIT_USAGE;
      }
    }
    Settings settings;
    PhraseBook phrases;
    try {
      settings = SettingsReader.read(configFile);
      phrases = phraseBook(settings.phrasebook());
    } catch (ConfigException | IllegalArgumentException e) {
      err.println("empathy-ivr: " + e.getMessage());
      return EXIT_USAGE;
    }
    try (VoskSpeechToText speechToText = openModel(settings.speech())) {
      return serve(settings, phrases, speechToText);
    } catch (StartupFailure e) {
      err.println("empathy-ivr: " + e.getMessage());
      return EXIT_STARTUP;
    }
  }

  private static int serve(Settings settings, PhraseBook phrases, VoskSpeechToText speechToText)
      throws StartupFailure {
    TextToSpeech textToSpeech = voice(settings.speech().voices());
    JsonLinesHandoffStore store = new JsonLinesHandoffStore(settings.handoffFile());
    try {
      store.check();
    } catch (IOException e) {
      throw new StartupFailure("handoff.store-file " + settings.handoffFile() + " is not writable: " + e, e);
    }
    SupportLineAgiScript script =
        new SupportLineAgiScript(
            speechToText, textToSpeech, callerDirectory(settings.callerDirectory()), store, Clock.SYSTEM,
            settings.dialog(), phrases, settings.spoolDir());
    try {
      script.prepare();
      long started = System.nanoTime();
      int rendered = script.renderFixedPrompts();
      log.info("rendered {} fixed prompts in {} ms", rendered, (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      throw new StartupFailure("spool.dir " + settings.spoolDir() + " is not usable: " + e, e);
    } catch (SpeechFailure e) {
      throw new StartupFailure("FreeTTS cannot synthesize the phrasebook: " + e, e);
    }
    Settings.Agi agi = settings.agi();
    String url = "agi://" + agi.bindAddress().getHostAddress() + ":" + agi.port() + "/" + agi.script();
    SupportLineAgiServer server =
        new SupportLineAgiServer(
            agi.script(), script, agi.bindAddress(), agi.port(), agi.maxCalls(),
            () -> log.info("ready: serving the support line at {}", url));
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
    try {
      server.startup();
      return 0;
    } catch (IOException e) {
      throw new StartupFailure(
          "cannot listen on " + agi.bindAddress().getHostAddress() + ":" + agi.port()
              + " (agi.bind-address, agi.port): " + e.getMessage(), e);
    }
  }

  private static VoskSpeechToText openModel(Settings.Speech speech) throws StartupFailure {
    try {
      return VoskSpeechToText.open(speech.modelDir(), speech.maxLiveRecognizers());
    } catch (IOException | RuntimeException e) {
      throw new StartupFailure("speech.model-dir: " + e.getMessage(), e);
    }
  }

  private static TextToSpeech voice(int voices) throws StartupFailure {
    try {
      return FreeTtsTextToSpeech.load(voices);
    } catch (RuntimeException e) {
      throw new StartupFailure("speech.voices " + voices + ": FreeTTS kevin16 does not load: " + e.getMessage(), e);
    }
  }

  private static CallerDirectory callerDirectory(Optional<Path> csv) throws StartupFailure {
    if (csv.isEmpty()) return CsvCallerDirectory.empty();
    try {
      CsvCallerDirectory directory = CsvCallerDirectory.read(csv.get());
      log.info("caller directory {}: {} numbers", csv.get(), directory.size());
      return directory;
    } catch (IOException e) {
      throw new StartupFailure("directory.csv-file: " + e.getMessage(), e);
    }
  }

  private static PhraseBook phraseBook(Optional<Path> file) throws ConfigException {
    try {
      if (file.isPresent()) return PhraseBook.parse(Files.readString(file.get()), file.get().toString());
      try (InputStream in = Main.class.getResourceAsStream("/prompts/phrasebook.txt")) {
        if (in == null) throw new ConfigException("the bundled phrasebook is missing from the jar");
        return PhraseBook.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled phrasebook");
      }
    } catch (IOException e) {
      throw new ConfigException("prompts.phrasebook-file: cannot read " + file.orElse(null) + ": " + e, e);
    }
  }

  /** Startup cannot go on; the message names the setting to fix. */
  private static final class StartupFailure extends Exception {
    StartupFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
