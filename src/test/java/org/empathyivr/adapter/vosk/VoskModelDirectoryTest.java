package org.empathyivr.adapter.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskModelDirectoryTest {
  @TempDir Path dir;

  @Test
  void acceptsA16kHzModelThatMayUpsample() throws IOException {
    model("--sample-frequency=16000", "--allow-downsample=true", "--allow-upsample=true");

    VoskModelDirectory model = VoskModelDirectory.check(dir);

    assertEquals(16000, model.sampleRateHz());
    assertTrue(model.accepts(8000));
    assertTrue(model.accepts(16000));
    assertTrue(model.accepts(44100));
  }

  @Test
  void refusesAMissingDirectoryByName() {
    Path missing = dir.resolve("no-such-model");

    IOException e = assertThrows(IOException.class, () -> VoskModelDirectory.check(missing));

    assertEquals("Vosk model directory " + missing + " does not exist", e.getMessage());
  }

  @Test
  void refusesAFileInPlaceOfTheDirectory() throws IOException {
    Path file = Files.writeString(dir.resolve("model.zip"), "PK");

    IOException e = assertThrows(IOException.class, () -> VoskModelDirectory.check(file));

    assertEquals("Vosk model directory " + file + " is not a directory", e.getMessage());
  }

  @Test
  void refusesADirectoryWithoutAnAcousticModel() throws IOException {
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf/mfcc.conf"), "--allow-upsample=true\n");

    IOException e = assertThrows(IOException.class, () -> VoskModelDirectory.check(dir));

    assertEquals("Vosk model directory " + dir + " is not a Vosk model: it has no am/final.mdl", e.getMessage());
  }

  @Test
  void refusesADirectoryWithoutFeatureConfiguration() throws IOException {
    Files.createDirectories(dir.resolve("am"));
    Files.writeString(dir.resolve("am/final.mdl"), "");

    IOException e = assertThrows(IOException.class, () -> VoskModelDirectory.check(dir));

    assertEquals("Vosk model directory " + dir + " is not a Vosk model: it has no conf/mfcc.conf", e.getMessage());
  }

  @Test
  void refusesA16kHzModelThatWouldGiveEmptyTextForTelephoneAudioAndSaysWhichLineToAdd() throws IOException {
    model("--sample-frequency=16000", "--use-energy=false", "--allow-downsample=true");

    IOException e = assertThrows(IOException.class, () -> VoskModelDirectory.check(dir));

    Path mfccConf = dir.resolve("conf/mfcc.conf");
    assertEquals(
        "Vosk model " + mfccConf + " is for 16000 Hz audio and does not allow upsampling, so 8000 Hz telephone audio"
            + " would silently give empty text: add the line --allow-upsample=true to " + mfccConf,
        e.getMessage());
  }

  @Test
  void takesKaldisDefaultRateWhenTheConfigurationNamesNone() throws IOException {
    model("--use-energy=false");

    assertThrows(IOException.class, () -> VoskModelDirectory.check(dir));
  }

  @Test
  void acceptsAnAlready8kHzModelWithoutUpsampling() throws IOException {
    model("--sample-frequency=8000");

    VoskModelDirectory model = VoskModelDirectory.check(dir);

    assertTrue(model.accepts(8000));
    assertFalse(model.accepts(16000));
  }

  @Test
  void readsOptionsLikeKaldiLaterLinesWinCommentsIgnoredBareFlagsTrue() throws IOException {
    VoskModelDirectory model =
        VoskModelDirectory.readFeatureOptions(
            dir,
            List.of(
                "# features for telephone audio",
                "--allow-upsample=true",
                "--allow-upsample=false  # changed our mind",
                "  --allow-downsample  ",
                "--sample-frequency=16000.0"));

    assertEquals(16000, model.sampleRateHz());
    assertFalse(model.allowsUpsampling());
    assertTrue(model.allowsDownsampling());
  }

  @Test
  void refusesAnUnreadableSampleFrequency() {
    IOException e =
        assertThrows(
            IOException.class,
            () -> VoskModelDirectory.readFeatureOptions(dir, List.of("--sample-frequency=sixteen-k")));

    assertTrue(e.getMessage().contains("bad --sample-frequency: sixteen-k"), e.getMessage());
  }

  private void model(String... mfccConfLines) throws IOException {
    Files.createDirectories(dir.resolve("am"));
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("am/final.mdl"), "");
    Files.write(dir.resolve("conf/mfcc.conf"), List.of(mfccConfLines));
  }
}
