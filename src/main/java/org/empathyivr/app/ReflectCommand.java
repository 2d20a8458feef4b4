package org.empathyivr.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.empathyivr.config.ConfigException;
import org.empathyivr.domain.empathy.Feeling;
import org.empathyivr.domain.empathy.Phrasing;
import org.empathyivr.domain.empathy.SayingBack;
import org.empathyivr.domain.empathy.Tone;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reflect TEXT}: prints the acknowledgement and reflection a caller who said TEXT hears, with the bundled
 * phrasebook. Exit status 1 when there is nothing to say back.
 */
@Command(name = "reflect", description = "print what the assistant says back to a caller who said TEXT")
public final class ReflectCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "the caller's words")
  private List<String> words;

  @Spec private CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  public ReflectCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    String text = String.join(" ", words).strip();
    if (text.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), "reflect: TEXT is blank");
    try {
      Phrasing phrasing = new Phrasing(SupportLine.phraseBook(Optional.empty()), "reflect");
      Tone tone = Feeling.shownIn(text).isPresent() ? Tone.UPSET : Tone.CALM;
      Optional<Phrasing.Line> line = SayingBack.of(phrasing, text, true, tone);
      if (line.isEmpty()) line = SayingBack.acknowledgement(phrasing, text, tone)
          .map(ack -> ack.then(phrasing.say("ask.after-feeling", Map.of(), tone)));
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
}
