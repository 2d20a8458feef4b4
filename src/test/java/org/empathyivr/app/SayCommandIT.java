package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.empathyivr.Main;
import org.empathyivr.adapter.audio.WavFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code say TEXT OUT.wav}: one prompt rendered by FreeTTS as the line plays it. */
class SayCommandIT {
  private static final String TEXT = "Thank you for calling support. I'm here to help.";

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void writesAnAudibleTelephoneRateMonoWavWithTheTextAsComment() throws Exception {
    Path wav = dir.resolve("welcome.wav");

    assertEquals(0, run("say", TEXT, wav.toString()), err.toString(StandardCharsets.UTF_8));

    WavFile.Contents contents = WavFile.readContents(wav);
    assertEquals(8000, contents.audio().sampleRateHz());
    assertEquals(1, contents.channels());
    assertEquals(Optional.of(TEXT), contents.comment());
    assertTrue(contents.audio().durationMs() > 1500, contents.audio().toString());
    int peak = 0;
    for (short s : contents.audio().samples()) peak = Math.max(peak, Math.abs(s));
    assertTrue(peak > 3000, "peak " + peak);
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(wav + ": "), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void wantsTextAndAFile() {
    assertEquals(2, run("say", TEXT));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Missing required parameter: 'OUT.wav'\nUsage: empathy-ivr say"),
        err.toString(StandardCharsets.UTF_8));
    err.reset();

    assertEquals(2, run("say", " ", "blank.wav"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("say: TEXT is blank\nUsage: empathy-ivr say"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void namesTheFileItCannotWrite() {
    Path wav = dir.resolve("no-such-dir/welcome.wav");

    assertEquals(1, run("say", TEXT, wav.toString()));

    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("say: cannot render " + wav), err.toString());
  }

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
