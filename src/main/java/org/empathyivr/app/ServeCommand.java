package org.empathyivr.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.empathyivr.adapter.freetts.FreeTtsTextToSpeech;
import org.empathyivr.adapter.timing.TurnTiming;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.app.SupportLine.StartupFailure;
import org.empathyivr.config.ConfigException;
import org.empathyivr.config.Settings;
import org.empathyivr.config.SettingsReader;
import org.empathyivr.domain.empathy.PhraseBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve}: reads the settings once, opens the speech engines and serves the support line until stopped. Exit
 * status 2 for a bad setting, 3 when a setting names something that does not work (model, voice, store, port).
 */
@Command(name = "serve", description = "run the FastAGI server for Asterisk (the default)")
public final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
  static final int EXIT_USAGE = 2;
  static final int EXIT_STARTUP = 3;

  @Option(names = "--config", paramLabel = "FILE", description = "the properties file (default: built-in settings)")
  private Optional<Path> configFile = Optional.empty();

  private final PrintStream err;

  public ServeCommand(PrintStream err) {
    this.err = err;
  }

  @Override
  public Integer call() {
    return serve(configFile);
  }

  /** Serves with the settings in {@code configFile} (or the built-in ones); returns the exit status. */
  public int serve(Optional<Path> configFile) {
    Settings settings;
    PhraseBook phrases;
    try {
      settings = SettingsReader.read(configFile);
      phrases = SupportLine.phraseBook(settings.phrasebook());
    } catch (ConfigException | IllegalArgumentException e) {
      err.println("empathy-ivr: " + e.getMessage());
      return EXIT_USAGE;
    }
    try (VoskSpeechToText speechToText = openModel(settings.speech());
        FreeTtsTextToSpeech textToSpeech = voice(settings.speech().voices())) {
      String[] url = new String[1];
      SupportLine line =
          SupportLine.prepare(
              settings, phrases, speechToText, textToSpeech,
              () -> log.info("ready: serving the support line at {}", url[0]));
      url[0] = line.url();
      Runtime.getRuntime().addShutdownHook(new Thread(line::stop, "shutdown"));
      line.serve();
      return 0;
    } catch (StartupFailure e) {
      err.println("empathy-ivr: " + e.getMessage());
      return EXIT_STARTUP;
    }
  }

  private static VoskSpeechToText openModel(Settings.Speech speech) throws StartupFailure {
    try {
      return VoskSpeechToText.open(speech.modelDir(), speech.maxLiveRecognizers(), speech.recognizerReuseSeconds(),
          VoskSpeechToText.DEFAULT_IDLE_FREE, TurnTiming.NONE, speech.composedGraph());
    } catch (IOException | RuntimeException e) {
      throw new StartupFailure("speech.model-dir: " + e.getMessage(), e);
    }
  }

  private static FreeTtsTextToSpeech voice(int voices) throws StartupFailure {
    try {
      return FreeTtsTextToSpeech.load(voices);
    } catch (RuntimeException e) {
      throw new StartupFailure("speech.voices " + voices + ": FreeTTS kevin16 does not load: " + e.getMessage(), e);
    }
  }
}
