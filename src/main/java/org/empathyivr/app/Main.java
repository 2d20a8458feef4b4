package org.empathyivr.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.adapter.fastagi.SpoolRoom;
import org.empathyivr.adapter.freetts.FreeTtsTextToSpeech;
import org.empathyivr.adapter.vosk.VoskSpeechToText;
import org.empathyivr.bench.Benchmark;
import org.empathyivr.bench.Soak;
import org.empathyivr.config.ConfigException;
import org.empathyivr.config.Settings;
import org.empathyivr.config.SettingsReader;
import org.empathyivr.domain.empathy.Feeling;
import org.empathyivr.domain.empathy.PhraseBook;
import org.empathyivr.domain.empathy.Phrasing;
import org.empathyivr.domain.empathy.SayingBack;
import org.empathyivr.domain.empathy.Tone;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import org.empathyivr.eval.FrustrationCommand;
import org.empathyivr.eval.Manifest;
import org.empathyivr.eval.SpeechEvaluation;
import org.empathyivr.app.SupportLine.StartupFailure;
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
          "       java -jar empathy-ivr.jar eval-calls [--host H] [--port P] [--concurrent N] CORPUS.tsv",
          "       java -jar empathy-ivr.jar say TEXT OUT.wav",
          "       java -jar empathy-ivr.jar bench [--callers DIR] [--calls N,N,...]",
          "       java -jar empathy-ivr.jar soak [--calls N] [--concurrent N] [--callers DIR]",
          "       java -jar empathy-ivr.jar eval-stt [--config FILE] [--threads N] MANIFEST.tsv",
          "       java -jar empathy-ivr.jar check-config FILE",
          "       java -jar empathy-ivr.jar reflect TEXT",
          "       java -jar empathy-ivr.jar eval-frustration [--config FILE] [--threshold T] [--wrong N] MANIFEST.tsv",
          "  serve      run the FastAGI server for Asterisk (the default)",
          "  simulate   call a running server as Asterisk would; TURN is a WAV file, dtmf:DIGITS, silence or hangup",
          "  say        render TEXT as a prompt the line plays (8 kHz mono 16-bit WAV, the text as its comment)",
          "  bench      serve the line in-process and place N simulated calls at once; print turn times and memory",
          "  soak       serve the line in-process, place 500 mixed calls 30 at a time; report errors and any growth",
          "  eval-stt   measure recognition (word error rate, real-time factor) on a corpus: lines of WAV<tab>text",
          "  check-config  validate a properties file: every bad or unknown key and why; exit 0 if fine, 2 if not",
          "  reflect    print what the assistant says back to a caller who said TEXT",
          "  eval-frustration  measure the frustration detector on a labeled TSV (label, and text or wav_path)");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String command = args.length == 0 || args[0].startsWith("--") ? "serve" : args[0];
    String[] rest = args.length == 0 || args[0].startsWith("--") ? args : Arrays.copyOfRange(args, 1, args.length);
    return switch (command) {
      case "serve" -> serve(rest, err);
      case "simulate" -> simulate(rest, out, err);
      case "eval-calls" -> org.empathyivr.simulate.EvalCallsCommand.run(rest, out, err);
      case "say" -> say(rest, out, err);
      case "bench" -> Benchmark.run(rest, out, err);
      case "soak" -> Soak.run(rest, out, err);
      case "eval-stt" -> evaluateSpeech(rest, out, err);
      case "check-config" -> checkConfig(rest, out, err);
      case "reflect" -> reflect(rest, out, err);
      case "eval-frustration" -> FrustrationCommand.run(rest, out, err);
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
      phrases = SupportLine.phraseBook(settings.phrasebook());
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
    try (FreeTtsTextToSpeech textToSpeech = voice(settings.speech().voices())) {
      String[] url = new String[1];
      SupportLine line =
          SupportLine.prepare(
              settings, phrases, speechToText, textToSpeech,
              () -> log.info("ready: serving the support line at {}", url[0]));
      url[0] = line.url();
      Runtime.getRuntime().addShutdownHook(new Thread(line::stop, "shutdown"));
      line.serve();
      return 0;
    }
  }

  /** Lists every problem in a properties file, so an admin fixes them all in one go. */
  private static int checkConfig(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 1 || args[0].startsWith("--")) {
      err.println("check-config: want one FILE\n" + USAGE);
      return EXIT_USAGE;
    }
    java.util.List<String> problems = new java.util.ArrayList<>(SettingsReader.problems(Path.of(args[0])));
    if (problems.isEmpty()) {
      // The file is fine: is the spool it names fit to use (writable, with space on its disk)?
      try {
        SpoolRoom.problem(SettingsReader.read(Optional.of(Path.of(args[0]))).spoolDir()).ifPresent(problems::add);
      } catch (ConfigException e) {
        problems.add(e.getMessage());
      }
    }
    if (problems.isEmpty()) {
      out.println(args[0] + ": OK");
      return 0;
    }
    for (String problem : problems) err.println(args[0] + ": " + problem);
    err.println(args[0] + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
    return EXIT_USAGE;
  }

  /** Calls a running server; with the bundled model present, also prints what each caller turn says. */
  private static int simulate(String[] args, PrintStream out, PrintStream err) {
    Path model = SettingsReader.bundledModelDir();
    if (!Files.isDirectory(model)) {
      err.println("simulate: no Vosk model at " + model + "; caller turns are not transcribed");
      return SimulateCommand.run(args, out, err);
    }
    try (VoskSpeechToText speechToText = VoskSpeechToText.open(model, 1)) {
      return SimulateCommand.run(args, out, err, Optional.of(speechToText));
    } catch (IOException | RuntimeException e) {
      err.println("simulate: cannot load the Vosk model " + model + " (" + e.getMessage() + "); not transcribing");
      return SimulateCommand.run(args, out, err);
    }
  }

  /** Renders one prompt as the line plays it. */
  private static int say(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2 || args[0].isBlank()) {
      err.println("say: want a non-blank TEXT and OUT.wav\n" + USAGE);
      return EXIT_USAGE;
    }
    Path wav = Path.of(args[1]);
    try (FreeTtsTextToSpeech voice = FreeTtsTextToSpeech.load(1)) {
      Audio audio = voice.synthesize(args[0]);
      WavFile.write(wav, audio, Optional.of(args[0]));
      out.printf("%s: %d ms at %d Hz%n", wav, audio.durationMs(), audio.sampleRateHz());
      return 0;
    } catch (SpeechFailure | IOException | RuntimeException e) {
      err.println("say: cannot render " + wav + ": " + e);
      return 1;
    }
  }

  /** Prints the acknowledgement and reflection a caller who said TEXT hears, with the bundled phrasebook. */
  private static int reflect(String[] args, PrintStream out, PrintStream err) {
    String text = String.join(" ", args).strip();
    if (text.isEmpty()) {
      err.println("reflect: want the caller's words\n" + USAGE);
      return EXIT_USAGE;
    }
    try {
      Phrasing phrasing = new Phrasing(SupportLine.phraseBook(Optional.empty()), "reflect");
      Tone tone = Feeling.shownIn(text).isPresent() ? Tone.UPSET : Tone.CALM;
      Optional<Phrasing.Line> line = SayingBack.of(phrasing, text, true, tone);
      if (line.isEmpty()) line = SayingBack.acknowledgement(phrasing, text, tone)
          .map(ack -> ack.then(phrasing.say("ask.after-feeling", java.util.Map.of(), tone)));
      if (line.isEmpty()) {
        err.println("reflect: nothing to say back in '" + text + "' (only greetings or fillers)");
        return 1;
      }
      out.println(line.get().text());
      return 0;
    } catch (ConfigException e) {
      err.println("reflect: " + e.getMessage());
      return 1;
    }
  }

  /** Transcribes a corpus with the recognizer calls get (the configured model, as the service opens it). */
  private static int evaluateSpeech(String[] args, PrintStream out, PrintStream err) {
    Optional<Path> configFile = Optional.empty();
    Optional<Path> manifestFile = Optional.empty();
    int threads = 2;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        configFile = Optional.of(Path.of(args[++i]));
      } else if (args[i].equals("--threads") && i + 1 < args.length && args[i + 1].matches("[1-9][0-9]?")) {
        threads = Integer.parseInt(args[++i]);
      } else if (!args[i].startsWith("--") && manifestFile.isEmpty()) {
        manifestFile = Optional.of(Path.of(args[i]));
      } else {
        err.println("eval-stt: unexpected argument '" + args[i] + "'\n" + USAGE);
        return EXIT_USAGE;
      }
    }
    if (manifestFile.isEmpty()) {
      err.println("eval-stt: no MANIFEST.tsv\n" + USAGE);
      return EXIT_USAGE;
    }
    try {
      Manifest manifest = Manifest.read(manifestFile.get());
      Settings.Speech speech = SettingsReader.read(configFile).speech();
      out.printf("eval-stt: %d utterances from %s, model %s, %d threads, recognizers used again for %d s of audio%n",
          manifest.utterances().size(), manifestFile.get(), speech.modelDir(), threads,
          speech.recognizerReuseSeconds());
      try (VoskSpeechToText speechToText =
          VoskSpeechToText.open(speech.modelDir(), threads, speech.recognizerReuseSeconds())) {
        SpeechEvaluation.report(SpeechEvaluation.run(manifest, speechToText, threads), 10, out);
      }
      return 0;
    } catch (ConfigException | IOException e) {
      err.println("eval-stt: " + e.getMessage());
      return 1;
    }
  }

  private static VoskSpeechToText openModel(Settings.Speech speech) throws StartupFailure {
    try {
      return VoskSpeechToText.open(speech.modelDir(), speech.maxLiveRecognizers(), speech.recognizerReuseSeconds());
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
