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

  @Test
  void aGraphComposedFromThisModelsFilesIsUsedUntilItsSearchSettingsAreEdited() throws IOException {
    model("--allow-upsample=true");
    Files.writeString(dir.resolve("conf/model.conf"), "--beam=10.0\n");
    composedFrom(sha256Line("", "am/final.mdl"), sha256Line("--allow-upsample=true\n", "conf/mfcc.conf"),
        sha256Line("--beam=10.0\n", "conf/model.conf"));

    VoskModelDirectory.Composed composed = VoskModelDirectory.check(dir).composed();
    assertEquals(java.util.Optional.of(dir.resolve("composed")), composed.dir(), composed.whyNot());

    Files.writeString(dir.resolve("conf/model.conf"), "--beam=13.0\n");
    assertNotUsedUntilComposedAgain("conf/model.conf");
  }

  @Test
  void aGraphComposedBeforeTheModelWasReplacedIsNotUsedAndTheReasonSaysHowToComposeItAgain() throws IOException {
    model("--allow-upsample=true");
    composedFrom(sha256Line("", "am/final.mdl"), sha256Line("--allow-upsample=true\n", "conf/mfcc.conf"));
    Files.writeString(dir.resolve("am/final.mdl"), "another acoustic model");

    assertNotUsedUntilComposedAgain("am/final.mdl");
  }

  @Test
  void onlyAModelThatShipsItsGraphInTwoPartsHasOneToCompose() throws IOException {
    model("--allow-upsample=true");
    Files.createDirectories(dir.resolve("graph"));
    assertFalse(VoskModelDirectory.check(dir).composesAsItGoes(), "no graph at all");

    Files.writeString(dir.resolve("graph/HCLr.fst"), "");
    assertTrue(VoskModelDirectory.check(dir).composesAsItGoes(), "HCLr.fst, composed with Gr.fst as it decodes");

    Files.writeString(dir.resolve("graph/HCLG.fst"), "");
    assertFalse(VoskModelDirectory.check(dir).composesAsItGoes(), "a model that ships HCLG.fst is composed already");
  }

  @Test
  void aModelTheBuildComposedNothingForIsDecodedAsItShips() throws IOException {
    model("--allow-upsample=true");

    assertEquals("no " + dir.resolve("composed"), VoskModelDirectory.check(dir).composed().whyNot());

    Files.createDirectories(dir.resolve("composed/graph"));
    assertEquals(dir.resolve("composed") + " has no graph/HCLG.fst", VoskModelDirectory.check(dir).composed().whyNot());
  }

  @Test
  void aComposedModelThatCannotTakeTelephoneAudioIsNotUsed() throws IOException {
    model("--allow-upsample=true");
    composedFrom(sha256Line("", "am/final.mdl"));
    Files.writeString(dir.resolve("composed/conf/mfcc.conf"), "--sample-frequency=16000\n");

    VoskModelDirectory.Composed composed = VoskModelDirectory.check(dir).composed();

    assertTrue(composed.dir().isEmpty());
    assertTrue(composed.whyNot().contains("add the line --allow-upsample=true"), composed.whyNot());
  }

  /** The composed graph is not used, and the reason names the changed file and the command that composes it again. */
  private void assertNotUsedUntilComposedAgain(String changed) throws IOException {
    VoskModelDirectory.Composed composed = VoskModelDirectory.check(dir).composed();
    assertTrue(composed.dir().isEmpty());
    assertEquals(dir.resolve("composed") + " was made from another " + changed + ": compose it again"
        + " (scripts/compose-graph.sh " + dir + ")", composed.whyNot());
  }

  /** A line of {@code sha256sum}'s output for a file holding {@code content}. */
  private static String sha256Line(String content, String path) throws IOException {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest) + "  " + path;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** A composed/ beside the model, as scripts/compose-graph.sh leaves it, whose FROM lists {@code from}. */
  private void composedFrom(String... from) throws IOException {
    Path composed = dir.resolve("composed");
    Files.createDirectories(composed.resolve("graph"));
    Files.createDirectories(composed.resolve("am"));
    Files.createDirectories(composed.resolve("conf"));
    Files.writeString(composed.resolve("graph/HCLG.fst"), "");
    Files.writeString(composed.resolve("am/final.mdl"), "");
    Files.copy(dir.resolve("conf/mfcc.conf"), composed.resolve("conf/mfcc.conf"));
    Files.write(composed.resolve("FROM"), List.of(from));
  }

  private void model(String... mfccConfLines) throws IOException {
    Files.createDirectories(dir.resolve("am"));
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("am/final.mdl"), "");
    Files.write(dir.resolve("conf/mfcc.conf"), List.of(mfccConfLines));
  }
}
