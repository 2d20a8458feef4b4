package org.empathyivr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.empathyivr.eval.Manifest.Utterance;
import org.junit.jupiter.api.Test;

class ManifestTest {
  private static final Path FOLDER = Path.of("/corpus");

  @Test
  void readsWavPathsRelativeToTheManifestsFolderWithTheirText() throws IOException {
    Manifest manifest = Manifest.parse("sounds/hello-world.wav\tHello, world!\n/abs/yes.wav\tyes\n", FOLDER, "m");

    assertEquals(List.of(new Utterance(Path.of("/corpus/sounds/hello-world.wav"), "Hello, world!"),
        new Utterance(Path.of("/abs/yes.wav"), "yes")), manifest.utterances());
  }

  @Test
  void skipsBlankLinesAndTakesWindowsLineEnds() throws IOException {
    Manifest manifest = Manifest.parse("a.wav\tone\r\n\r\nb.wav\ttwo\r\n", FOLDER, "m");

    assertEquals(List.of(new Utterance(Path.of("/corpus/a.wav"), "one"), new Utterance(Path.of("/corpus/b.wav"), "two")),
        manifest.utterances());
  }

  @Test
  void namesTheLineThatHasNoText() {
    IOException e = assertThrows(IOException.class, () -> Manifest.parse("a.wav\tone\nb.wav\n", FOLDER, "m.tsv"));
    assertEquals("m.tsv line 2: expected 2 tab-separated columns (WAV path, text), found 1", e.getMessage());
  }

  @Test
  void refusesAHeaderlessEmptyManifestAndEmptyColumns() {
    assertEquals("m.tsv: no utterances",
        assertThrows(IOException.class, () -> Manifest.parse("\n", FOLDER, "m.tsv")).getMessage());
    assertEquals("m.tsv line 1: no reference text",
        assertThrows(IOException.class, () -> Manifest.parse("a.wav\t \n", FOLDER, "m.tsv")).getMessage());
  }
}
