package org.empathyivr.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.empathyivr.adapter.audio.WavFile;
import org.empathyivr.adapter.freetts.FreeTtsTextToSpeech;
import org.empathyivr.domain.port.Audio;
import org.empathyivr.domain.port.SpeechFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code say TEXT OUT.wav}: renders one prompt as the line plays it. Exit status 1 when it cannot be written. */
@Command(name = "say",
    description = "render TEXT as a prompt the line plays (8 kHz mono 16-bit WAV, the text as its comment)")
public final class SayCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TEXT", description = "what to say")
  private String text;

  @Parameters(index = "1", paramLabel = "OUT.wav", description = "the WAV file to write")
  private Path wav;

  @Spec private CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  public SayCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (text.isBlank()) throw new CommandLine.ParameterException(spec.commandLine(), "say: TEXT is blank");
    try (FreeTtsTextToSpeech voice = FreeTtsTextToSpeech.load(1)) {
      Audio audio = voice.synthesize(text);
      WavFile.write(wav, audio, Optional.of(text));
      out.printf("%s: %d ms at %d Hz%n", wav, audio.durationMs(), audio.sampleRateHz());
      return 0;
    } catch (SpeechFailure | IOException | RuntimeException e) {
      err.println("say: cannot render " + wav + ": " + e);
      return 1;
    }
  }
}
